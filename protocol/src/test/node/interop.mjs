// Drives LiveKit's Node server SDK for NodeSdkInteropTest. One command per run; prints JSON.
//   mint                                  a participant token minted by AccessToken
//   verify <jwt>                          claims as TokenVerifier reads them
//   webhook <body-file> <authorization>   the event WebhookReceiver accepts (exit 1 if refused)
//   twirp-request                         the HTTP request SipClient.createSipInboundTrunk sends
//   twirp-response <status> <content-type> <body-file>
//                                         what SipClient makes of that HTTP response
// No network: fetch is replaced, so Twirp requests never leave the process.
import { readFileSync } from 'node:fs';
import {
  AccessToken,
  RoomAgentDispatch,
  RoomConfiguration,
  SipClient,
  TokenVerifier,
  TrackSource,
  WebhookReceiver,
} from 'livekit-server-sdk';

const KEY = 'devkey';
const SECRET = 'secret';
const [command, ...args] = process.argv.slice(2);

function print(value) {
  process.stdout.write(JSON.stringify(value));
}

function createInboundTrunk() {
  const sip = new SipClient('http://localhost:7880', KEY, SECRET);
  return sip.createSipInboundTrunk('Twilio inbound', ['+15105550100'], {
    allowedAddresses: ['54.172.60.0/30'],
    authUsername: 'user',
    authPassword: 'pass',
    krispEnabled: true,
    headersToAttributes: { 'X-Customer': 'customer' },
  });
}

switch (command) {
  case 'mint': {
    const token = new AccessToken(KEY, SECRET, {
      identity: 'node-agent',
      name: 'Node Agent',
      metadata: 'md',
      attributes: { role: 'receptionist' },
      ttl: '10m',
    });
    token.kind = 'agent';
    token.addGrant({
      roomJoin: true,
      room: 'support',
      canPublish: true,
      canSubscribe: false,
      canPublishSources: [TrackSource.MICROPHONE],
      agent: true,
    });
    token.addSIPGrant({ call: true });
    token.roomConfig = new RoomConfiguration({
      emptyTimeout: 120,
      agents: [new RoomAgentDispatch({ agentName: 'receptionist', metadata: '{"lang":"en"}' })],
    });
    process.stdout.write(await token.toJwt());
    break;
  }
  case 'verify': {
    print(await new TokenVerifier(KEY, SECRET).verify(args[0]));
    break;
  }
  case 'webhook': {
    const body = readFileSync(args[0], 'utf8');
    try {
      const event = await new WebhookReceiver(KEY, SECRET).receive(body, args[1]);
      process.stdout.write(event.toJsonString());
    } catch (e) {
      process.stdout.write(String(e));
      process.exit(1);
    }
    break;
  }
  case 'twirp-request': {
    globalThis.fetch = async (url, init) => {
      print({
        path: new URL(url).pathname,
        contentType: init.headers['Content-Type'],
        authorization: init.headers.Authorization,
        body: init.body,
      });
      process.exit(0);
    };
    await createInboundTrunk();
    break;
  }
  case 'twirp-response': {
    const [status, contentType, bodyFile] = args;
    globalThis.fetch = async () =>
      new Response(readFileSync(bodyFile), {
        status: Number(status),
        headers: { 'content-type': contentType },
      });
    try {
      const trunk = await createInboundTrunk();
      print({ ok: true, trunk: trunk.toJson() });
    } catch (e) {
      print({ ok: false, status: e.status, code: e.code, message: e.message, metadata: e.metadata });
    }
    break;
  }
  default:
    process.stderr.write(`unknown command: ${command}\n`);
    process.exit(2);
}
