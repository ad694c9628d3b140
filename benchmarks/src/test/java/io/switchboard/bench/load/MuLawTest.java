package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MuLawTest {
  @Test
  void matchesTheG711TableAtItsEnds() {
    // G.711 Table 2a: code 0x00 is the most negative segment end, 0x80 the most positive,
    // 0xFF and 0x7F the two zeros.
    assertEquals(-32124, MuLaw.decode((byte) 0x00));
    assertEquals(32124, MuLaw.decode((byte) 0x80));
    assertEquals(0, MuLaw.decode((byte) 0xFF));
    assertEquals(0, MuLaw.decode((byte) 0x7F));
    assertEquals((byte) 0xFF, MuLaw.encode(0));
    assertEquals((byte) 0x80, MuLaw.encode(32767));
    assertEquals((byte) 0x00, MuLaw.encode(-32768));
  }

  @Test
  void everyCodeSurvivesDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      if (code == 0x7F) {
        continue; // negative zero encodes as positive zero
      }
      assertEquals((byte) code, MuLaw.encode(MuLaw.decode((byte) code)), "code " + code);
    }
  }

  @Test
  void quantisationErrorStaysWithinTheSegmentStep() {
    for (int x = -32000; x <= 32000; x += 37) {
      int y = MuLaw.decode(MuLaw.encode(x));
      assertTrue(Math.abs(x - y) <= Math.max(4, Math.abs(x) / 16), x + " came back as " + y);
    }
  }
}
