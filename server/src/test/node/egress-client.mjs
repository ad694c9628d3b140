// Drives Switchboard's Twirp Egress service with LiveKit's Node server SDK (livekit-server-sdk), the
// way a user's backend records calls. Run by NodeEgressClientTest against a fresh server in which an
// in-process SIP caller has joined room ROOM as IDENTITY, publishing a tone on track TRACK_SID:
//   LIVEKIT_URL=… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… IDENTITY=… TRACK_SID=… node egress-client.mjs
// Exits non-zero (node:test) if any check fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessToken, EgressClient, TwirpError } from 'livekit-server-sdk';
import { DirectFileOutput, EgressStatus, EncodedFileOutput, EncodedFileType } from '@livekit/protocol';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM, IDENTITY, TRACK_SID } = process.env;
assert.ok(LIVEKIT_URL && LIVEKIT_API_KEY && LIVEKIT_API_SECRET && ROOM && IDENTITY && TRACK_SID,
  'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM, IDENTITY and TRACK_SID');
const egress = new EgressClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

async function refused(call) {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof TwirpError, `expected a TwirpError, got ${e}`);
    return e;
  }
  assert.fail('the call succeeded');
}

const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts, lets it record a moment, stops, and checks the finished file as ListEgress reports it. */
async function recordAndStop(started, filename) {
  assert.match(started.egressId, /^EG_[0-9A-Za-z]{12}$/);
  assert.equal(started.status, EgressStatus.EGRESS_ACTIVE, started.error);
  assert.equal(started.roomName, ROOM);
  assert.ok(started.startedAt > 0n, 'startedAt is set (nanoseconds)');
  const active = await egress.listEgress({ roomName: ROOM, active: true });
  assert.ok(active.some((i) => i.egressId === started.egressId), 'listed as active');
  await tick(600);
  const stopped = await egress.stopEgress(started.egressId);
  assert.equal(stopped.status, EgressStatus.EGRESS_COMPLETE, stopped.error);
  const [done] = await egress.listEgress({ egressId: started.egressId });
  assert.equal(done.status, EgressStatus.EGRESS_COMPLETE);
  assert.ok(done.endedAt >= done.startedAt);
  const [file] = done.fileResults;
  assert.equal(file.filename, filename);
  assert.ok(file.size > 1000n, `the file has audio: ${file.size} bytes`);
  assert.ok(file.duration >= 500_000_000n && file.duration < 5_000_000_000n, `duration ${file.duration} ns`);
  assert.ok(file.location.endsWith(filename), file.location);
  const again = await refused(egress.stopEgress(started.egressId));
  assert.equal(again.code, 'failed_precondition');
}

test('room composite, audio only, to Ogg Opus', async () => {
  const started = await egress.startRoomCompositeEgress(ROOM,
    new EncodedFileOutput({ fileType: EncodedFileType.OGG, filepath: 'node/{room_name}-mix.ogg' }), { audioOnly: true });
  assert.equal(started.request.case, 'roomComposite');
  await recordAndStop(started, `node/${ROOM}-mix.ogg`);
});

test('participant egress to WAV', async () => {
  const started = await egress.startParticipantEgress(ROOM, IDENTITY,
    { file: new EncodedFileOutput({ filepath: 'node/{publisher_identity}.wav' }) });
  await recordAndStop(started, `node/${IDENTITY}.wav`);
});

test('track egress to a direct file', async () => {
  const started = await egress.startTrackEgress(ROOM, new DirectFileOutput({ filepath: 'node/{track_id}' }), TRACK_SID);
  await recordAndStop(started, `node/${TRACK_SID}.ogg`);
});

test('what this server does not record is refused with the reason', async () => {
  const video = await refused(egress.startRoomCompositeEgress(ROOM,
    new EncodedFileOutput({ filepath: 'x.mp4' }), { layout: 'grid' }));
  assert.equal(video.code, 'unimplemented');
  assert.match(video.message, /audio_only/);
  const mp4 = await refused(egress.startRoomCompositeEgress(ROOM,
    new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: 'x.mp4' }), { audioOnly: true }));
  assert.equal(mp4.code, 'unimplemented');
  assert.match(mp4.message, /OGG/);
  const layout = await refused(egress.updateLayout('EG_anything', 'speaker'));
  assert.equal(layout.code, 'unimplemented');
  const noRoom = await refused(egress.startRoomCompositeEgress('attic',
    new EncodedFileOutput({ filepath: 'a.ogg' }), { audioOnly: true }));
  assert.equal(noRoom.code, 'not_found');
  const noEgress = await refused(egress.stopEgress('EG_doesnotexist'));
  assert.equal(noEgress.code, 'not_found');
  const escape = await refused(egress.startRoomCompositeEgress(ROOM,
    new EncodedFileOutput({ filepath: '../../outside.ogg' }), { audioOnly: true }));
  assert.equal(escape.code, 'invalid_argument');
});

test('the roomRecord grant is required', async () => {
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
  token.addGrant({ roomAdmin: true, room: ROOM });
  const response = await fetch(`${LIVEKIT_URL}/twirp/livekit.Egress/ListEgress`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token.toJwt()}` },
    body: '{}',
  });
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.equal(body.code, 'unauthenticated');
  assert.match(body.msg, /roomRecord/);
});
