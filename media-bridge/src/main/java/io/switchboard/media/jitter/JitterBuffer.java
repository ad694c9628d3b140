package io.switchboard.media.jitter;

/**
 * An adaptive jitter buffer for one RTP stream of 20 ms frames, keyed by sequence number.
 *
 * <p>The receive side {@link #insert}s packets as they arrive (the payload is copied into a
 * preallocated slot); the media clock {@link #pop}s one frame per 20 ms tick. Playout starts once
 * the target delay has been buffered. A frame that is due but missing is reported
 * {@link PopResult#LOST} (the caller conceals); a packet arriving after its frame was due is
 * dropped as late, one already held as a duplicate. The target delay follows the spread of
 * packet transit times (see {@link DelayEstimator}) between the configured bounds: every half
 * second the buffer grows by one concealed frame or shrinks by dropping one frame. When it runs
 * dry it conceals (for at most the max delay, then reports EMPTY); frames that fell due meanwhile
 * are skipped once packets flow again. A new SSRC, a sequence jump larger than the buffer or a
 * timestamp jump beyond the resync threshold starts the buffer over.
 *
 * <p>Not thread-safe: callers serialise insert and pop. Allocation-free after construction.
 */
public final class JitterBuffer {
  /** What {@link #pop} produced this tick. */
  public enum PopResult {
    /** A frame: read it through {@link #payload()}, {@link #payloadOffset()}, ... */
    FRAME,
    /** A frame was due but is missing: conceal it. */
    LOST,
    /** Nothing to play: not started yet, or the stream went quiet. Treat as silence. */
    EMPTY
  }

  /** What {@link #insert} did with a packet. */
  public enum InsertResult { ACCEPTED, DUPLICATE, LATE, OVERSIZED }

  private enum State { WAITING, BUFFERING, PLAYING }

  static final int ADAPT_WINDOW_TICKS = 25;
  private static final int MAX_MISORDER = 100;

  private final JitterBufferConfig config;
  private final FrameSlots slots;
  private final int capacity;
  private final DelayEstimator estimator;
  private final JitterCounters counters = new JitterCounters();

  private State state = State.WAITING;
  private boolean haveStream;
  private boolean havePlayed;
  private int ssrc;
  private long highestSeq;
  private long nextSeq;
  private long audioSeq;
  private int audioTimestamp;
  private boolean haveAudio;
  private int targetFrames;
  private int waitedTicks;
  private int underrunTicks;
  private int windowTicks;
  private long windowMinDepth = Long.MAX_VALUE;
  private long windowMaxDepth = Long.MIN_VALUE;
  private long lastDepth;

  private long outSeq = -1;
  /** Whether the last pop was a frame that never arrived (not a repeat or an underrun). */
  private boolean lastPopMissedAFrame;

  public JitterBuffer(JitterBufferConfig config) {
    this.config = config;
    this.slots = new FrameSlots(Math.max(16, 2 * config.maxFrames() + 4), config.maxPayloadBytes());
    this.capacity = slots.capacity();
    this.estimator = new DelayEstimator(config.clockRate());
    this.targetFrames = config.minFrames();
  }

  public JitterBufferConfig config() {
    return config;
  }

  /** Accepts one audio packet; the payload is copied. */
  public InsertResult insert(
      int packetSsrc, int sequenceNumber, int timestamp, byte[] payload, int off, int len,
      long arrivalMillis) {
    if (len > config.maxPayloadBytes()) {
      counters.oversized++;
      return InsertResult.OVERSIZED;
    }
    long ext = place(packetSsrc, sequenceNumber, timestamp, true);
    estimator.onPacket(timestamp, arrivalMillis);
    targetFrames = estimator.targetFrames(config.minFrames(), config.maxFrames());
    InsertResult result = store(ext, timestamp, payload, off, len);
    if (result == InsertResult.ACCEPTED && (!haveAudio || ext > audioSeq)) {
      haveAudio = true;
      audioSeq = ext;
      audioTimestamp = timestamp;
    }
    return result;
  }

