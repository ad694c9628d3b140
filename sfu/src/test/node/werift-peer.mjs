// A data-channel peer built on werift (an independent WebRTC stack in TypeScript), driven by
// WeriftDataChannelInteropTest over stdin/stdout, one JSON object per line.
//
// Out: {"type":"offer","sdp"} once ICE gathering completes; then events
//   {"event":"open"|"channel"|"close","label"} and
//   {"event":"message","label","binary","size","sha256","text"?}.
// In:  {"type":"answer","sdp"}, {"type":"close","label"}, {"type":"send","label","text"}.
// Behaviour: opens "_reliable" (ordered, reliable) and "_lossy" (unordered, maxRetransmits 0);
// on "_reliable" open sends "hello from werift" and a 100 KiB binary (byte i = i * 7 & 0xff);
// on "_lossy" open sends "lossy hello"; echoes every message it receives, text as "echo:" + text.
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import { RTCPeerConnection } from "werift";

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const channels = new Map();

// One host candidate on the address the test binds (PEER_HOST_ADDRESS): with several, ice4j and
// werift sometimes settle on different pairs and the DTLS handshake stalls.
const host = process.env.PEER_HOST_ADDRESS || "127.0.0.1";
const pc = new RTCPeerConnection({
  iceUseIpv6: false,
  iceInterfaceAddresses: { udp4: host },
  iceAdditionalHostAddresses: host.startsWith("127.") ? [host] : [],
});

function watch(channel) {
  channels.set(channel.label, channel);
  channel.onMessage.subscribe((data) => {
    const binary = typeof data !== "string";
    const bytes = binary ? Buffer.from(data) : Buffer.from(data, "utf8");
    const event = {
      event: "message",
      label: channel.label,
      binary,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
    if (!binary) event.text = data;
    out(event);
    channel.send(binary ? bytes : "echo:" + data);
  });
  channel.stateChanged.subscribe((state) => {
    if (state === "closed") out({ event: "close", label: channel.label });
  });
}

const reliable = pc.createDataChannel("_reliable");
const lossy = pc.createDataChannel("_lossy", { ordered: false, maxRetransmits: 0 });
watch(reliable);
watch(lossy);
reliable.stateChanged.subscribe((state) => {
  if (state !== "open") return;
  out({ event: "open", label: "_reliable" });
  reliable.send("hello from werift");
  const big = Buffer.alloc(100 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
  reliable.send(big);
});
lossy.stateChanged.subscribe((state) => {
  if (state !== "open") return;
  out({ event: "open", label: "_lossy" });
  lossy.send("lossy hello");
});
pc.onDataChannel.subscribe((channel) => {
  watch(channel);
  out({ event: "channel", label: channel.label, ordered: channel.ordered,
    maxRetransmits: channel.maxRetransmits ?? null, id: channel.id });
});

let offered = false;
async function offer() {
  if (offered || pc.iceGatheringState !== "complete") return;
  offered = true;
  out({ type: "offer", sdp: pc.localDescription.sdp });
}
pc.iceGatheringStateChange.subscribe(() => offer());
await pc.setLocalDescription(await pc.createOffer());
await offer();

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (msg.type === "answer") {
    await pc.setRemoteDescription({ type: "answer", sdp: msg.sdp });
  } else if (msg.type === "close") {
    channels.get(msg.label)?.close();
  } else if (msg.type === "send") {
    channels.get(msg.label)?.send(msg.text);
  }
});
lines.on("close", async () => {
  await pc.close();
  process.exit(0);
});
