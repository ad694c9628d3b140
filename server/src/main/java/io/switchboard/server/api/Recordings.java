package io.switchboard.server.api;

import io.switchboard.egress.EgressManager;
import io.switchboard.egress.EgressSettings;
import io.switchboard.egress.EgressWebhooks;
import io.switchboard.egress.api.AutoEgress;
import io.switchboard.egress.api.EgressApiService;
import io.switchboard.egress.s3.S3Target;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.server.config.S3Config;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.store.ConfigStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code egress:} section put to work: the Twirp {@code livekit.Egress} service, automatic
 * recording by dispatch rules, egress webhooks, and the recovery of recordings a crash cut off.
 * Files are written on a pool of their own (one thread per core), never on the media threads.
 */
public final class Recordings implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Recordings.class);

  private final ScheduledExecutorService clock;
  private final ExecutorService writers;
  private final EgressManager egress;
  private final AutoEgress autoEgress;

  private Recordings(ScheduledExecutorService clock, ExecutorService writers, EgressManager egress, AutoEgress autoEgress) {
    this.clock = clock;
    this.writers = writers;
    this.egress = egress;
    this.autoEgress = autoEgress;
  }

  public static Recordings start(
      SwitchboardConfig config, RoomManager rooms, ConfigStore store, Webhooks webhooks, Clock clock,
      Executor virtualThreads, TwirpRouter twirp) {
    Path directory = config.egress().directory().isEmpty()
        ? config.dataPath().resolve("recordings")
        : Path.of(config.egress().directory());
    var settings = new EgressSettings(directory, config.dataPath().resolve("egress"), s3(config.egress().s3()));
    ScheduledExecutorService writeClock =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("egress-clock").daemon().factory());
    ExecutorService writers = Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("egress-writer-", 0).daemon().factory());
    Ids ids = new Ids(new SecureRandom());
    EgressManager egress = new EgressManager(rooms, settings, OpusRuntime.load(), clock, System::nanoTime, writeClock,
        writers, virtualThreads, S3Uploader.standard(clock), new EgressWebhooks(webhooks::send, clock, ids), ids);
    rooms.addListener(egress);
    AutoEgress autoEgress = new AutoEgress(egress, clock, ruleId -> egressJson(store, ruleId));
    rooms.addListener(autoEgress);
    egress.start();
    new EgressApiService(egress, rooms, clock).register(twirp);
    log.info("recordings in {}{}", directory.toAbsolutePath().normalize(),
        settings.s3().map(s -> ", uploaded to " + s).orElse(""));
    return new Recordings(writeClock, writers, egress, autoEgress);
  }

  private static Optional<S3Target> s3(S3Config c) {
    return c.configured()
        ? Optional.of(new S3Target(c.endpoint(), c.region(), c.bucket(), c.accessKey(), c.secret(), c.forcePathStyle()))
        : Optional.empty();
  }

  private static Optional<String> egressJson(ConfigStore store, String ruleId) {
    return store.getDispatchRule(ruleId).map(DispatchRule::roomConfig).map(RoomConfiguration::egressJson);
  }

  /** {@code agents} plus the automatic egress of the configurations that create rooms. */
  public RoomConfigHooks roomConfigHooks(RoomConfigHooks agents) {
    return new RecordingRoomConfigHooks(agents, autoEgress);
  }

  public EgressManager egress() {
    return egress;
  }

  /** Ends every recording so its file is complete, then stops writing. */
  @Override
  public void close() {
    egress.close();
    clock.shutdown();
    writers.shutdown();
  }
}
