// An @livekit/rtc-node client in a room that a SIP caller dials into: it publishes a 1000 Hz tone
// and measures what it hears from the caller. Run by RtcAndPhoneInARoomTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-with-phone.mjs
// Prints "READY" once connected and publishing, then one "RESULT {json}" line.
import assert from 'node:assert/strict';
import { Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { token, publishTone, record, describe } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');

const room = new Room();
const fromCaller = new Promise((resolve) =>
  room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind === TrackKind.KIND_AUDIO) resolve({ track, publication, participant });
  }));
await room.connect(LIVEKIT_URL, await token('web', ROOM), { autoSubscribe: true, dynacast: false });
const tone = await publishTone(room, 1000);
console.log('READY');

const got = await Promise.race([
  fromCaller,
  new Promise((_, reject) => setTimeout(() => reject(new Error('no caller track within 30 s')), 30000)),
]);
const samples = await record(got.track, 2, 0.5);
console.log('RESULT ' + JSON.stringify({
  from: got.participant.identity,
  kind: got.participant.kind,
  tone: describe(samples, 440),
  own: describe(samples, 1000),
}));
// Keep talking until the caller hangs up, so the phone hears us for its whole recording.
await new Promise((resolve) => {
  room.on(RoomEvent.ParticipantDisconnected, resolve);
  setTimeout(resolve, 20000);
});
await tone.stop();
await room.disconnect();
process.exit(0);
