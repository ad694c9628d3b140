// Drives Switchboard's Twirp RoomService with LiveKit's Node server SDK (livekit-server-sdk), the way
// a user's backend would. Run by NodeRoomClientTest against a fresh server in which an in-process
// SIP caller has joined room ROOM as IDENTITY and published track TRACK_SID:
//   LIVEKIT_URL=… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… IDENTITY=… TRACK_SID=… node room-client.mjs
// Exits non-zero (node:test) if any check fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RoomServiceClient, TwirpError, DataPacket_Kind } from 'livekit-server-sdk';
import { ParticipantInfo_Kind, ParticipantInfo_State, TrackSource, TrackType } from '@livekit/protocol';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM, IDENTITY, TRACK_SID } = process.env;
assert.ok(LIVEKIT_URL && LIVEKIT_API_KEY && LIVEKIT_API_SECRET && ROOM && IDENTITY && TRACK_SID,
  'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM, IDENTITY and TRACK_SID');
const rooms = new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

/** The TwirpError a call must fail with. */
async function refused(call) {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof TwirpError, `expected a TwirpError, got ${e}`);
    return e;
  }
  assert.fail('the call succeeded');
}

test('createRoom with options, idempotent, listed by name, metadata updated', async () => {
  const created = await rooms.createRoom({
    name: 'node-room', emptyTimeout: 90, departureTimeout: 15, maxParticipants: 4, metadata: '{"a":1}',
  });
  assert.match(created.sid, /^RM_[0-9A-Za-z]{12}$/);
  assert.equal(created.name, 'node-room');
  assert.equal(created.emptyTimeout, 90);
  assert.equal(created.departureTimeout, 15);
  assert.equal(created.maxParticipants, 4);
  assert.equal(created.metadata, '{"a":1}');
  assert.ok(created.creationTime > 0n, 'creationTime is set (int64 as a JSON string)');

  const again = await rooms.createRoom({ name: 'node-room' });
  assert.equal(again.sid, created.sid);
  assert.equal(again.emptyTimeout, 90);

  assert.deepEqual((await rooms.listRooms(['node-room'])).map((r) => r.name), ['node-room']);
  const all = (await rooms.listRooms()).map((r) => r.name).sort();
  assert.deepEqual(all, [ROOM, 'node-room'].sort());

  const updated = await rooms.updateRoomMetadata('node-room', '{"a":2}');
  assert.equal(updated.metadata, '{"a":2}');
});

test('the caller is listed and got with its kind, state and track', async () => {
  const [caller] = await rooms.listParticipants(ROOM);
  assert.equal(caller.identity, IDENTITY);
  assert.equal(caller.kind, ParticipantInfo_Kind.SIP);
  assert.equal(caller.state, ParticipantInfo_State.ACTIVE);
  assert.equal(caller.attributes['sip.phoneNumber'], '+15105550100');
  assert.ok(caller.joinedAt > 0n);

  const got = await rooms.getParticipant(ROOM, IDENTITY);
  assert.equal(got.sid, caller.sid);
  assert.equal(got.tracks.length, 1);
  assert.equal(got.tracks[0].sid, TRACK_SID);
  assert.equal(got.tracks[0].type, TrackType.AUDIO);
  assert.equal(got.tracks[0].source, TrackSource.MICROPHONE);
  assert.equal(got.tracks[0].muted, false);
});

test('updateParticipant: name, metadata, attributes (an empty value deletes)', async () => {
  const updated = await rooms.updateParticipant(ROOM, IDENTITY, {
    name: 'Node Caller', metadata: '{"vip":true}', attributes: { team: 'red', 'sip.callStatus': '' },
  });
  assert.equal(updated.name, 'Node Caller');
  assert.equal(updated.metadata, '{"vip":true}');
  assert.deepEqual(updated.attributes, { 'sip.phoneNumber': '+15105550100', team: 'red' });

  const metadataOnly = await rooms.updateParticipant(ROOM, IDENTITY, '{"vip":false}');
  assert.equal(metadataOnly.metadata, '{"vip":false}');
  assert.equal(metadataOnly.name, 'Node Caller', 'the name is kept');
  assert.ok(metadataOnly.version > updated.version);

  const permission = await refused(rooms.updateParticipant(ROOM, IDENTITY, { permission: { canPublish: false } }));
  assert.equal(permission.code, 'unimplemented');
  assert.match(permission.message, /permission/);
});

test('mutePublishedTrack mutes; unmuting needs room.enable_remote_unmute', async () => {
  const track = await rooms.mutePublishedTrack(ROOM, IDENTITY, TRACK_SID, true);
  assert.equal(track.sid, TRACK_SID);
  assert.equal(track.muted, true);
  const unmute = await refused(rooms.mutePublishedTrack(ROOM, IDENTITY, TRACK_SID, false));
  assert.equal(unmute.status, 412);
  assert.equal(unmute.code, 'failed_precondition');
  const noTrack = await refused(rooms.mutePublishedTrack(ROOM, IDENTITY, 'TR_doesnotexist', true));
  assert.equal(noTrack.code, 'not_found');
});

test('unknown rooms and participants are not_found; sendData to a room reaches it', async () => {
  const noRoom = await refused(rooms.updateRoomMetadata('attic', 'x'));
  assert.equal(noRoom.status, 404);
  assert.equal(noRoom.code, 'not_found');
  const noOne = await refused(rooms.getParticipant(ROOM, 'nobody'));
  assert.equal(noOne.code, 'not_found');
  await rooms.sendData(ROOM, new Uint8Array([1]), DataPacket_Kind.RELIABLE);
  const noRoomData = await refused(rooms.sendData('attic', new Uint8Array([1]), DataPacket_Kind.RELIABLE));
  assert.equal(noRoomData.code, 'not_found');
});

test('a wrong secret is refused', async () => {
  const stranger = new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, 'not-the-secret');
  const error = await refused(stranger.listRooms());
  assert.equal(error.status, 401);
  assert.equal(error.code, 'unauthenticated');
});

test('removeParticipant hangs the caller up; deleteRoom closes the room', async () => {
  await rooms.removeParticipant(ROOM, IDENTITY);
  assert.deepEqual(await rooms.listParticipants(ROOM), []);
  const gone = await refused(rooms.removeParticipant(ROOM, IDENTITY));
  assert.equal(gone.code, 'not_found');

  await rooms.deleteRoom('node-room');
  assert.deepEqual((await rooms.listRooms(['node-room'])), []);
  const again = await refused(rooms.deleteRoom('node-room'));
  assert.equal(again.code, 'not_found');
});
