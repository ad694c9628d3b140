// Verifies webhooks captured from Switchboard with LiveKit's Node server SDK (WebhookReceiver),
// as a user's webhook endpoint would. WEBHOOK_DIR holds NN.body (the exact bytes POSTed) and
// NN.auth (the Authorization header) for each request, in arrival order. Prints one JSON line:
// {"events":[{"event":…,"id":…,"room":…,"participant":…,"track":…}, …]}. Exits non-zero if a
// webhook does not verify, or if a tampered body does.
//   LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… WEBHOOK_DIR=… node verify-webhooks.mjs
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookReceiver } from 'livekit-server-sdk';

const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, WEBHOOK_DIR } = process.env;
assert.ok(LIVEKIT_API_KEY && LIVEKIT_API_SECRET && WEBHOOK_DIR,
  'set LIVEKIT_API_KEY, LIVEKIT_API_SECRET and WEBHOOK_DIR');
const receiver = new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

const events = [];
for (const name of readdirSync(WEBHOOK_DIR).filter((f) => f.endsWith('.body')).sort()) {
  const body = readFileSync(join(WEBHOOK_DIR, name), 'utf8');
  const auth = readFileSync(join(WEBHOOK_DIR, name.replace(/\.body$/, '.auth')), 'utf8');
  const event = await receiver.receive(body, auth);
  await assert.rejects(receiver.receive(body.replace('}', ' }'), auth), /sha256/,
    `${name}: a changed body must not verify`);
  events.push({
    event: event.event,
    id: event.id,
    createdAt: String(event.createdAt),
    room: event.room?.name ?? '',
    participant: event.participant?.identity ?? '',
    track: event.track?.sid ?? '',
  });
}
console.log(JSON.stringify({ events }));
