// A LiveKit Agents framework (@livekit/agents) worker, written as a LiveKit user would: it
// registers as agent AGENT_NAME (default "tone-bot"; set but empty: no name, for LiveKit's
// automatic dispatch into every new room) at LIVEKIT_URL, and each job joins its room,
// plays a 700 Hz tone and reports the remote participants it sees. Run by AgentWorkerTest:
//   LIVEKIT_URL=ws://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… WORKER_HTTP_PORT=… node tone-agent.mjs start
// Each job prints "AGENT {json}" lines (job id, its identity, the participants seen and subscribed).
// SUBSCRIBE_AFTER_MS (set: the agent joins with auto-subscribe off and subscribes to the audio
// tracks of the participants then in the room that long after joining; "never": it never does)
// makes an agent slow or deaf to the caller, as a user's agent doing setup first might be.
import { fileURLToPath } from 'node:url';
import { AutoSubscribe, cli, defineAgent, WorkerOptions } from '@livekit/agents';
import { RoomEvent, TrackKind } from '@livekit/rtc-node';
import { publishTone } from './rtc-common.mjs';

export default defineAgent({
  // Runs in each job process once it has loaded: AgentWorkerProcess waits for this line, so a job
  // goes to a process that is ready instead of one still starting on a busy machine (Switchboard
  // gives an assigned agent 30 s to join).
  prewarm: () => console.log('JOB_PROCESS_READY'),
  entry: async (ctx) => {
    const subscribeAfter = process.env.SUBSCRIBE_AFTER_MS;
    await ctx.connect(undefined, subscribeAfter ? AutoSubscribe.SUBSCRIBE_NONE : AutoSubscribe.SUBSCRIBE_ALL);
    const room = ctx.room;
    const tone = await publishTone(room, 700);
    const subscribed = new Set();
    const report = (event) => console.log('AGENT ' + JSON.stringify({
      event,
      job: ctx.job.id,
      dispatch: ctx.job.dispatchId,
      agentName: ctx.job.agentName,
      metadata: ctx.job.metadata,
      room: room.name,
      identity: room.localParticipant.identity,
      participants: [...room.remoteParticipants.values()].map((p) => ({ identity: p.identity, kind: p.kind })),
      subscribed: [...subscribed],
    }));
    room.on(RoomEvent.ParticipantConnected, () => report('participant_connected'));
    room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
      subscribed.add(participant.identity);
      report('track_subscribed');
    });
    report('connected');
    if (subscribeAfter && subscribeAfter !== 'never') {
      setTimeout(() => {
        for (const p of room.remoteParticipants.values()) {
          for (const pub of p.trackPublications.values()) {
            if (pub.kind === TrackKind.KIND_AUDIO) pub.setSubscribed(true);
          }
        }
        report('subscribing');
      }, Number(subscribeAfter));
    }
    ctx.addShutdownCallback(async () => {
      report('shutdown');
      await tone.stop();
    });
    await new Promise((resolve) => room.once(RoomEvent.Disconnected, resolve));
  },
});

cli.runApp(new WorkerOptions({
  agent: fileURLToPath(import.meta.url),
  agentName: process.env.AGENT_NAME ?? 'tone-bot',
  port: Number(process.env.WORKER_HTTP_PORT || 0),
  // The test machine is shared and busy: report no load, so the worker never marks itself FULL.
  loadFunc: async () => 0,
  // A job process must load the framework and rtc-node before it can take a job: the default 10 s
  // is not enough on a loaded two-core machine, where the runner then fails again and again. One
  // warm process (not one per core) also spares the CPU the tests need.
  initializeProcessTimeout: 120_000,
  numIdleProcesses: 1,
}));
