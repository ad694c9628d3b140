// Transfers a phone caller with LiveKit's Node server SDK, as a user's backend would, and checks
// the outcome. Run by TransferSippTest while SIPp plays the carrier:
//   LIVEKIT_URL=... LIVEKIT_API_KEY=... LIVEKIT_API_SECRET=... ROOM=... IDENTITY=... TRANSFER_TO=...
//   EXPECT_SIP_STATUS=<empty for success, else the SIP status the SipCallError must carry>
// Exits non-zero if the outcome differs.
import assert from 'node:assert/strict';
import { SipClient } from 'livekit-server-sdk';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM, IDENTITY, TRANSFER_TO, EXPECT_SIP_STATUS } = process.env;
const sip = new SipClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

try {
  await sip.transferSipParticipant(ROOM, IDENTITY, TRANSFER_TO, {
    playDialtone: true,
    headers: { 'X-Transfer-Reason': 'vip' },
  });
  assert.ok(!EXPECT_SIP_STATUS, `the transfer succeeded but SIP ${EXPECT_SIP_STATUS} was expected`);
  console.log('transferred');
} catch (e) {
  if (!EXPECT_SIP_STATUS) {
    throw e;
  }
  assert.equal(e.name, 'SipCallError', `expected a SipCallError, got ${e}`);
  assert.equal(e.sipStatusCode, Number(EXPECT_SIP_STATUS));
  console.log(`refused: ${e.code} ${e.sipStatusCode} ${e.sipStatus}: ${e.message}`);
}
