package io.switchboard.media.codec.g722;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.WavFile;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Bit-exactness against an independent implementation: FFmpeg 5.1's G.722 encoder and decoder
 * (libavcodec g722enc/g722dec, no trellis). Vectors made with
 * <pre>
 * ffmpeg -f lavfi -i "aevalsrc='(0.95*t/0.6)*sin(2*PI*(100*t+6500*t*t)) + 0.05*(random(0)*2-1)':s=16000:d=0.6" \
 *     -ac 1 -c:a pcm_s16le chirp-input.wav
 * ffmpeg -i chirp-input.wav -c:a g722 -f g722 chirp-ffmpeg.g722
 * ffmpeg -f g722 -i chirp-ffmpeg.g722 -c:a pcm_s16le chirp-ffmpeg-decoded.wav
 * </pre>
 * The input is a 100 Hz → 7.9 kHz chirp rising from silence to 95 % of full scale, with noise.
 */
class G722InteropTest {
  private static final int FRAMES = 30;

  @Test
  void encoderProducesFfmpegsBitstream() throws IOException {
    short[] input = WavFile.parse(resource("chirp-input.wav")).samples();
    byte[] expected = resource("chirp-ffmpeg.g722");
    assertEquals(FRAMES * 160, expected.length);

    G722Encoder encoder = new G722Encoder();
    PcmFrame frame = new PcmFrame(16000);
    byte[] encoded = new byte[FRAMES * 160];
    for (int f = 0; f < FRAMES; f++) {
      System.arraycopy(input, f * 320, frame.samples(), 0, 320);
      assertEquals(160, encoder.encode(frame, encoded, f * 160));
    }
    assertArrayEquals(expected, encoded);
  }

  @Test
  void decoderReproducesFfmpegsOutput() throws IOException {
    byte[] bitstream = resource("chirp-ffmpeg.g722");
    short[] expected = WavFile.parse(resource("chirp-ffmpeg-decoded.wav")).samples();

    G722Decoder decoder = new G722Decoder();
    PcmFrame frame = new PcmFrame(16000);
    PcmRecorder decoded = new PcmRecorder(16000);
    for (int f = 0; f < FRAMES; f++) {
      decoder.decode(bitstream, f * 160, 160, frame);
      decoded.write(frame);
    }
    assertArrayEquals(expected, decoded.samples());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = G722InteropTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