  /**
   * Occupies a sequence number with an empty frame: a packet of the same stream that carries no
   * audio, such as an RFC 4733 event. It pops as a zero-length {@link PopResult#FRAME}, so it is
   * neither lost nor concealed, and it does not feed the delay estimate.
   */
  public InsertResult insertSilence(int packetSsrc, int sequenceNumber, int timestamp) {
    long ext = place(packetSsrc, sequenceNumber, timestamp, false);
    return store(ext, timestamp, slots.data(), 0, 0);
  }

  /** Extends the sequence number and restarts the buffer when the packet belongs to a new stream. */
  private long place(int packetSsrc, int sequenceNumber, int timestamp, boolean checkTimestamp) {
    int seq = sequenceNumber & 0xFFFF;
    if (!haveStream || packetSsrc != ssrc) {
      return restart(packetSsrc, seq);
    }
    long ext = highestSeq + (short) (seq - (int) (highestSeq & 0xFFFF));
    if (ext - highestSeq >= capacity || highestSeq - ext > MAX_MISORDER) {
      return restart(packetSsrc, seq);
    }
    if (checkTimestamp && haveAudio) {
      long expected = (ext - audioSeq) * config.timestampsPerFrame();
      long drift = Math.abs((long) (timestamp - audioTimestamp) - expected);
      if (drift * 1000 / config.clockRate() > config.resyncThreshold().toMillis()) {
        return restart(packetSsrc, seq);
      }
    }
    return ext;
  }

  private long restart(int packetSsrc, int seq) {
    if (haveStream) {
      counters.resyncs++;
    }
    slots.clear();
    haveStream = true;
    havePlayed = false;
    haveAudio = false;
    ssrc = packetSsrc;
    highestSeq = seq;
    nextSeq = seq;
    state = State.WAITING;
    estimator.restart();
    resetWindow();
    return seq;
  }

  private InsertResult store(long ext, int timestamp, byte[] payload, int off, int len) {
    if (ext < nextSeq) {
      if (havePlayed) {
        counters.late++;
        return InsertResult.LATE;
      }
      nextSeq = ext; // reordered before playout started
    }
    if (slots.holds(ext)) {
      counters.duplicate++;
      return InsertResult.DUPLICATE;
    }
    if (ext - nextSeq >= capacity) {
      dropUntil(ext - capacity + 1); // far behind: make room by dropping the oldest frames
    }
    slots.put(ext, timestamp, payload, off, len);
    counters.received++;
    highestSeq = Math.max(highestSeq, ext);
    if (state == State.WAITING) {
      state = State.BUFFERING;
      waitedTicks = 0;
    }
    return InsertResult.ACCEPTED;
  }

  /** Plays out one 20 ms tick. */
  public PopResult pop() {
    lastPopMissedAFrame = false;
    switch (state) {
      case WAITING -> {
        lastDepth = 0;
        return PopResult.EMPTY;
      }
      case BUFFERING -> {
        if (++waitedTicks < targetFrames) {
          lastDepth = highestSeq - nextSeq + 1;
          return PopResult.EMPTY;
        }
        startPlayout();
      }
      case PLAYING -> {}
    }
    return playOne();
  }

  private void startPlayout() {
    long first = nextSeq;
    while (first < highestSeq && !slots.holds(first)) {
      first++;
    }
    if (havePlayed) {
      counters.lost += first - nextSeq; // lost at the start of a new talk spurt
    }
    nextSeq = first;
    state = State.PLAYING;
    havePlayed = true;
    underrunTicks = 0;
    resetWindow();
  }

