package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalTest {
  @Test
  void goertzelReadsEachToneAndIgnoresTheOthers() {
    Signal a = Signal.forCaller(0);
    byte[] marked = a.markerPayload();
    double carrier = new Goertzel(a.carrierHz(), 8000).amplitude(marked, 0, 160);
    double marker = new Goertzel(a.markerHz(), 8000).amplitude(marked, 0, 160);
    double absent = new Goertzel(Signal.forCaller(1).carrierHz(), 8000).amplitude(marked, 0, 160);
    assertEquals(Signal.AMPLITUDE, carrier, Signal.AMPLITUDE * 0.03);
    assertEquals(Signal.AMPLITUDE, marker, Signal.AMPLITUDE * 0.03);
    assertTrue(absent < Signal.AMPLITUDE / 50.0, "600 Hz found in a 400+1000 Hz frame at " + absent);
    double noMarker = new Goertzel(a.markerHz(), 8000).amplitude(a.carrierPayload(), 0, 160);
    assertTrue(noMarker < Signal.AMPLITUDE / 50.0, "marker found in a carrier-only frame at " + noMarker);
  }

  @Test
  void markerIsFiveFramesOnceASecond() {
    int frames = 0;
    int onsets = 0;
    for (long f = 0; f < 500; f++) {
      frames += Signal.markerFrame(f, 13) ? 1 : 0;
      onsets += Signal.markerOnset(f, 13) ? 1 : 0;
    }
    assertEquals(50, frames);
    assertEquals(10, onsets);
    assertTrue(Signal.markerOnset(37, 13) && Signal.markerFrame(41, 13) && !Signal.markerFrame(42, 13));
  }

  @Test
  void refusesTonesThatDoNotFitA20msFrame() {
    var e = assertThrows(IllegalArgumentException.class, () -> Signal.of(440, 1000));
    assertTrue(e.getMessage().contains("440"));
  }
}
