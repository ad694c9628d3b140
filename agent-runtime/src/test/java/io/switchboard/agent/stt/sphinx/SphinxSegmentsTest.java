package io.switchboard.agent.stt.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.media.audio.PcmFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How the recogniser's segments end, without loading Sphinx4: a decode that fails is reported and
 * the segment still ends, so the session's endpointing does not wait for it forever.
 */
class SphinxSegmentsTest {
  @Test
  void aFailedDecodeIsReportedAndTheSegmentStillEndsAndTheNextIsHeard() throws Exception {
    IllegalStateException broken = new IllegalStateException("acoustic model missing a senone");
    int[] calls = {0};
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Sphinx4SpeechToText stt = new Sphinx4SpeechToText(executor, pcm -> {
        if (++calls[0] == 1) {
          throw broken;
        }
        return "table for two";
      });
      List<SttEvent> events = new CopyOnWriteArrayList<>();
      CountDownLatch segments = new CountDownLatch(2);
      try (SttStream stream = stt.open(e -> {
        events.add(e);
        if (e instanceof SttEvent.SegmentDone) {
          segments.countDown();
        }
      })) {
        PcmFrame frame = new PcmFrame(16_000);
        stream.push(frame);
        stream.endOfSpeech();
        stream.push(frame);
        stream.endOfSpeech();
        assertTrue(segments.await(30, TimeUnit.SECONDS), "segments did not end: " + events);
      }
      assertEquals(4, events.size(), events.toString());
      assertEquals(broken, assertInstanceOf(SttEvent.Failed.class, events.get(0)).cause());
      assertEquals(new SttEvent.SegmentDone(), events.get(1));
      assertEquals(new SttEvent.Final("table for two", Double.NaN), events.get(2));
      assertEquals(new SttEvent.SegmentDone(), events.get(3));
    }
  }
}