  private PopResult playOne() {
    long depth = highestSeq - nextSeq + 1;
    while (depth > config.maxFrames()) {
      dropUntil(nextSeq + 1);
      depth--;
    }
    lastDepth = Math.max(0, depth);
    switch (adapt(depth)) {
      case GROW -> {
        counters.concealed++;
        return PopResult.LOST; // repeat: the frame stays for the next tick
      }
      case SHRINK -> {
        dropUntil(nextSeq + 1);
        depth--;
      }
      case KEEP -> {}
    }
    if (depth <= 0) {
      if (++underrunTicks > config.maxFrames()) {
        state = State.WAITING; // the stream went quiet; rebuffer when it resumes
        return PopResult.EMPTY;
      }
      counters.concealed++;
      return PopResult.LOST;
    }
    // Frames missing after a dry spell were due during it and have been concealed already.
    while (underrunTicks > 0 && !slots.holds(nextSeq) && nextSeq < highestSeq) {
      counters.lost++;
      underrunTicks--;
      nextSeq++;
    }
    underrunTicks = 0;
    long seq = nextSeq++;
    if (!slots.remove(seq)) {
      counters.lost++;
      counters.concealed++;
      lastPopMissedAFrame = true;
      return PopResult.LOST;
    }
    outSeq = seq;
    return PopResult.FRAME;
  }

  private enum Adjustment { KEEP, GROW, SHRINK }

  /** Every half second, compares the depth range seen against the target. */
  private Adjustment adapt(long depth) {
    windowMinDepth = Math.min(windowMinDepth, depth);
    windowMaxDepth = Math.max(windowMaxDepth, depth);
    if (++windowTicks < ADAPT_WINDOW_TICKS) {
      return Adjustment.KEEP;
    }
    Adjustment adjustment =
        windowMaxDepth < targetFrames
            ? Adjustment.GROW
            : windowMinDepth > targetFrames && depth > 1 ? Adjustment.SHRINK : Adjustment.KEEP;
    resetWindow();
    return adjustment;
  }

  private void resetWindow() {
    windowTicks = 0;
    windowMinDepth = Long.MAX_VALUE;
    windowMaxDepth = Long.MIN_VALUE;
  }

  /** Advances playout to {@code seq}, counting what is skipped. */
  private void dropUntil(long seq) {
    for (long s = nextSeq; s < seq; s++) {
      if (slots.remove(s)) {
        counters.discarded++;
      } else {
        counters.lost++;
      }
    }
    nextSeq = Math.max(nextSeq, seq);
  }

  /**
   * After a {@link PopResult#LOST} for a frame that never arrived, whether the frame after it is
   * already here, with a payload: its Opus in-band FEC can recover the lost one (RFC 6716
   * §2.1.7). It stays for its own tick; {@link #followerOffset()} and {@link #followerLength()}
   * locate it in {@link #payload()}.
   */
  public boolean hasFollowerOfLostFrame() {
    return lastPopMissedAFrame && slots.holds(nextSeq) && slots.length(nextSeq) > 0;
  }

  public int followerOffset() {
    return slots.offset(nextSeq);
  }

  public int followerLength() {
    return slots.length(nextSeq);
  }

  /** The array holding the last popped frame; valid until the next insert or pop. */
  public byte[] payload() {
    return slots.data();
  }

  public int payloadOffset() {
    return slots.offset(outSeq);
  }

  /** Length of the last popped frame; 0 for a frame inserted with {@link #insertSilence}. */
  public int payloadLength() {
    return slots.length(outSeq);
  }

  /** 16-bit sequence number of the last popped frame. */
  public int sequenceNumber() {
    return (int) (outSeq & 0xFFFF);
  }

  public int timestamp() {
    return slots.timestamp(outSeq);
  }

  public int targetDelayMillis() {
    return targetFrames * JitterBufferConfig.FRAME_MILLIS;
  }

  public JitterStats stats() {
    return counters.snapshot(
        targetDelayMillis(),
        (int) lastDepth * JitterBufferConfig.FRAME_MILLIS,
        estimator.jitterMillis());
  }
}
