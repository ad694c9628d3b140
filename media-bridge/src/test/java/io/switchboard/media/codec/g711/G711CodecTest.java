package io.switchboard.media.codec.g711;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.codec.AudioEncoder;
import org.junit.jupiter.api.Test;

class G711CodecTest {
  @Test
  void codecConstantsMatchRfc3551() {
    assertEquals("PCMU", G711.PCMU.name());
    assertEquals(0, G711.PCMU.staticPayloadType());
    assertEquals("PCMA", G711.PCMA.name());
    assertEquals(8, G711.PCMA.staticPayloadType());
    for (AudioCodec codec : new AudioCodec[] {G711.PCMU, G711.PCMA}) {
      assertEquals(8000, codec.clockRate());
      assertEquals(8000, codec.sampleRate());
      assertEquals(160, codec.timestampsPerFrame());
    }
  }

  @Test
  void toneRoundTripSignalToNoiseRatio() {
    // G.711 gives about 38 dB SNR for a sine well inside its range (ITU G.712 masks ask >= 35).
    for (AudioCodec codec : new AudioCodec[] {G711.PCMU, G711.PCMA}) {
      for (double amplitude : new double[] {10_000, 1_000}) {
        double snr = roundTripSnr(codec, 1004, amplitude, 50);
        assertTrue(snr > 35.0, codec.name() + " at amplitude " + amplitude + ": " + snr + " dB");
        assertTrue(snr < 45.0, codec.name() + " too good to be 8-bit companding: " + snr);
      }
    }
  }

  @Test
  void encodesOneFrameTo160Bytes() {
    AudioEncoder encoder = G711.PCMU.encoders().get();
    PcmFrame frame = new PcmFrame(8000);
    frame.silence();
    byte[] out = new byte[200];
    assertEquals(160, encoder.encode(frame, out, 12));
    assertEquals((byte) 0xFF, out[12]);
    assertEquals((byte) 0xFF, out[171]);
    assertEquals(0, out[172]);
  }

  @Test
  void rejectsFramesAtOtherRates() {
    AudioEncoder encoder = G711.PCMA.encoders().get();
    var error =
        assertThrows(
            IllegalArgumentException.class, () -> encoder.encode(new PcmFrame(16000), new byte[400], 0));
    assertTrue(error.getMessage().contains("16000"));
  }

  @Test
  void shortPayloadIsPaddedWithSilence() {
    AudioDecoder decoder = G711.PCMA.decoders().get();
    PcmFrame out = new PcmFrame(48000);
    byte[] payload = new byte[80];
    java.util.Arrays.fill(payload, (byte) 0xAA); // A-law +max
    decoder.decode(payload, 0, 80, out);
    assertEquals(8000, out.sampleRate());
    assertEquals(32256, out.samples()[79]);
    assertEquals(0, out.samples()[80]);
  }

  @Test
  void concealmentRepeatsTheLastFrameAndFadesToSilence() {
    AudioEncoder encoder = G711.PCMU.encoders().get();
    AudioDecoder decoder = G711.PCMU.decoders().get();
    PcmFrame tone = sine(8000, 440, 8000, 0);
    byte[] payload = new byte[160];
    encoder.encode(tone, payload, 0);
    PcmFrame good = new PcmFrame(8000);
    decoder.decode(payload, 0, 160, good);

    PcmFrame concealed = new PcmFrame(8000);
    decoder.conceal(concealed);
    // First concealed frame starts as an exact repeat and has faded by 20% at its end.
    assertEquals(good.samples()[0], concealed.samples()[0]);
    assertEquals(good.samples()[159] * 0.8, concealed.samples()[159], 30);

    double previous = energy(concealed);
    for (int lost = 2; lost <= RepeatFadeConcealer.FADE_FRAMES; lost++) {
      decoder.conceal(concealed);
      double e = energy(concealed);
      assertTrue(e < previous, "energy must fall with each lost frame");
      previous = e;
    }
    decoder.conceal(concealed);
    assertEquals(0.0, energy(concealed), "silent after 100 ms of loss");

    decoder.decode(payload, 0, 160, good);
    decoder.conceal(concealed);
    assertEquals(good.samples()[0], concealed.samples()[0], "a good frame restarts the fade");
  }

  @Test
  void concealmentWithoutHistoryIsSilence() {
    PcmFrame out = sine(8000, 440, 8000, 0);
    G711.PCMA.decoders().get().conceal(out);
    assertEquals(0.0, energy(out));
  }

  private static double roundTripSnr(AudioCodec codec, double hz, double amplitude, int frames) {
    AudioEncoder encoder = codec.encoders().get();
    AudioDecoder decoder = codec.decoders().get();
    byte[] payload = new byte[160];
    PcmFrame decoded = new PcmFrame(8000);
    double signal = 0;
    double noise = 0;
    for (int f = 0; f < frames; f++) {
      PcmFrame in = sine(8000, hz, amplitude, f * 160);
      assertEquals(160, encoder.encode(in, payload, 0));
      decoder.decode(payload, 0, 160, decoded);
      for (int i = 0; i < 160; i++) {
        double s = in.samples()[i];
        double e = s - decoded.samples()[i];
        signal += s * s;
        noise += e * e;
      }
    }
    return 10 * Math.log10(signal / noise);
  }

  /** One 20 ms frame of a sine starting at absolute sample {@code start}. */
  static PcmFrame sine(int rate, double hz, double amplitude, long start) {
    PcmFrame frame = new PcmFrame(rate);
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (start + i) / rate));
    }
    return frame;
  }

  private static double energy(PcmFrame frame) {
    double sum = 0;
    for (int i = 0; i < frame.length(); i++) {
      sum += (double) frame.samples()[i] * frame.samples()[i];
    }
    return sum;
  }
}
