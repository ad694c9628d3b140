package io.switchboard.bench.agents;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentSession;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Rooms ticked every 20 ms in real time, threaded as the server does it: one media-clock thread,
 * a media pool of one platform thread per core, virtual threads for sessions and events.
 */
final class Rig implements AutoCloseable {
  final ScheduledExecutorService mediaClock =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("media-clock").factory());
  final ExecutorService mediaWorkers =
      Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("media-", 0).factory());
  final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), mediaClock, mediaWorkers, virtualThreads, RoomOptions.UNSET, new SecureRandom());

  Rig() {
    rooms.start();
  }

  /** A room with {@code caller} on its SIP leg and {@code session} answering as the agent. */
  Room call(String name, BenchCaller caller, AgentSession session, Agent agent) {
    Room room = rooms.getOrCreate(name, RoomOptions.UNSET);
    LocalParticipant leg = room.join(new ParticipantSpec("caller-" + name, "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    leg.publishAudio("microphone", caller);
    leg.subscribeMix(caller);
    session.start(room, agent, "agent-" + name);
    return room;
  }

  /** A tone burst at {@code hz}, {@code millis} long (whole 20 ms frames), at -12 dBFS peak. */
  static short[] tone(int sampleRate, double hz, int millis) {
    short[] s = new short[sampleRate / 1000 * millis];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(8192 * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return s;
  }

  /** p-th percentile (0..100) of {@code values}, nearest rank. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  @Override
  public void close() {
    rooms.close();
    mediaClock.shutdownNow();
    mediaWorkers.shutdownNow();
    virtualThreads.shutdownNow();
  }
}
