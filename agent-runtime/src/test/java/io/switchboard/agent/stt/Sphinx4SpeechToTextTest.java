package io.switchboard.agent.stt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.stt.sphinx.Sphinx4SpeechToText;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** FreeTTS speaks, Sphinx4 listens: the offline loopback the voice pipeline tests rely on. */
class Sphinx4SpeechToTextTest {
  @Test
  void recognisesSynthesisedSpeechSegmentBySegment() throws Exception {
    PcmRecorder speech = new PcmRecorder(16_000);
    try (FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech()) {
      tts.synthesize("Thank you for calling. How can I help you today?", speech::append);
    }
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Sphinx4SpeechToText stt = new Sphinx4SpeechToText(executor);
      List<SttEvent> events = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(1);
      try (SttStream stream = stt.open(e -> {
        events.add(e);
        if (e instanceof SttEvent.SegmentDone) {
          done.countDown();
        }
      })) {
        short[] pcm = speech.samples();
        PcmFrame frame = new PcmFrame(16_000);
        for (int at = 0; at + 320 <= pcm.length; at += 320) {
          System.arraycopy(pcm, at, frame.samples(), 0, 320);
          stream.push(frame);
        }
        stream.endOfSpeech();
        assertTrue(done.await(120, TimeUnit.SECONDS), "no result within 120 s");
      }
      assertEquals(2, events.size(), events.toString());
      String text = ((SttEvent.Final) events.get(0)).text();
      System.out.println("sphinx4 heard: " + text);
      assertTrue(text.contains("thank you for calling") && text.contains("help you today"), text);
      assertEquals(new SttEvent.SegmentDone(), events.get(1));
    }
  }
}
