// Camera video between two @livekit/rtc-node clients through a running Switchboard: "camera"
// publishes a moving I420 pattern (WIDTH x HEIGHT, 15 fps, the SDK's default encodings), "viewer"
// reads the track with a VideoStream. Run by RtcNodeVideoTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-video.mjs
// Prints one line "RESULT {json}" (frames decoded, their size) and exits non-zero on failure.
import assert from 'node:assert/strict';
import {
  LocalVideoTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame,
  VideoSource, VideoStream,
} from '@livekit/rtc-node';
import { token } from './rtc-common.mjs';

const { LIVEKIT_URL, ROOM } = process.env;
assert.ok(LIVEKIT_URL && ROOM, 'set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET and ROOM');
const WIDTH = Number(process.env.WIDTH || 640);
const HEIGHT = Number(process.env.HEIGHT || 360);
const WANTED = 30;

const viewer = new Room();
const subscribed = new Promise((resolve) =>
  viewer.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind === TrackKind.KIND_VIDEO) resolve({ track, participant });
  }));
await viewer.connect(LIVEKIT_URL, await token('viewer', ROOM), { autoSubscribe: true, dynacast: false });

const camera = new Room();
await camera.connect(LIVEKIT_URL, await token('camera', ROOM), { autoSubscribe: false, dynacast: false });
const source = new VideoSource(WIDTH, HEIGHT);
const options = new TrackPublishOptions();
options.source = TrackSource.SOURCE_CAMERA;
await camera.localParticipant.publishTrack(LocalVideoTrack.createVideoTrack('camera', source), options);
let running = true;
(async () => {
  const lumaSize = WIDTH * HEIGHT;
  const data = new Uint8Array(lumaSize * 3 / 2);
  for (let n = 0; running; n++) {
    // A diagonal gradient moving one pixel per frame, grey chroma: every frame differs.
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) data[y * WIDTH + x] = (x + y + n) & 0xff;
    }
    data.fill(128, lumaSize);
    source.captureFrame(new VideoFrame(data, WIDTH, HEIGHT, VideoBufferType.I420));
    await new Promise((r) => setTimeout(r, 66));
  }
})();

const timeout = setTimeout(() => {
  console.log('RESULT ' + JSON.stringify({ error: 'no video subscribed or decoded within 45 s' }));
  process.exit(1);
}, 45000);
const { track, participant } = await subscribed;
let frames = 0, width = 0, height = 0;
for await (const event of new VideoStream(track)) {
  frames++;
  width = event.frame.width;
  height = event.frame.height;
  if (frames >= WANTED && width === WIDTH) break;
}
clearTimeout(timeout);
console.log('RESULT ' + JSON.stringify({ from: participant.identity, frames, width, height }));
running = false;
await camera.disconnect();
await viewer.disconnect();
process.exit(0);
