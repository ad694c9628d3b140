// An @livekit/rtc-node client waiting in a room for an agent: prints "READY" once connected, then
// one "RESULT {json}" line with who published audio (identity, kind) and how much 700 Hz it hears.
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-meets-agent.mjs
import assert from 'node:assert/strict';
import { Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { token, record, describe } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');

const room = new Room();
const fromAgent = new Promise((resolve) =>
  room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind === TrackKind.KIND_AUDIO) resolve({ track, participant });
  }));
await room.connect(LIVEKIT_URL, await token('web', ROOM), { autoSubscribe: true, dynacast: false });
console.log('READY');
const got = await Promise.race([
  fromAgent,
  // The framework starts a job process per job: on a busy machine that alone can take tens of seconds.
  new Promise((_, reject) => setTimeout(() => reject(new Error('no agent track within 120 s')), 120000)),
]);
const samples = await record(got.track, 2, 0.5);
console.log('RESULT ' + JSON.stringify({
  from: got.participant.identity,
  kind: got.participant.kind,
  tone: describe(samples, 700),
}));
await room.disconnect();
process.exit(0);
