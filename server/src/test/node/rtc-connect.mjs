// @livekit/rtc-node clients against a running Switchboard's /rtc signalling: join, participant
// updates, metadata/name/attribute updates, mute, duplicate identity and leave. Run by
// RtcNodeClientsTest:  LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-connect.mjs
// Exits non-zero (node:test) if any check fails.
import assert from 'node:assert/strict';
import { test, after } from 'node:test';
import { Room, RoomEvent, ConnectionState, DisconnectReason } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { token, publishTone } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');
const opts = { autoSubscribe: true, dynacast: false };

/**
 * Resolves with the arguments of the first `event` for which `match` holds, within 30 s (the
 * clock runs from before the step that causes it, a connect included, on a busy machine).
 */
function next(room, event, match = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 30 s`)), 30000);
    const handler = (...args) => {
      if (match(...args)) {
        clearTimeout(timer);
        room.off(event, handler);
        resolve(args);
      }
    };
    room.on(event, handler);
  });
}

const api = () => new RoomServiceClient(LIVEKIT_URL.replace(/^ws/, 'http'), process.env.LIVEKIT_API_KEY,
  process.env.LIVEKIT_API_SECRET);

const alice = new Room();
const bob = new Room();
after(async () => {
  await alice.disconnect().catch(() => {});
  await bob.disconnect().catch(() => {});
});

test('alice joins: room name, participant sid, connected', async () => {
  await alice.connect(LIVEKIT_URL, await token('alice', ROOM, { canUpdateOwnMetadata: true }), opts);
  assert.equal(alice.name, ROOM);
  assert.match(alice.localParticipant.sid, /^PA_/);
  assert.equal(alice.localParticipant.identity, 'alice');
  assert.equal(alice.connectionState, ConnectionState.CONN_CONNECTED);
});

test('bob joins: each sees the other', async () => {
  const seen = next(alice, RoomEvent.ParticipantConnected, (p) => p.identity === 'bob');
  await bob.connect(LIVEKIT_URL, await token('bob', ROOM, { canUpdateOwnMetadata: false }), opts);
  await seen;
  assert.deepEqual([...bob.remoteParticipants.values()].map((p) => p.identity), ['alice']);
});

test('alice sets her name, metadata and attributes: the promises resolve and bob sees them', async () => {
  const metadataSeen = next(bob, RoomEvent.ParticipantMetadataChanged, (_, p) => p.identity === 'alice');
  const nameSeen = next(bob, RoomEvent.ParticipantNameChanged, (_, p) => p.identity === 'alice');
  const attributesSeen = next(bob, RoomEvent.ParticipantAttributesChanged, (_, p) => p.identity === 'alice');
  await alice.localParticipant.updateMetadata('{"mood":"good"}');
  await alice.localParticipant.updateName('Alice A.');
  await alice.localParticipant.setAttributes({ team: 'blue' });
  await Promise.all([metadataSeen, nameSeen, attributesSeen]);
  const remote = bob.remoteParticipants.get('alice');
  assert.equal(remote.metadata, '{"mood":"good"}');
  assert.equal(remote.name, 'Alice A.');
  assert.equal(remote.attributes.team, 'blue');
});

test('bob may not update his metadata without canUpdateOwnMetadata', async () => {
  await bob.localParticipant.updateMetadata('nope'); // rtc-node does not surface the refusal
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await api().getParticipant(ROOM, 'bob')).metadata, '');
  assert.equal(alice.remoteParticipants.get('bob').metadata, '');
});

// rtc-node 1.1.0 has no local mute, so the room API mutes the track (MutePublishedTrack).
test('alice publishes a track, the room API mutes it: bob sees it published, then muted', async () => {
  const published = next(bob, RoomEvent.TrackPublished, (_, p) => p.identity === 'alice');
  const tone = await publishTone(alice, 300);
  const [publication] = await published;
  assert.match(publication.sid, /^TR_/);
  assert.equal(publication.sid, tone.publication.sid);
  const muted = next(bob, RoomEvent.TrackMuted, (pub) => pub.sid === publication.sid);
  await api().mutePublishedTrack(ROOM, 'alice', publication.sid, true);
  await muted;
  await tone.stop();
});

test('a second join as alice replaces the first (DUPLICATE_IDENTITY)', async () => {
  const kicked = next(alice, RoomEvent.Disconnected);
  const again = new Room();
  await again.connect(LIVEKIT_URL, await token('alice', ROOM), opts);
  const [reason] = await kicked;
  assert.equal(reason, DisconnectReason.DUPLICATE_IDENTITY);
  assert.deepEqual([...again.remoteParticipants.values()].map((p) => p.identity), ['bob']);
  const left = next(bob, RoomEvent.ParticipantDisconnected, (p) => p.identity === 'alice');
  await again.disconnect();
  await left;
  assert.equal(bob.remoteParticipants.size, 0);
});
