// Two @livekit/rtc-node clients in one room of a running Switchboard: "speaker" publishes a 440 Hz
// tone, "listener" subscribes and measures what it hears. Run by RtcNodeClientsTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-two-clients.mjs
// Prints one line "RESULT {json}" and exits non-zero if a step fails.
import assert from 'node:assert/strict';
import { Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { token, publishTone, record, describe } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');

const listener = new Room();
const subscribed = new Promise((resolve) =>
  listener.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind === TrackKind.KIND_AUDIO) resolve({ track, publication, participant });
  }));
await listener.connect(LIVEKIT_URL, await token('listener', ROOM), { autoSubscribe: true, dynacast: false });

const speaker = new Room();
await speaker.connect(LIVEKIT_URL, await token('speaker', ROOM), { autoSubscribe: true, dynacast: false });
const tone = await publishTone(speaker, 440);

const got = await Promise.race([
  subscribed,
  new Promise((_, reject) => setTimeout(() => reject(new Error('no track subscribed within 15 s')), 15000)),
]);
const samples = await record(got.track, 2, 1);
const result = {
  from: got.participant.identity,
  trackSid: got.publication.sid,
  publishedSid: tone.publication.sid,
  tone: describe(samples, 440),
  other: describe(samples, 1000),
  remoteParticipants: [...listener.remoteParticipants.values()].map((p) => p.identity),
};
console.log('RESULT ' + JSON.stringify(result));
await tone.stop();
await speaker.disconnect();
await listener.disconnect();
process.exit(0);
