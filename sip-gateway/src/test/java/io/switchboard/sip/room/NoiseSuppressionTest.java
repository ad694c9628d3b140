package io.switchboard.sip.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.filter.AudioFilterFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** krisp_enabled's per-call filter: handed out when the suppressor loads, skipped (not fatal) when not. */
class NoiseSuppressionTest {
  @Test
  void aCallGetsItsOwnFilterRunOnTheWorkers() {
    int[] opened = {0};
    NoiseSuppression noise = new NoiseSuppression(() -> {
      opened[0]++;
      return frame -> frame.samples()[0] = 42;
    }, Runnable::run);
    Optional<AudioFilter> filter = noise.forCall("call-1", "ST_1", "room");
    assertTrue(filter.isPresent());
    assertEquals(1, opened[0]);
    for (int n = 0; n < NoiseSuppression.FRAMES_LATE; n++) {
      filter.get().process(new PcmFrame(8000));
    }
    PcmFrame late = new PcmFrame(8000);
    filter.get().process(late);
    assertEquals(42, late.samples()[0], "an earlier frame, filtered by the worker");
  }

  @Test
  void aSuppressorThatCannotLoadLeavesTheCallWithoutOne() {
    NoiseSuppression noise = new NoiseSuppression(
        AudioFilterFactory.unavailable("RNNoise did not load: no wasm"), Runnable::run);
    assertEquals(Optional.empty(), noise.forCall("call-2", "ST_1", "room"));
    assertEquals(Optional.empty(), NoiseSuppression.NONE.forCall("call-3", "ST_1", "room"));
  }
}
