package io.switchboard.media.codec.g711;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the tables against an implementation nobody here wrote: the JDK's javax.sound
 * ULAW/ALAW converters (Sun's classic g711 code). The two conventions differ only for negative
 * inputs (ones' complement here, as in ITU G.191; two's complement there) and above µ-law's
 * overload point, where the JDK wraps to the zero code.
 */
class G711JdkCrossCheckTest {
  private static final AudioFormat PCM =
      new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, true);

  @Test
  void decodeTablesMatchTheJdk() throws IOException {
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    for (G711Law law : G711Law.values()) {
      byte[] linear = convert(codes, companded(law), PCM);
      for (int code = 0; code < 256; code++) {
        short jdk = (short) (((linear[2 * code] & 0xFF) << 8) | (linear[2 * code + 1] & 0xFF));
        assertEquals(jdk, law.decode((byte) code), law + " code " + code);
      }
    }
  }

  @Test
  void encodingMatchesTheJdkForNonNegativeInputs() throws IOException {
    byte[] linear = new byte[2 * 32768];
    for (int x = 0; x < 32768; x++) {
      linear[2 * x] = (byte) (x >> 8);
      linear[2 * x + 1] = (byte) x;
    }
    for (G711Law law : G711Law.values()) {
      byte[] jdk = convert(linear, PCM, companded(law));
      int limit = law == G711Law.MU_LAW ? 32635 : 32767; // JDK µ-law overflows above 32635
      for (int x = 0; x <= limit; x++) {
        assertEquals(jdk[x], law.encode((short) x), law + " input " + x);
      }
    }
  }

  private static AudioFormat companded(G711Law law) {
    var encoding = law == G711Law.MU_LAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
    return new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
  }

  private static byte[] convert(byte[] data, AudioFormat from, AudioFormat to) throws IOException {
    var source = new AudioInputStream(new ByteArrayInputStream(data), from, data.length / from.getFrameSize());
    try (AudioInputStream converted = AudioSystem.getAudioInputStream(to, source)) {
      return converted.readAllBytes();
    }
  }
}
