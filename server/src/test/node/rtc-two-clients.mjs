// Two @livekit/rtc-node clients in one room of a running Switchboard, each publishing a tone
// ("speaker" 440 Hz, "listener" 1000 Hz) and measuring what it hears from the other. Run by
// RtcNodeClientsTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-two-clients.mjs
// Prints one line "RESULT {json}" and exits non-zero if a step fails.
import assert from 'node:assert/strict';
import { Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { token, publishTone, record, describe } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');

function firstAudio(room) {
  return new Promise((resolve) =>
    room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
      if (track.kind === TrackKind.KIND_AUDIO) resolve({ track, publication, participant });
    }));
}

function within(promise, seconds, what) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} within ${seconds} s`)), seconds * 1000))]);
}

const listener = new Room();
const heardByListener = firstAudio(listener);
await listener.connect(LIVEKIT_URL, await token('listener', ROOM), { autoSubscribe: true, dynacast: false });

const speaker = new Room();
const heardBySpeaker = firstAudio(speaker);
await speaker.connect(LIVEKIT_URL, await token('speaker', ROOM), { autoSubscribe: true, dynacast: false });
const low = await publishTone(speaker, 440);
const high = await publishTone(listener, 1000);

const [atListener, atSpeaker] = await within(Promise.all([heardByListener, heardBySpeaker]), 15, 'no track subscribed');
// LiveKit's TrackSubscribed (SignalResponse.track_subscribed): each publisher is told its track has a subscriber.
const told = { speaker: false, listener: false };
await within(Promise.all([
  low.publication.waitForSubscription().then(() => { told.speaker = true; }),
  high.publication.waitForSubscription().then(() => { told.listener = true; }),
]), 15, 'a publisher was not told of its subscriber');
const [listenerSamples, speakerSamples] = await Promise.all([record(atListener.track, 2), record(atSpeaker.track, 2)]);
const result = {
  listener: {
    from: atListener.participant.identity, trackSid: atListener.publication.sid, publishedSid: low.publication.sid,
    tone: describe(listenerSamples, 440), own: describe(listenerSamples, 1000), toldSubscribed: told.listener,
  },
  speaker: {
    from: atSpeaker.participant.identity, trackSid: atSpeaker.publication.sid, publishedSid: high.publication.sid,
    tone: describe(speakerSamples, 1000), own: describe(speakerSamples, 440), toldSubscribed: told.speaker,
  },
};
console.log('RESULT ' + JSON.stringify(result));
await low.stop();
await high.stop();
await speaker.disconnect();
await listener.disconnect();
process.exit(0);
