package io.switchboard.agent.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechAudioTest {
  private static short[] ramp(int n, int from) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) (from + i);
    }
    return s;
  }

  @Test
  void playedTextKeepsWholeSentencesAndTheHeardShareOfTheCutOne() {
    SpeechAudio audio = new SpeechAudio(true);
    audio.append(new short[16_000], 0, 16_000);
    audio.spoke("We are open from nine to five.", 0);
    audio.append(new short[8_000], 0, 8_000);
    audio.spoke("On Sundays we are closed today.", 16_000);
    short[] sink = new short[20_000];
    audio.readInto(sink, 20_000); // half of the second sentence's audio
    assertEquals("We are open from nine to five. On Sundays we", audio.playedText());
    assertEquals("We are open from nine to five. On Sundays we are closed today.", audio.fullText());
  }

  private final List<String> log = new ArrayList<>();
  private final Playout playout = new Playout(16_000, new Playout.Listener() {
    @Override
    public void started(SpeechAudio speech) {
      log.add("started");
    }

    @Override
    public void finished(SpeechAudio speech, boolean interrupted) {
      log.add(interrupted ? "interrupted" : "finished");
    }
  });

  @Test
  void playsFramesInOrderThenFinishes() {
    SpeechAudio a = new SpeechAudio(true);
    a.append(ramp(400, 1), 0, 400);
    a.complete();
    playout.enqueue(a);
    PcmFrame f = new PcmFrame(16_000);
    assertTrue(playout.read(f));
    assertEquals(1, f.samples()[0]);
    assertEquals(320, f.samples()[319]);
    assertTrue(playout.read(f));
    assertEquals(321, f.samples()[0]);
    assertEquals(0, f.samples()[80], "the short last frame is padded with silence");
    assertFalse(playout.read(f));
    assertEquals(List.of("started", "finished"), log);
  }

  @Test
  void pauseSilencesTheNextFrameAndResumeContinuesWhereItStopped() {
    SpeechAudio a = new SpeechAudio(true);
    a.append(ramp(960, 1), 0, 960);
    playout.enqueue(a);
    PcmFrame f = new PcmFrame(16_000);
    playout.read(f);
    assertTrue(playout.playingInterruptible());
    playout.pause();
    assertFalse(playout.read(f), "paused: nothing on the very next frame");
    assertFalse(playout.playingInterruptible());
    playout.resume();
    assertTrue(playout.read(f));
    assertEquals(321, f.samples()[0]);
  }

  @Test
  void synthesisBehindPlayoutIsAGapNotTheEnd() {
    SpeechAudio a = new SpeechAudio(true);
    playout.enqueue(a);
    PcmFrame f = new PcmFrame(16_000);
    assertFalse(playout.read(f));
    a.append(ramp(320, 5), 0, 320);
    assertTrue(playout.read(f));
    assertEquals(5, f.samples()[0]);
    assertEquals(List.of("started"), log);
  }

  @Test
  void stopEndsThePlayingSpeechAsInterruptedAndTheNextOnePlays() {
    SpeechAudio a = new SpeechAudio(true);
    a.append(ramp(3200, 1), 0, 3200);
    SpeechAudio b = new SpeechAudio(false);
    b.append(ramp(320, 7), 0, 320);
    b.complete();
    playout.enqueue(a);
    playout.enqueue(b);
    PcmFrame f = new PcmFrame(16_000);
    playout.read(f);
    playout.stop(a);
    assertTrue(playout.read(f));
    assertEquals(7, f.samples()[0]);
    assertFalse(playout.playingInterruptible(), "b does not allow interruptions");
    assertEquals(List.of("started", "interrupted", "started"), log);
  }
}
