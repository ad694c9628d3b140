package io.switchboard.sip.transport;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peers behind NAT: a PBX or softphone whose Contact is a private address (RFC 1918, RFC 6598)
 * but whose messages come from somewhere else. Requests sent to that Contact never arrive, so a
 * BYE or a session refresh would be lost and the call dropped. For such a dialog, in-dialog
 * requests go where the peer's dialog-forming message came from instead (its NAT binding, as
 * RFC 3581 does for responses); the Request-URI stays the Contact. Keyed by Call-ID, forgotten when
 * the dialog ends.
 */
final class NatPeers {
  private static final Logger log = LoggerFactory.getLogger(NatPeers.class);

  private final ConcurrentMap<String, Hop> byCallId = new ConcurrentHashMap<>();

  /** Notes a dialog-forming INVITE, or a 2xx answering ours, and where it came from. */
  void onDialogForming(Message message) {
    if (!(message instanceof SIPMessage sip) || sip.getRemoteAddress() == null) {
      return;
    }
    Optional<InetAddress> contact = contactAddress(message);
    InetAddress source = sip.getRemoteAddress();
    if (contact.isEmpty() || !isPrivate(contact.get()) || contact.get().equals(source)) {
      return;
    }
    String transport = sip.getTopmostVia().getTransport();
    String callId = ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    Hop hop = new HopImpl(source.getHostAddress(), sip.getRemotePort(), transport);
    if (byCallId.put(callId, hop) == null) {
      log.info("call {}: Contact {} is a private address but the peer sends from {}:{}; "
          + "in-dialog requests go there", callId, contact.get().getHostAddress(), hop.getHost(), hop.getPort());
    }
  }

  /** Where an in-dialog request of a NATed peer's dialog goes, if it is one. */
  Optional<Hop> hopFor(Request request) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    if (to == null || to.getTag() == null || Request.CANCEL.equals(request.getMethod())) {
      return Optional.empty(); // not in a dialog (an INVITE, or a CANCEL that follows its INVITE)
    }
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    return callId == null ? Optional.empty() : Optional.ofNullable(byCallId.get(callId.getCallId()));
  }

  void forget(String callId) {
    byCallId.remove(callId);
  }

  /** RFC 1918 private, RFC 6598 shared (carrier-grade NAT) and link-local addresses. */
  static boolean isPrivate(InetAddress address) {
    byte[] a = address.getAddress();
    boolean sharedSpace = a.length == 4 && (a[0] & 0xFF) == 100 && (a[1] & 0xC0) == 64;
    return address.isSiteLocalAddress() || address.isLinkLocalAddress() || sharedSpace;
  }

  private static Optional<InetAddress> contactAddress(Message message) {
    ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
    if (contact == null || !(contact.getAddress().getURI() instanceof SipURI uri)) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return Optional.of(InetAddress.ofLiteral(host));
    } catch (IllegalArgumentException notALiteral) {
      return Optional.empty(); // a name: resolved by the stack as usual
    }
  }
}
