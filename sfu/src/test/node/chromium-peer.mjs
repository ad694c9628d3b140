// The data-channel peer of werift-peer.mjs, played by Debian's chromium (its own SCTP stack,
// dcsctp) through puppeteer-core, with the same JSON-lines protocol on stdin/stdout.
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--use-fake-ui-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--disable-features=WebRtcHideLocalIpsWithMdns",
  ],
});
const page = await browser.newPage();
await page.exposeFunction("report", (json) => {
  const event = JSON.parse(json);
  if (event.base64 !== undefined) {
    const bytes = Buffer.from(event.base64, "base64");
    event.size = bytes.length;
    event.sha256 = createHash("sha256").update(bytes).digest("hex");
    delete event.base64;
  }
  out(event);
});

const offer = await page.evaluate(async () => {
  const report = (o) => window.report(JSON.stringify(o));
  const toBase64 = (buf) => {
    let s = "";
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  };
  const pc = new RTCPeerConnection();
  window.pc = pc;
  window.channels = new Map();
  const watch = (channel) => {
    channel.binaryType = "arraybuffer";
    window.channels.set(channel.label, channel);
    channel.onmessage = (e) => {
      const binary = typeof e.data !== "string";
      const event = { event: "message", label: channel.label, binary };
      if (binary) {
        event.base64 = toBase64(e.data);
      } else {
        event.text = e.data;
        event.base64 = btoa(unescape(encodeURIComponent(e.data)));
      }
      report(event);
      channel.send(binary ? e.data : "echo:" + e.data);
    };
    channel.onclose = () => report({ event: "close", label: channel.label });
  };
  const reliable = pc.createDataChannel("_reliable");
  const lossy = pc.createDataChannel("_lossy", { ordered: false, maxRetransmits: 0 });
  watch(reliable);
  watch(lossy);
  reliable.onopen = () => {
    report({ event: "open", label: "_reliable" });
    reliable.send("hello from werift"); // the greeting werift-peer.mjs sends, so one test reads both
    const big = new Uint8Array(100 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    reliable.send(big);
  };
  lossy.onopen = () => {
    report({ event: "open", label: "_lossy" });
    lossy.send("lossy hello");
  };
  pc.ondatachannel = (e) => {
    watch(e.channel);
    report({ event: "channel", label: e.channel.label, ordered: e.channel.ordered,
      maxRetransmits: e.channel.maxRetransmits, id: e.channel.id });
  };
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    pc.onicegatheringstatechange = () => pc.iceGatheringState === "complete" && resolve();
  });
  return pc.localDescription.sdp;
});
out({ type: "offer", sdp: offer });

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (msg.type === "answer") {
    await page.evaluate((sdp) => window.pc.setRemoteDescription({ type: "answer", sdp }), msg.sdp);
  } else if (msg.type === "close") {
    await page.evaluate((label) => window.channels.get(label)?.close(), msg.label);
  } else if (msg.type === "send") {
    await page.evaluate((m) => window.channels.get(m.label)?.send(m.text), msg);
  }
});
lines.on("close", async () => {
  await browser.close();
  process.exit(0);
});
