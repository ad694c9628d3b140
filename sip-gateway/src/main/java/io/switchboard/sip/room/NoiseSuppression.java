package io.switchboard.sip.room;

import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.filter.AudioFilterFactory;
import io.switchboard.media.filter.OffloadedFilter;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's {@code krisp_enabled} (inbound trunk or dispatch rule, or CreateSIPParticipant): the
 * phone's audio is cleaned as it enters the room, once per call, so every listener hears the
 * cleaned audio. Krisp itself is LiveKit Cloud's; the server wires in an open suppressor
 * (RNNoise). A call whose filter cannot be had goes on without it, with a warning saying why.
 * The filter runs on the given workers, never on the room's media tick nor an RTP receive
 * thread ({@link OffloadedFilter}): the phone's audio reaches the room 40 ms later.
 */
public final class NoiseSuppression {
  private static final Logger log = LoggerFactory.getLogger(NoiseSuppression.class);

  /** For gateways built without a suppressor: calls asking for one get the warning. */
  public static final NoiseSuppression NONE =
      new NoiseSuppression(
          AudioFilterFactory.unavailable("no noise suppressor is wired into this SIP gateway"), Runnable::run);

  /** 40 ms for the worker to clean a frame in: RNNoise takes 3-5 ms, more on a loaded machine. */
  static final int FRAMES_LATE = 2;

  private final AudioFilterFactory filters;
  private final Executor workers;

  /**
   * @param workers platform threads for the filters: not the virtual threads RTP is received on,
   *     not the media pool; its queue should not allocate (an {@code ArrayBlockingQueue})
   */
  public NoiseSuppression(AudioFilterFactory filters, Executor workers) {
    this.filters = filters;
    this.workers = workers;
  }

  /**
   * The call's filter, or empty (and a warning) when none can be had. Control thread only: the
   * first call may wait for the suppressor to load.
   */
  public Optional<AudioFilter> forCall(String callId, String trunkId, String room) {
    AudioFilter filter;
    try {
      filter = filters.open();
    } catch (RuntimeException e) {
      log.warn(
          "noise suppression unavailable call_id={} trunk={} room={}: {}; the call goes on without it",
          callId, trunkId, room, e.getMessage());
      return Optional.empty();
    }
    log.info("noise suppression on call_id={} trunk={} room={}", callId, trunkId, room);
    return Optional.of(new OffloadedFilter(filter, workers, FRAMES_LATE));
  }
}
