package io.switchboard.sip.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Transport {@code auto}: UDP, or TCP for the whole call when the INVITE tops 1300 bytes (RFC 3261 §18.1.1). */
class AutoTransportTest {
  private static final MediaSession MEDIA = new MediaSession() {
    @Override
    public String localAddress() {
      return "203.0.113.5";
    }

    @Override
    public int localPort() {
      return 40000;
    }

    @Override
    public void update(NegotiatedAudio audio) {}

    @Override
    public void close() {}
  };

  @Test
  void ordinaryInviteStaysOnUdp() {
    var builder = builder(Map.of("X-Account", "acme"));
    var invite = builder.invite(builder.offer(MEDIA), Optional.empty());

    assertEquals(TransportProtocol.UDP, invite.transport());
    assertEquals("sip:+14155550123@198.51.100.7:5060", invite.requestUri());
    assertTrue(AutoTransport.estimatedSize(invite) < AutoTransport.UDP_LIMIT, invite.toString());
  }

  @Test
  void inviteOver1300BytesGoesOverTcpAndStaysThereWhenResentWithCredentials() {
    var builder = builder(Map.of("X-Context", "x".repeat(700)));
    var offer = builder.offer(MEDIA);
    var invite = builder.invite(offer, Optional.empty());

    assertEquals(TransportProtocol.TCP, invite.transport());
    assertEquals("sip:+14155550123@198.51.100.7:5060;transport=tcp", invite.requestUri());
    assertEquals(invite.requestUri(), builder.requestUri(), "the digest uri is the Request-URI sent");
    var again = builder.reinvite(offer, new DigestAnswer.Credentials("Authorization", "Digest username=\"u\""));
    assertEquals(TransportProtocol.TCP, again.transport());
  }

  @Test
  void explicitUdpTrunkIsNeverSwitched() {
    var plan = plan(new OutboundTarget("198.51.100.7", 5060, TransportProtocol.UDP), Map.of("X-Context", "x".repeat(700)));
    var builder = new InviteBuilder("call-1", plan, "203.0.113.5", new SplittableRandom(1));
    assertEquals(TransportProtocol.UDP, builder.invite(builder.offer(MEDIA), Optional.empty()).transport());
  }

  private static InviteBuilder builder(Map<String, String> headers) {
    var target = new OutboundTarget("198.51.100.7", 5060, TransportProtocol.UDP).withAutomaticTransport();
    return new InviteBuilder("call-1", plan(target, headers), "203.0.113.5", new SplittableRandom(1));
  }

  private static DialPlan plan(OutboundTarget target, Map<String, String> headers) {
    return new DialPlan(target, "+14155550123", "+15105550100", "", "", headers, "", "", Duration.ofSeconds(30),
        Duration.ofMinutes(10), CodecPolicy.defaults());
  }
}
