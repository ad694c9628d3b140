// Drives Switchboard's Twirp AgentDispatchService, and CreateRoom's agents, with LiveKit's Node
// server SDK (livekit-server-sdk), the way a user's backend would. Run by NodeAgentDispatchTest
// against a fresh server that registers the agent AGENT:
//   LIVEKIT_URL=… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… AGENT=… node agent-dispatch.mjs
// Agents join in the background (the first may wait for the embedded models), so the checks
// poll ListParticipants up to a generous deadline. Exits non-zero (node:test) if a check fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { AgentDispatchClient, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import { JobStatus, ParticipantInfo_Kind, RoomAgentDispatch } from '@livekit/protocol';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, AGENT } = process.env;
assert.ok(LIVEKIT_URL && LIVEKIT_API_KEY && LIVEKIT_API_SECRET && AGENT,
  'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and AGENT');
const dispatches = new AgentDispatchClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
const rooms = new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

/** The room's agent participants once `done(agents)` holds; fails after 120 s. */
async function agentsIn(room, done) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const agents = (await rooms.listParticipants(room)).filter((p) => p.kind === ParticipantInfo_Kind.AGENT);
    if (done(agents)) return agents;
    assert.ok(Date.now() < deadline, `agents in ${room} never as expected: ${agents.map((a) => a.identity)}`);
    await delay(200);
  }
}

test('createDispatch puts an agent participant into a new room; delete makes it leave', async () => {
  const created = await dispatches.createDispatch('node-desk', AGENT, { metadata: 'ticket 7' });
  assert.match(created.id, /^AD_[0-9A-Za-z]{12}$/);
  assert.equal(created.agentName, AGENT);
  assert.equal(created.room, 'node-desk');
  assert.equal(created.metadata, 'ticket 7');

  const [agent] = await agentsIn('node-desk', (a) => a.length === 1);
  const [listed] = await dispatches.listDispatch('node-desk');
  assert.equal(listed.id, created.id);
  const job = listed.state.jobs[0];
  assert.equal(job.state.status, JobStatus.JS_RUNNING);
  assert.equal(job.state.participantIdentity, agent.identity);
  assert.equal((await dispatches.getDispatch(created.id, 'node-desk')).metadata, 'ticket 7');

  await dispatches.deleteDispatch(created.id, 'node-desk');
  await agentsIn('node-desk', (a) => a.length === 0);
  assert.deepEqual(await dispatches.listDispatch('node-desk'), []);
  assert.equal(await dispatches.getDispatch(created.id, 'node-desk'), undefined);
});

test('createRoom with agents dispatches them into the room it creates', async () => {
  await rooms.createRoom({ name: 'node-hall', agents: [new RoomAgentDispatch({ agentName: AGENT, metadata: 'hall' })] });
  const [agent] = await agentsIn('node-hall', (a) => a.length === 1);
  const [dispatch] = await dispatches.listDispatch('node-hall');
  assert.equal(dispatch.metadata, 'hall');
  assert.equal(dispatch.state.jobs[0].state.participantIdentity, agent.identity);
});

test('an unknown agent is not_found, naming agent_name', async () => {
  try {
    await dispatches.createDispatch('node-desk', 'nobody');
    assert.fail('the dispatch succeeded');
  } catch (e) {
    assert.ok(e instanceof TwirpError, `expected a TwirpError, got ${e}`);
    assert.equal(e.status, 404);
    assert.equal(e.code, 'not_found');
    assert.match(e.message, /agent_name/);
  }
});
