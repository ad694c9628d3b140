package io.switchboard.sip.outbound;

import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.sdp.LocalSdp;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.OfferAnswer;
import io.switchboard.sip.sdp.SdesCrypto;
import io.switchboard.sip.sdp.SdpWriter;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.sip.transport.OutgoingInvite;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.TransportProtocol;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The INVITEs of one outbound call: the same Call-ID, From tag and offer each time, a new CSeq
 * and branch when re-sent with credentials (RFC 3261 §8.1.1, §22.2).
 */
final class InviteBuilder {
  private final String callId;
  private final DialPlan plan;
  private final String advertisedAddress;
  private final RandomGenerator random;
  private final String fromTag;
  private long cseq = 1;
  /** The trunk's transport, or what {@code auto} chose at the first INVITE (kept for the call). */
  private TransportProtocol transport;
  private boolean transportChosen;

  InviteBuilder(String callId, DialPlan plan, String advertisedAddress, RandomGenerator random) {
    this.callId = callId;
    this.plan = plan;
    this.advertisedAddress = advertisedAddress;
    this.random = random;
    this.fromTag = hex(8);
    this.transport = plan.target().transport();
    this.transportChosen = !plan.target().automatic();
  }

  String callId() {
    return callId;
  }

  long cseq() {
    return cseq;
  }

  /** {@code sip:<called>@host:port[;transport=tcp|tls]}: also the digest {@code uri}. */
  String requestUri() {
    return "sip:" + plan.calledUser() + "@" + plan.target().hostPort() + OutboundTarget.uriParameters(transport);
  }

  /** Our offer: the policy's codecs then telephone-event, at the media session's address and port. */
  SessionDescription offer(MediaSession media) {
    String address = media.localAddress();
    boolean unset = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::");
    LocalSdp local = new LocalSdp(unset ? advertisedAddress : address, media.localPort(),
        Long.toString(random.nextLong(1, Long.MAX_VALUE)), 1, SdesCrypto.generate(new SecureRandom()));
    return OfferAnswer.offer(plan.codecs(), MediaDirection.SENDRECV, local);
  }

  OutgoingInvite invite(SessionDescription offer, Optional<DigestAnswer.Credentials> credentials) {
    OutgoingInvite invite = build(offer, credentials);
    if (!transportChosen) {
      transportChosen = true;
      TransportProtocol chosen = AutoTransport.choose(invite);
      if (chosen != transport) {
        transport = chosen;
        invite = build(offer, credentials);
      }
    }
    return invite;
  }

  private OutgoingInvite build(SessionDescription offer, Optional<DigestAnswer.Credentials> credentials) {
    List<SipHeader> headers = new ArrayList<>();
    plan.headers().forEach((name, value) -> headers.add(new SipHeader(name, value)));
    credentials.ifPresent(c -> headers.add(new SipHeader(c.headerName(), c.value())));
    String fromHost = plan.fromHost().isEmpty() ? bracketed(advertisedAddress) : plan.fromHost();
    return new OutgoingInvite(callId, cseq, requestUri(), "sip:" + plan.callerUser() + "@" + fromHost,
        plan.displayName(), fromTag, "sip:" + plan.calledUser() + "@" + plan.target().hostPort(),
        transport, "z9hG4bK" + hex(10), headers, SdpWriter.write(offer));
  }

  /** The INVITE again with credentials, under the next CSeq. */
  OutgoingInvite reinvite(SessionDescription offer, DigestAnswer.Credentials credentials) {
    cseq++;
    return invite(offer, Optional.of(credentials));
  }

  String newCnonce() {
    return hex(8);
  }

  private String hex(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  private static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
