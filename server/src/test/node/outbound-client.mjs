// Places outbound calls through Switchboard with LiveKit's Node server SDK (livekit-server-sdk),
// the way a user's backend does, against SIPp callees started by NodeOutboundClientTest:
//   LIVEKIT_URL=... LIVEKIT_API_KEY=... LIVEKIT_API_SECRET=... ANSWER_PORT=... BUSY_PORT=... \
//   NO_ANSWER_PORT=... node outbound-client.mjs
// Exits non-zero (node:test) if any check fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SipClient, RoomServiceClient, SipCallError } from 'livekit-server-sdk';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ANSWER_PORT, BUSY_PORT, NO_ANSWER_PORT } = process.env;
assert.ok(LIVEKIT_URL && ANSWER_PORT && BUSY_PORT && NO_ANSWER_PORT, 'set LIVEKIT_* and the three carrier ports');
const sip = new SipClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
const rooms = new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

async function trunkTo(port) {
  const trunk = await sip.createSipOutboundTrunk(`carrier ${port}`, `127.0.0.1:${port}`, ['+15105550100']);
  assert.match(trunk.sipTrunkId, /^ST_/);
  return trunk.sipTrunkId;
}

/** The SipCallError a call must fail with. */
async function failed(call) {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof SipCallError, `expected a SipCallError, got ${e}`);
    return e;
  }
  assert.fail('the call succeeded');
}

test('an answered call: the callee is in the room, active, and RemoveParticipant hangs up', async () => {
  const trunk = await trunkTo(ANSWER_PORT);
  const info = await sip.createSipParticipant(trunk, '+14155550123', 'node-dial', {
    participantIdentity: 'callee',
    participantName: 'Callee',
    participantAttributes: { crm: 'lead-7' },
    waitUntilAnswered: true,
    playDialtone: true,
    headers: { 'X-Campaign': 'spring' },
  });
  assert.equal(info.participantIdentity, 'callee');
  assert.equal(info.roomName, 'node-dial');
  assert.match(info.sipCallId, /^SCL_/);
  assert.match(info.participantId, /^PA_/);

  const [callee] = await rooms.getParticipant('node-dial', 'callee').then((p) => [p]);
  assert.equal(callee.attributes['sip.callStatus'], 'active');
  assert.equal(callee.attributes['sip.phoneNumber'], '+14155550123');
  assert.equal(callee.attributes['sip.callID'], info.sipCallId);
  assert.equal(callee.attributes.crm, 'lead-7');
  await rooms.removeParticipant('node-dial', 'callee');
});

test('busy: SipCallError with sipStatusCode 486 and sipStatus', async () => {
  const trunk = await trunkTo(BUSY_PORT);
  const e = await failed(sip.createSipParticipant(trunk, '+14155550123', 'node-busy', { waitUntilAnswered: true }));
  assert.equal(e.sipStatusCode, 486);
  assert.equal(e.sipStatus, 'Busy Here');
  assert.equal(e.code, 'resource_exhausted');
  assert.equal(e.status, 429);
});

test('no answer within ringingTimeout: CANCEL, and SipCallError 408', async () => {
  const trunk = await trunkTo(NO_ANSWER_PORT);
  const e = await failed(sip.createSipParticipant(trunk, '+14155550123', 'node-no-answer', {
    waitUntilAnswered: true,
    ringingTimeout: 2,
  }));
  assert.equal(e.sipStatusCode, 408);
  assert.equal(e.code, 'deadline_exceeded');
});
