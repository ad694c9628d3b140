// Drives Switchboard's Twirp SIP API with LiveKit's Node server SDK (livekit-server-sdk), the way
// a user's provisioning script would. Run by NodeSipClientTest against a fresh server:
//   LIVEKIT_URL=http://127.0.0.1:7880 LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret node sip-client.mjs
// Exits non-zero (node:test) if any check fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SipClient, RoomConfiguration, RoomAgentDispatch, SIPDispatchRuleInfo, SIPDispatchRule,
  SIPDispatchRuleDirect, SIPOutboundTrunkInfo, TwirpError } from 'livekit-server-sdk';
import { ListUpdate, SIPInboundTrunkUpdate, SIPOutboundTrunkUpdate, SIPDispatchRuleUpdate, SIPTransport,
  SIPHeaderOptions, SIPMediaEncryption } from '@livekit/protocol';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
assert.ok(LIVEKIT_URL && LIVEKIT_API_KEY && LIVEKIT_API_SECRET,
  'set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
const sip = new SipClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

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

test('inbound trunk: create, list by number, update fields, replace, delete', async () => {
  const trunk = await sip.createSipInboundTrunk('Twilio inbound', ['+15105550100'], {
    allowedAddresses: ['54.172.60.0/30', '54.244.51.0/30'],
    authUsername: 'user',
    authPassword: 'pass',
    headersToAttributes: { 'X-Customer': 'customer' },
    includeHeaders: SIPHeaderOptions.SIP_X_HEADERS,
    krispEnabled: true,
    mediaEncryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW,
    ringingTimeout: 30,
  });
  assert.match(trunk.sipTrunkId, /^ST_[A-Za-z0-9]{12}$/);
  assert.deepEqual(trunk.allowedAddresses, ['54.172.60.0/30', '54.244.51.0/30']);
  assert.equal(trunk.headersToAttributes['X-Customer'], 'customer');
  assert.equal(trunk.includeHeaders, SIPHeaderOptions.SIP_X_HEADERS);
  assert.equal(trunk.krispEnabled, true);
  assert.equal(trunk.mediaEncryption, SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW);
  assert.equal(trunk.ringingTimeout?.seconds, 30n);
  assert.ok(trunk.createdAt && trunk.updatedAt, 'timestamps are set');

  const byNumber = await sip.listSipInboundTrunk({ numbers: ['+1 (510) 555-0100'] });
  assert.deepEqual(byNumber.map((t) => t.sipTrunkId), [trunk.sipTrunkId]);
  assert.deepEqual(await sip.listSipInboundTrunk({ numbers: ['+442071234567'] }), []);

  const updated = await sip.updateSipInboundTrunkFields(trunk.sipTrunkId, new SIPInboundTrunkUpdate({
    numbers: new ListUpdate({ add: ['+15105550101'] }),
    allowedAddresses: new ListUpdate({ remove: ['54.244.51.0/30'] }),
    name: 'Twilio main line',
  }));
  assert.deepEqual(updated.numbers, ['+15105550100', '+15105550101']);
  assert.deepEqual(updated.allowedAddresses, ['54.172.60.0/30']);
  assert.equal(updated.name, 'Twilio main line');
  assert.equal(updated.authUsername, 'user', 'fields not in the update stay');

  const replaced = await sip.updateSipInboundTrunk(trunk.sipTrunkId, {
    name: 'Telnyx', numbers: ['+4930123456'], allowedAddresses: ['192.76.120.10'],
  });
  assert.equal(replaced.sipTrunkId, trunk.sipTrunkId);
  assert.deepEqual(replaced.numbers, ['+4930123456']);
  assert.equal(replaced.authUsername, '', 'a replace drops what it does not carry');

  const deleted = await sip.deleteSipTrunk(trunk.sipTrunkId);
  assert.equal(deleted.sipTrunkId, trunk.sipTrunkId);
  assert.deepEqual(await sip.listSipInboundTrunk(), []);
});

test('inbound trunk: a conflicting trunk is refused naming the other one', async () => {
  const first = await sip.createSipInboundTrunk('first', ['+15105550200']);
  const error = await refused(sip.createSipInboundTrunk('second', ['15105550200']));
  assert.equal(error.status, 400);
  assert.equal(error.code, 'invalid_argument');
  assert.equal(error.metadata?.conflicting_id, first.sipTrunkId);
  assert.match(error.message, new RegExp(first.sipTrunkId));
  await sip.deleteSipTrunk(first.sipTrunkId);
});

test('outbound trunk: create, update fields, replace, list, delete', async () => {
  const trunk = await sip.createSipOutboundTrunk('Twilio outbound', 'mytrunk.pstn.twilio.com', ['+15105550100'], {
    transport: SIPTransport.SIP_TRANSPORT_TLS,
    authUsername: 'u',
    authPassword: 'p',
    destinationCountry: 'US',
    headers: { 'X-Job': '42' },
    includeHeaders: SIPHeaderOptions.SIP_ALL_HEADERS,
    mediaEncryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE,
  });
  assert.match(trunk.sipTrunkId, /^ST_/);
  assert.equal(trunk.transport, SIPTransport.SIP_TRANSPORT_TLS);
  assert.equal(trunk.destinationCountry, 'US');
  assert.equal(trunk.headers['X-Job'], '42');
  assert.equal(trunk.mediaEncryption, SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE);

  const updated = await sip.updateSipOutboundTrunkFields(trunk.sipTrunkId, new SIPOutboundTrunkUpdate({
    address: 'sip.telnyx.com',
    transport: SIPTransport.SIP_TRANSPORT_TCP,
    numbers: new ListUpdate({ set: ['+4930123456', '+4930123457'] }),
  }));
  assert.equal(updated.address, 'sip.telnyx.com');
  assert.equal(updated.transport, SIPTransport.SIP_TRANSPORT_TCP);
  assert.deepEqual(updated.numbers, ['+4930123456', '+4930123457']);
  assert.equal(updated.authUsername, 'u');

  const replaced = await sip.updateSipOutboundTrunk(trunk.sipTrunkId, new SIPOutboundTrunkInfo({
    name: 'replaced', address: 'pbx.example.com:5080', numbers: ['100'],
  }));
  assert.equal(replaced.address, 'pbx.example.com:5080');
  assert.equal(replaced.transport, SIPTransport.SIP_TRANSPORT_AUTO);

  const listed = await sip.listSipOutboundTrunk();
  assert.deepEqual(listed.map((t) => t.name), ['replaced']);
  const legacy = await sip.listSipTrunk();
  assert.deepEqual(legacy.map((t) => t.outboundAddress), ['pbx.example.com:5080']);

  await sip.deleteSipTrunk(trunk.sipTrunkId);
  assert.deepEqual(await sip.listSipOutboundTrunk(), []);
  const gone = await refused(sip.deleteSipTrunk(trunk.sipTrunkId));
  assert.equal(gone.code, 'not_found');
});

test('dispatch rules: direct with PIN, individual with agents, callee; update, list, delete', async () => {
  const lineA = await sip.createSipInboundTrunk('line A', ['+15105550300']);
  const lineB = await sip.createSipInboundTrunk('line B', ['+15105550301']);

  const direct = await sip.createSipDispatchRule({ type: 'direct', roomName: 'conference', pin: '4321' });
  const individual = await sip.createSipDispatchRule({ type: 'individual', roomPrefix: 'call-' }, {
    name: 'agent line',
    trunkIds: [lineA.sipTrunkId],
    hidePhoneNumber: true,
    attributes: { department: 'support' },
    roomConfig: new RoomConfiguration({
      emptyTimeout: 120,
      agents: [new RoomAgentDispatch({ agentName: 'receptionist', metadata: '{"lang":"en"}' })],
    }),
  });
  const callee = await sip.createSipDispatchRule({ type: 'callee', roomPrefix: 'line-', randomize: true }, {
    trunkIds: [lineB.sipTrunkId],
  });

  assert.match(direct.sipDispatchRuleId, /^SDR_[A-Za-z0-9]{12}$/);
  assert.equal(direct.rule?.rule.case, 'dispatchRuleDirect');
  assert.equal(direct.rule?.rule.value.roomName, 'conference');
  assert.equal(direct.rule?.rule.value.pin, '4321');
  assert.equal(individual.rule?.rule.case, 'dispatchRuleIndividual');
  assert.equal(individual.rule?.rule.value.roomPrefix, 'call-');
  assert.equal(individual.hidePhoneNumber, true);
  assert.equal(individual.roomConfig?.emptyTimeout, 120);
  assert.equal(individual.roomConfig?.agents[0].agentName, 'receptionist');
  assert.equal(individual.roomConfig?.agents[0].metadata, '{"lang":"en"}');
  assert.equal(callee.rule?.rule.case, 'dispatchRuleCallee');
  assert.equal(callee.rule?.rule.value.randomize, true);

  const forLineA = await sip.listSipDispatchRule({ trunkIds: [lineA.sipTrunkId] });
  assert.deepEqual(new Set(forLineA.map((r) => r.sipDispatchRuleId)),
    new Set([direct.sipDispatchRuleId, individual.sipDispatchRuleId]), 'rules for line A and for every trunk');

  const updated = await sip.updateSipDispatchRuleFields(individual.sipDispatchRuleId, new SIPDispatchRuleUpdate({
    name: 'agent line (EN)',
    attributes: { department: '', language: 'en' },
  }));
  assert.equal(updated.name, 'agent line (EN)');
  assert.deepEqual({ ...updated.attributes }, { language: 'en' });
  assert.equal(updated.roomConfig?.agents[0].agentName, 'receptionist');

  const replaced = await sip.updateSipDispatchRule(direct.sipDispatchRuleId, new SIPDispatchRuleInfo({
    rule: new SIPDispatchRule({ rule: { case: 'dispatchRuleDirect',
      value: new SIPDispatchRuleDirect({ roomName: 'lobby', pin: '9999' }) } }),
  }));
  assert.equal(replaced.sipDispatchRuleId, direct.sipDispatchRuleId);
  assert.equal(replaced.rule?.rule.value.roomName, 'lobby');

  const invalid = await refused(sip.createSipDispatchRule({ type: 'direct', roomName: '' }, {
    trunkIds: [lineB.sipTrunkId],
  }));
  assert.equal(invalid.code, 'invalid_argument');
  assert.equal(invalid.metadata?.argument, 'rule.dispatch_rule_direct.room_name');

  for (const rule of [direct, individual, callee]) {
    const deleted = await sip.deleteSipDispatchRule(rule.sipDispatchRuleId);
    assert.equal(deleted.sipDispatchRuleId, rule.sipDispatchRuleId);
  }
  assert.deepEqual(await sip.listSipDispatchRule(), []);
  await sip.deleteSipTrunk(lineA.sipTrunkId);
  await sip.deleteSipTrunk(lineB.sipTrunkId);
});

test('a wrong secret is refused', async () => {
  const stranger = new SipClient(LIVEKIT_URL, LIVEKIT_API_KEY, 'not-the-secret');
  const error = await refused(stranger.listSipInboundTrunk());
  assert.equal(error.status, 401);
  assert.equal(error.code, 'unauthenticated');
});
