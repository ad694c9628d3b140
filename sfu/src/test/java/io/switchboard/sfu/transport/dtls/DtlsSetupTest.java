package io.switchboard.sfu.transport.dtls;

import static io.switchboard.sfu.transport.dtls.DtlsSetup.ACTIVE;
import static io.switchboard.sfu.transport.dtls.DtlsSetup.ACTPASS;
import static io.switchboard.sfu.transport.dtls.DtlsSetup.PASSIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** RFC 4145 §4 / RFC 8842 §5: a=setup decides who is the DTLS client. */
class DtlsSetupTest {
  @Test
  void negotiatedRoles() {
    // We offered actpass: the answer decides.
    assertEquals(DtlsRole.SERVER, DtlsSetup.negotiate(ACTPASS, ACTIVE));
    assertEquals(DtlsRole.CLIENT, DtlsSetup.negotiate(ACTPASS, PASSIVE));
    // We answered.
    assertEquals(DtlsRole.CLIENT, DtlsSetup.negotiate(ACTIVE, ACTPASS));
    assertEquals(DtlsRole.SERVER, DtlsSetup.negotiate(PASSIVE, ACTPASS));
    assertEquals(DtlsRole.CLIENT, DtlsSetup.negotiate(ACTIVE, PASSIVE));
    assertEquals(DtlsRole.SERVER, DtlsSetup.negotiate(PASSIVE, ACTIVE));
  }

  @Test
  void pairsThatDecideNothingAreRejected() {
    assertEquals(
        "a=setup:active locally and a=setup:active remotely do not decide who is the DTLS client",
        assertThrows(IllegalArgumentException.class, () -> DtlsSetup.negotiate(ACTIVE, ACTIVE))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> DtlsSetup.negotiate(PASSIVE, PASSIVE));
    assertThrows(IllegalArgumentException.class, () -> DtlsSetup.negotiate(ACTPASS, ACTPASS));
  }

  @Test
  void anAnswererToActpassIsActive() {
    assertEquals(ACTIVE, ACTPASS.answer());
    assertEquals(PASSIVE, ACTIVE.answer());
    assertEquals(ACTIVE, PASSIVE.answer());
  }

  @Test
  void parsesSdpValues() {
    assertEquals(ACTPASS, DtlsSetup.parse("a=setup:actpass"));
    assertEquals(PASSIVE, DtlsSetup.parse("PASSIVE"));
    assertEquals("active", ACTIVE.sdpValue());
    assertEquals(
        "a=setup must be actpass, active or passive, got 'holdconn'",
        assertThrows(IllegalArgumentException.class, () -> DtlsSetup.parse("holdconn"))
            .getMessage());
  }
}
