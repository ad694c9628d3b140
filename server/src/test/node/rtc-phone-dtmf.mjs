// An @livekit/rtc-node client in a room with a phone: it prints READY once connected, collects
// the SipDTMF keys the caller presses until it has DIGITS, then keys "7" and "9" toward the
// phone, prints "RESULT {json}" and leaves when the caller does. Run by RtcPhoneDtmfTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… DIGITS=42# node rtc-phone-dtmf.mjs
import assert from 'node:assert/strict';
import { Room, RoomEvent } from '@livekit/rtc-node';
import { token } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM, DIGITS } = process.env;
assert.ok(LIVEKIT_URL && ROOM && DIGITS, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM and DIGITS');

function within(promise, seconds, what) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} within ${seconds} s`)), seconds * 1000))]);
}

const room = new Room();
const keys = [];
let gotAll;
const all = new Promise((resolve) => { gotAll = resolve; });
room.on(RoomEvent.DtmfReceived, (code, digit, participant) => {
  keys.push({ code, digit, from: participant?.identity ?? null });
  if (keys.map((k) => k.digit).join('') === DIGITS) gotAll();
});
const callerLeft = new Promise((resolve) =>
  room.on(RoomEvent.ParticipantDisconnected, (p) => { if (p.identity.startsWith('sip_')) resolve(); }));
await room.connect(LIVEKIT_URL, await token('web', ROOM), { autoSubscribe: true, dynacast: false });
console.log('READY');
await within(all, 40, `the caller's keys ${DIGITS} (got ${JSON.stringify(keys)})`);
await room.localParticipant.publishDtmf(7, '7');
await room.localParticipant.publishDtmf(9, '9');
console.log('RESULT ' + JSON.stringify({ keys }));
await within(callerLeft, 40, 'the caller hung up');
await room.disconnect();
process.exit(0);
