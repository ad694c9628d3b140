// Helpers shared by the @livekit/rtc-node scripts: tokens, a sine-tone publisher and a tone meter.
import { AccessToken } from 'livekit-server-sdk';
import { AudioFrame, AudioSource, AudioStream, LocalAudioTrack, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';

export const RATE = 48000;

export async function token(identity, room, grant = {}) {
  const at = new AccessToken(process.env.LIVEKIT_API_KEY, process.env.LIVEKIT_API_SECRET, { identity });
  at.addGrant({ roomJoin: true, room, canUpdateOwnMetadata: true, ...grant });
  return at.toJwt();
}

/** Publishes a sine tone of `hz` from `room`'s local participant until stop() is called. */
export async function publishTone(room, hz, amplitude = 8000) {
  const source = new AudioSource(RATE, 1);
  const track = LocalAudioTrack.createAudioTrack('tone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  const publication = await room.localParticipant.publishTrack(track, options);
  let running = true;
  let n = 0;
  const samples = RATE / 100; // 10 ms frames
  (async () => {
    while (running) {
      const data = new Int16Array(samples);
      for (let i = 0; i < samples; i++, n++) {
        data[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * n) / RATE));
      }
      await source.captureFrame(new AudioFrame(data, RATE, 1, samples));
    }
  })();
  return { publication, stop: async () => { running = false; await source.close?.(); } };
}

/** Goertzel power of `hz` in `x`, normalised by the signal's total power (1 = a pure tone). */
export function toneShare(x, hz) {
  const w = (2 * Math.PI * hz) / RATE;
  const c = 2 * Math.cos(w);
  let s1 = 0, s2 = 0, energy = 0;
  for (const v of x) {
    const s0 = v + c * s1 - s2;
    s2 = s1; s1 = s0;
    energy += v * v;
  }
  const power = s1 * s1 + s2 * s2 - c * s1 * s2;
  return energy === 0 ? 0 : (2 * power) / (x.length * energy);
}

/**
 * Reads `seconds` of 48 kHz mono audio from a remote track, starting `skip` seconds after the
 * first audible frame (the stream plays silence until media flows). Gives up after `limit` s.
 */
export async function record(track, seconds, skip = 0.2, limit = 20) {
  const stream = new AudioStream(track, { sampleRate: RATE, numChannels: 1 });
  const want = Math.round(seconds * RATE), skipSamples = Math.round(skip * RATE);
  const out = new Int16Array(want);
  let heard = false, seen = 0, got = 0;
  const deadline = Date.now() + limit * 1000;
  for await (const frame of stream) {
    if (!heard && frame.data.some((v) => Math.abs(v) > 100)) heard = true;
    if (heard) {
      for (const v of frame.data) {
        if (seen++ >= skipSamples && got < want) out[got++] = v;
      }
    }
    if (got >= want || Date.now() > deadline) break;
  }
  return out.subarray(0, got);
}

export function describe(x, hz) {
  let energy = 0;
  for (const v of x) energy += v * v;
  const rms = Math.sqrt(energy / Math.max(1, x.length));
  // Per 100 ms window (10 Hz bins: a phase jump from a lost or late packet spoils one window, not
  // the whole measurement): the RMS and the tone's share of the power.
  const windows = [], shares = [];
  const w = RATE / 10;
  for (let i = 0; i + w <= x.length; i += w) {
    const part = x.subarray(i, i + w);
    let e = 0;
    for (const v of part) e += v * v;
    windows.push(Math.round(Math.sqrt(e / w)));
    shares.push(toneShare(part, hz));
  }
  const sorted = [...shares].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  return { hz, share: Number(median.toFixed(3)), rms: Math.round(rms), windows,
    whole: Number(toneShare(x, hz).toFixed(3)) };
}
