// A token's roomConfig with egress.tracks (LiveKit's automatic track egress): the @livekit/rtc-node
// client whose join creates the room publishes a tone for five seconds, then leaves. Run by
// AutoTrackEgressRtcTest, which checks the recording:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… ROOM=… node rtc-auto-track-egress.mjs
// Prints RESULT {"identity","trackSid","activeWhilePublishing":[…]}.
import { AccessToken, AutoTrackEgress, EgressClient, RoomConfiguration, RoomEgress } from 'livekit-server-sdk';
import { Room } from '@livekit/rtc-node';
import { publishTone } from './rtc-common.mjs';

const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, ROOM } = process.env;
const identity = 'speaker';
const at = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity });
at.addGrant({ roomJoin: true, room: ROOM });
at.roomConfig = new RoomConfiguration({
  egress: new RoomEgress({ tracks: new AutoTrackEgress({ filepath: 'tracks/{room_name}/{publisher_identity}' }) }),
});

const room = new Room();
await room.connect(LIVEKIT_URL, await at.toJwt(), { autoSubscribe: false, dynacast: false });
const tone = await publishTone(room, 660);
await new Promise((r) => setTimeout(r, 5000));
const egress = new EgressClient(LIVEKIT_URL.replace(/^ws/, 'http'), LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
const active = await egress.listEgress({ roomName: ROOM, active: true });
await tone.stop();
await room.disconnect();
console.log('RESULT ' + JSON.stringify({
  identity,
  trackSid: tone.publication.sid,
  activeWhilePublishing: active.map((i) => ({ trackId: i.request.value?.trackId ?? '', status: i.status })),
}));
process.exit(0);
