// RoomService PerformRpc from the server to a @livekit/rtc-node participant that registered RPC
// methods. livekit-server-sdk 2.19 has no performRpc helper, so the call goes through its own
// Twirp client and token (RoomServiceClient's rpc and authHeader) with @livekit/protocol's
// PerformRpcRequest, exactly as its other RoomService methods are sent. Run by RtcNodeRpcTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-rpc.mjs
// Prints one line "RESULT {json}".
import assert from 'node:assert/strict';
import { Room, RpcError, dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { PerformRpcRequest, PerformRpcResponse } from '@livekit/protocol';
import { token } from './rtc-common.mjs';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');

const agent = new Room();
await agent.connect(LIVEKIT_URL, await token('agent', ROOM), { autoSubscribe: false, dynacast: false });
const invocations = [];
agent.localParticipant.registerRpcMethod('shout', async (data) => {
  invocations.push({ caller: data.callerIdentity, payload: data.payload, responseTimeout: data.responseTimeout });
  return data.payload.toUpperCase();
});
agent.localParticipant.registerRpcMethod('refuse', async () => {
  throw new RpcError(4242, 'not today', 'try tomorrow');
});
agent.localParticipant.registerRpcMethod('crash', async () => {
  throw new Error('boom');
});

const rooms = new RoomServiceClient(LIVEKIT_URL.replace(/^ws/, 'http'), LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

async function performRpc(destinationIdentity, method, payload, responseTimeoutMs = 0) {
  const request = new PerformRpcRequest({ room: ROOM, destinationIdentity, method, payload, responseTimeoutMs });
  const data = await rooms.rpc.request('RoomService', 'PerformRpc', request.toJson(),
    await rooms.authHeader({ roomAdmin: true, room: ROOM }));
  return PerformRpcResponse.fromJson(data, { ignoreUnknownFields: true }).payload;
}

async function failure(call) {
  try {
    return { succeeded: await call };
  } catch (e) {
    return { code: e.code ?? null, status: e.status ?? null, message: e.message };
  }
}

const result = {
  shout: await performRpc('agent', 'shout', 'hello from the server'),
  unicode: await performRpc('agent', 'shout', 'grüße ✓', 5000),
  unregistered: await failure(performRpc('agent', 'no-such-method', 'x')),
  refused: await failure(performRpc('agent', 'refuse', 'x')),
  crashed: await failure(performRpc('agent', 'crash', 'x')),
  nobody: await failure(performRpc('ghost', 'shout', 'x')),
  invocations,
};
console.log('RESULT ' + JSON.stringify(result));
await agent.disconnect();
await dispose();
