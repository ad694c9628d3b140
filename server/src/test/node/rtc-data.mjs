// Data packets between @livekit/rtc-node clients through a running Switchboard: alice publishes
// to everyone and to bob only, a participant without canPublishData publishes in vain, alice
// keys a SipDTMF, and the server sends with RoomServiceClient.sendData. Run by RtcNodeDataTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-data.mjs
// Prints one line "RESULT {json}" with what bob and carol received, in order.
import assert from 'node:assert/strict';
import { Room, RoomEvent } from '@livekit/rtc-node';
import { RoomServiceClient, DataPacket_Kind } from 'livekit-server-sdk';
import { token } from './rtc-common.mjs';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');
const text = new TextEncoder();
const untext = new TextDecoder();

function within(promise, seconds, what) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} within ${seconds} s`)), seconds * 1000))]);
}

/** Joins and records every data packet and DTMF key received; `until(text)` waits for a payload. */
async function join(identity, grant = {}) {
  const room = new Room();
  const got = [];
  const waiters = [];
  const note = (entry) => {
    got.push(entry);
    waiters.filter((w) => w.text === entry.text).forEach((w) => w.resolve());
  };
  room.on(RoomEvent.DataReceived, (payload, participant, kind, topic) =>
    note({ text: untext.decode(payload), from: participant?.identity ?? null, kind, topic: topic ?? null }));
  room.on(RoomEvent.DtmfReceived, (code, digit, participant) =>
    note({ text: `dtmf:${digit}`, code, from: participant?.identity ?? null }));
  await room.connect(LIVEKIT_URL, await token(identity, ROOM, grant), { autoSubscribe: true, dynacast: false });
  const until = (t) => got.some((e) => e.text === t) ? Promise.resolve()
    : new Promise((resolve) => waiters.push({ text: t, resolve }));
  return { room, got, until };
}

const bob = await join('bob');
const carol = await join('carol');
const alice = await join('alice');
const muted = await join('muted', { canPublishData: false });

await alice.room.localParticipant.publishData(text.encode('hello everyone'), { reliable: true, topic: 'chat' });
await alice.room.localParticipant.publishData(text.encode('only for bob'),
  { reliable: true, topic: 'private', destination_identities: ['bob'] });
await muted.room.localParticipant.publishData(text.encode('not allowed'), { reliable: true });
await alice.room.localParticipant.publishDtmf(11, '#');
// Lossy packets may be lost on a real network; on loopback a few are plenty.
for (let i = 0; i < 5; i++) {
  await alice.room.localParticipant.publishData(text.encode('lossy'), { reliable: false, topic: 'fast' });
}
const rooms = new RoomServiceClient(LIVEKIT_URL.replace(/^ws/, 'http'), LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
await rooms.sendData(ROOM, text.encode('from the server'), DataPacket_Kind.RELIABLE,
  { destinationIdentities: ['carol'], topic: 'admin' });
await alice.room.localParticipant.publishData(text.encode('end'), { reliable: true });
// The lossy packets travel on their own data channel, so one may arrive after the reliable end
// marker: wait for it too (RtcNodeDataTest wants at least one of the five at bob).
await within(Promise.all([bob.until('end'), bob.until('lossy'), carol.until('end'), carol.until('from the server')]),
  30, 'bob and carol got the end marker, and bob a lossy packet');

console.log('RESULT ' + JSON.stringify({ bob: bob.got, carol: carol.got, alice: alice.got },
  (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
for (const c of [alice, bob, carol, muted]) await c.room.disconnect();
process.exit(0);
