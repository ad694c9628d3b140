package io.switchboard.sip.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionTimerNegotiationTest {
  private static final SessionTimerPolicy POLICY = SessionTimerPolicy.defaults();

  private static SipHeaders headers(String supported, String sessionExpires, String minSe) {
    List<SipHeader> list = new ArrayList<>();
    if (!supported.isEmpty()) {
      list.add(new SipHeader("Supported", supported));
    }
    if (!sessionExpires.isEmpty()) {
      list.add(new SipHeader("Session-Expires", sessionExpires));
    }
    if (!minSe.isEmpty()) {
      list.add(new SipHeader("Min-SE", minSe));
    }
    return new SipHeaders(list);
  }

  /** RFC 4028 §9 table: what the UAS answers for each combination the UAC can send. */
  @ParameterizedTest(name = "Supported={0} Session-Expires={1} Min-SE={2} -> {3}")
  @CsvSource(nullValues = "none", textBlock = """
      timer,       '1800;refresher=uac', '',   'Session-Expires=1800;refresher=uac Require=timer'
      timer,       '1800;refresher=uas', '',   'Session-Expires=1800;refresher=uas Require=timer'
      timer,       '1800',               '',   'Session-Expires=1800;refresher=uac Require=timer'
      '',          '1800;refresher=uac', '',   'Session-Expires=1800;refresher=uas'
      'timer, 100rel', '',               '',   'Session-Expires=1800;refresher=uac Require=timer'
      '',          '',                   '',   'Session-Expires=1800;refresher=uas'
      timer,       '',                   3600, 'Session-Expires=3600;refresher=uac Require=timer'
      timer,       '90;refresher=uac',   '',   'Session-Expires=90;refresher=uac Require=timer'
      """)
  void agreedTermsProduceTheseResponseHeaders(String supported, String sessionExpires, String minSe, String expected) {
    SessionTimerTerms terms = SessionTimerNegotiation.negotiate(headers(supported, sessionExpires, minSe), POLICY);
    var on = (SessionTimerTerms.On) terms;
    String rendered = String.join(" ", on.responseHeaders().stream().map(h -> h.name() + "=" + h.value()).toList());
    assertEquals(expected, rendered);
  }

  @Test
  void intervalBelowOurMinimumIsRefusedWith422() {
    assertEquals(new SessionTimerTerms.TooSmall(Duration.ofSeconds(90)),
        SessionTimerNegotiation.negotiate(headers("timer", "60;refresher=uac", ""), POLICY));
  }

  @Test
  void disabledPolicyStillHonoursACallerThatAsks() {
    var off = new SessionTimerPolicy(false, Duration.ofMinutes(30), Duration.ofSeconds(90), true);
    assertEquals(new SessionTimerTerms.Off(), SessionTimerNegotiation.negotiate(headers("timer", "", ""), off));
    assertEquals(new SessionTimerTerms.On(Duration.ofSeconds(600), false, true),
        SessionTimerNegotiation.negotiate(headers("timer", "600;refresher=uac", ""), off));
  }

  @Test
  void refreshAndExpiryFollowRfc4028Section10() {
    var terms = new SessionTimerTerms.On(Duration.ofSeconds(1800), true, true);
    assertEquals(Duration.ofSeconds(900), terms.refreshDelay());
    assertEquals(Duration.ofSeconds(1768), terms.expiryDelay()); // minus min(32, 600)
    assertEquals(Duration.ofSeconds(60), new SessionTimerTerms.On(Duration.ofSeconds(90), false, true).expiryDelay());
  }

  @Test
  void malformedValuesNameTheHeader() {
    var error = assertThrows(IllegalArgumentException.class,
        () -> SessionTimerNegotiation.negotiate(headers("timer", "soon", ""), POLICY));
    assertEquals("malformed Session-Expires header: 'soon'", error.getMessage());
  }

  @Test
  void policyRefusesAMinimumBelowTheRfcFloor() {
    assertThrows(IllegalArgumentException.class,
        () -> new SessionTimerPolicy(true, Duration.ofMinutes(30), Duration.ofSeconds(30), true));
  }
}
