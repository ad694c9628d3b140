package io.switchboard.media.codec.g711;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** G.711 code words and reconstruction levels from ITU-T G.711 Tables 1 and 2. */
class G711LawTest {
  // µ-law Table 2: per segment, the first decoder output and the step, in 14-bit units.
  private static final int[] MU_SEGMENT_START = {0, 33, 99, 231, 495, 1023, 2079, 4191};
  private static final int[] MU_STEP = {2, 4, 8, 16, 32, 64, 128, 256};
  // A-law Table 1: the same in 13-bit units.
  private static final int[] A_SEGMENT_START = {1, 33, 66, 132, 264, 528, 1056, 2112};
  private static final int[] A_STEP = {2, 2, 4, 8, 16, 32, 64, 128};

  @Test
  void muLawKnownCodeWords() {
    assertEquals(0xFF, code(MuLaw.encode((short) 0)), "+0");
    assertEquals(0x7F, code(MuLaw.encode((short) -1)), "-1 quantises to -0");
    assertEquals(0x80, code(MuLaw.encode(Short.MAX_VALUE)), "positive overload");
    assertEquals(0x00, code(MuLaw.encode(Short.MIN_VALUE)), "negative overload");
    assertEquals(0, MuLaw.decode((byte) 0xFF));
    assertEquals(0, MuLaw.decode((byte) 0x7F));
    assertEquals(8, MuLaw.decode((byte) 0xFE));
    assertEquals(132, MuLaw.decode((byte) 0xEF));
    assertEquals(32124, MuLaw.decode((byte) 0x80), "8031 in 14-bit units");
    assertEquals(-32124, MuLaw.decode((byte) 0x00));
  }

  @Test
  void aLawKnownCodeWords() {
    assertEquals(0xD5, code(ALaw.encode((short) 0)), "+0 with even bits inverted");
    assertEquals(0x55, code(ALaw.encode((short) -1)));
    assertEquals(0xAA, code(ALaw.encode(Short.MAX_VALUE)));
    assertEquals(0x2A, code(ALaw.encode(Short.MIN_VALUE)));
    assertEquals(8, ALaw.decode((byte) 0xD5));
    assertEquals(-8, ALaw.decode((byte) 0x55));
    assertEquals(32256, ALaw.decode((byte) 0xAA), "4032 in 13-bit units");
    assertEquals(-32256, ALaw.decode((byte) 0x2A));
  }

  @Test
  void muLawDecoderOutputsAreTheTable2Levels() {
    for (int segment = 0; segment < 8; segment++) {
      for (int step = 0; step < 16; step++) {
        int positiveCode = 0xFF ^ ((segment << 4) | step);
        int expected = 4 * (MU_SEGMENT_START[segment] + step * MU_STEP[segment]);
        assertEquals(expected, MuLaw.decode((byte) positiveCode), "code " + positiveCode);
        assertEquals(-expected, MuLaw.decode((byte) (positiveCode & 0x7F)));
      }
    }
  }

  @Test
  void aLawDecoderOutputsAreTheTable1Levels() {
    for (int segment = 0; segment < 8; segment++) {
      for (int step = 0; step < 16; step++) {
        int positiveCode = (0x80 | (segment << 4) | step) ^ 0x55;
        int expected = 8 * (A_SEGMENT_START[segment] + step * A_STEP[segment]);
        assertEquals(expected, ALaw.decode((byte) positiveCode), "code " + positiveCode);
        assertEquals(-expected, ALaw.decode((byte) (positiveCode ^ 0x80)));
      }
    }
  }

  @Test
  void decodeTablesAreSymmetricAndMonotonic() {
    for (G711Law law : G711Law.values()) {
      for (int code = 0; code < 256; code++) {
        assertEquals(-law.decode((byte) code), law.decode((byte) (code ^ 0x80)), law + " " + code);
      }
      // Walking the linear scale upwards through the encoder visits levels in increasing order.
      int previous = Integer.MIN_VALUE;
      int distinct = 0;
      for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
        int level = law.decode(law.encode((short) x));
        assertTrue(level >= previous, law + " not monotonic at " + x);
        if (level != previous) {
          distinct++;
        }
        previous = level;
      }
      // µ-law's +0 and -0 share the level 0: 255 distinct levels; A-law has no zero level: 256.
      assertEquals(law == G711Law.MU_LAW ? 255 : 256, distinct, law.toString());
    }
  }

  @Test
  void encodeOfDecodeIsIdentityExceptMuLawNegativeZero() {
    for (int code = 0; code < 256; code++) {
      int roundTrip = code(MuLaw.encode(MuLaw.decode((byte) code)));
      assertEquals(code == 0x7F ? 0xFF : code, roundTrip, "µ-law code " + code);
      assertEquals(code, code(ALaw.encode(ALaw.decode((byte) code))), "A-law code " + code);
    }
  }

  @Test
  void quantisationErrorIsAtMostHalfAStep() {
    for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
      int magnitude = x < 0 ? ~x : x;
      byte mu = MuLaw.encode((short) x);
      int muSegment = ((~mu) >> 4) & 7;
      // Half of the 14-bit step in 16-bit units, plus what truncation to 14 bits drops.
      int muBound = (4 << muSegment) + 4;
      if (magnitude < 4 * 8159) { // below µ-law overload (G.711 Table 2 last decision value)
        assertTrue(Math.abs(MuLaw.decode(mu) - x) <= muBound, "µ-law error at " + x);
      }
      byte a = ALaw.encode((short) x);
      int aSegment = ((a ^ 0x55) >> 4) & 7;
      int aBound = (8 << Math.max(0, aSegment - 1)) + 1;
      assertTrue(Math.abs(ALaw.decode(a) - x) <= aBound, "A-law error at " + x);
    }
  }

  private static int code(byte b) {
    return b & 0xFF;
  }
}
