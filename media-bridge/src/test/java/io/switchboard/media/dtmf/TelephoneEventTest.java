package io.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TelephoneEventTest {
  @Test
  void writesAndReadsTheFourByteEventBlock() {
    byte[] buf = new byte[6];
    assertEquals(4, TelephoneEvent.write(buf, 1, 5, true, 10, 800));
    // event 5 | E=1 R=0 volume 10 | duration 800 (0x0320)
    assertArrayEquals(new byte[] {0, 0x05, (byte) 0x8A, 0x03, 0x20, 0}, buf);
    assertEquals(5, TelephoneEvent.event(buf, 1));
    assertTrue(TelephoneEvent.end(buf, 1));
    assertEquals(10, TelephoneEvent.volume(buf, 1));
    assertEquals(800, TelephoneEvent.duration(buf, 1));
  }

  @Test
  void reservedBitIsIgnoredAndMaximaAreCarried() {
    byte[] buf = {(byte) 0x0B, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF}; // #, E=0, R=1, vol 63
    assertEquals(11, TelephoneEvent.event(buf, 0));
    assertFalse(TelephoneEvent.end(buf, 0));
    assertEquals(63, TelephoneEvent.volume(buf, 0));
    assertEquals(65535, TelephoneEvent.duration(buf, 0));
  }

  @Test
  void rejectsFieldsTheBlockCannotHold() {
    byte[] buf = new byte[4];
    assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.write(buf, 0, 256, false, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.write(buf, 0, 1, false, 64, 0));
    assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.write(buf, 0, 1, false, 0, 65536));
  }

  @Test
  void digitsMapToRfc4733EventCodes() {
    assertEquals("0123456789*#ABCD", symbols(DtmfDigit.values()));
    assertEquals(10, DtmfDigit.STAR.event());
    assertEquals(11, DtmfDigit.POUND.event());
    assertEquals(15, DtmfDigit.D.event());
    assertEquals(DtmfDigit.C, DtmfDigit.ofSymbol('c'));
    assertEquals(DtmfDigit.D7, DtmfDigit.ofEvent(7));
    var bad = assertThrows(IllegalArgumentException.class, () -> DtmfDigit.ofSymbol('E'));
    assertTrue(bad.getMessage().contains("'E'"));
    assertThrows(IllegalArgumentException.class, () -> DtmfDigit.ofEvent(16));
  }

  static String symbols(DtmfDigit... digits) {
    StringBuilder sb = new StringBuilder();
    for (DtmfDigit d : digits) {
      sb.append(d.symbol());
    }
    return sb.toString();
  }
}
