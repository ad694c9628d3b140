package io.switchboard.sip.outbound;

import io.switchboard.sip.transport.OutgoingInvite;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.TransportProtocol;
import java.nio.charset.StandardCharsets;

/**
 * What transport {@code auto} means for a trunk: UDP, unless the INVITE is larger than 1300
 * bytes, when RFC 3261 §18.1.1 requires a congestion-controlled transport: then TCP, for the
 * whole call. (JAIN-SIP does not switch by itself.) The size is estimated before the stack adds
 * its own headers, with a generous allowance for them, so a borderline INVITE goes over TCP.
 */
final class AutoTransport {
  /** RFC 3261 §18.1.1: the limit when the path MTU is unknown. */
  static final int UDP_LIMIT = 1300;
  /** Via, Contact, Max-Forwards, User-Agent, Content-Type and Content-Length, added by the stack. */
  static final int STACK_HEADERS = 320;

  private AutoTransport() {}

  static TransportProtocol choose(OutgoingInvite invite) {
    return estimatedSize(invite) > UDP_LIMIT ? TransportProtocol.TCP : TransportProtocol.UDP;
  }

  static int estimatedSize(OutgoingInvite invite) {
    StringBuilder text = new StringBuilder(1024)
        .append("INVITE ").append(invite.requestUri()).append(" SIP/2.0\r\n")
        .append("From: \"").append(invite.fromDisplayName()).append("\" <").append(invite.fromUri())
        .append(">;tag=").append(invite.fromTag()).append("\r\n")
        .append("To: <").append(invite.toUri()).append(">\r\n")
        .append("Call-ID: ").append(invite.callId()).append("\r\n")
        .append("CSeq: ").append(invite.cseq()).append(" INVITE\r\n");
    for (SipHeader header : invite.headers()) {
      text.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    text.append("\r\n").append(invite.sdp());
    return text.toString().getBytes(StandardCharsets.UTF_8).length + STACK_HEADERS;
  }
}
