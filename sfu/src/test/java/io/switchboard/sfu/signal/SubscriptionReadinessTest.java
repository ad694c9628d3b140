package io.switchboard.sfu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionReadinessTest {
  private final List<String> heard = new ArrayList<>();
  private final SubscriptionReadiness readiness = new SubscriptionReadiness(new SubscriptionReadiness.Listener() {
    @Override
    public void connected() {
      heard.add("connected");
    }

    @Override
    public void subscribed(String trackSid) {
      heard.add("subscribed " + trackSid);
    }
  });

  @Test
  void anAnsweredTrackIsSubscribedOnlyOnceTheConnectionIsUp() {
    readiness.offered(List.of("TR_caller"));
    readiness.answered();
    assertEquals(List.of(), heard, "ICE and DTLS are still under way: nothing reaches the client yet");

    readiness.connected();
    assertEquals(List.of("connected", "subscribed TR_caller"), heard);
  }

  @Test
  void anOfferedTrackIsSubscribedOnlyOnceTheClientAnswered() {
    readiness.offered(List.of());
    readiness.answered();
    readiness.connected();
    readiness.offered(List.of("TR_caller"));
    assertEquals(List.of("connected"), heard, "the client has not accepted the track yet");

    readiness.answered();
    assertEquals(List.of("connected", "subscribed TR_caller"), heard);
  }

  @Test
  void eachFactIsReportedOnce() {
    readiness.connected();
    readiness.offered(List.of("TR_a"));
    readiness.answered();
    readiness.connected();
    readiness.offered(List.of("TR_a", "TR_b"));
    readiness.answered();
    readiness.answered();
    assertEquals(List.of("connected", "subscribed TR_a", "subscribed TR_b"), heard);
  }

  @Test
  void aTrackDroppedBeforeTheAnswerIsNotReportedAndOneResubscribedIsReportedAgain() {
    readiness.connected();
    readiness.offered(List.of("TR_a"));
    readiness.dropped("TR_a");
    readiness.answered();
    assertEquals(List.of("connected"), heard, "unsubscribed while the offer was out");

    readiness.offered(List.of("TR_b"));
    readiness.answered();
    readiness.dropped("TR_b");
    readiness.offered(List.of("TR_b"));
    readiness.answered();
    assertEquals(List.of("connected", "subscribed TR_b", "subscribed TR_b"), heard);
  }

  @Test
  void aTrackLeftOutOfTheNextOfferIsNoLongerNegotiated() {
    readiness.offered(List.of("TR_a"));
    readiness.answered();
    readiness.offered(List.of());
    readiness.answered();
    readiness.connected();
    assertEquals(List.of("connected"), heard, "the last answer no longer carries TR_a");
  }
}
