package io.switchboard.sip.transport;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Copies JAIN-SIP messages into our immutable records. */
final class JainMessageReader {
  private JainMessageReader() {}

  static IncomingRequest request(Request request, ServerTransaction transaction, Dialog dialog) {
    return new IncomingRequest(
        request.getMethod(),
        request.getRequestURI().toString(),
        callId(request),
        cseq(request).getSeqNumber(),
        ((FromHeader) request.getHeader(FromHeader.NAME)).getTag(),
        ((ToHeader) request.getHeader(ToHeader.NAME)).getTag(),
        headers(request),
        body(request),
        source(request),
        transaction == null ? null : new JainHandles.Server(transaction, request.getMethod()),
        dialog == null ? null : new JainHandles.DialogRef(dialog));
  }

  static IncomingResponse response(Response response, JainHandles.Client transaction, Dialog dialog) {
    CSeqHeader cseq = cseq(response);
    return new IncomingResponse(
        response.getStatusCode(),
        response.getReasonPhrase(),
        callId(response),
        cseq.getSeqNumber(),
        cseq.getMethod(),
        headers(response),
        body(response),
        transaction,
        dialog == null ? null : new JainHandles.DialogRef(dialog));
  }

  static String callId(Message message) {
    return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
  }

  private static CSeqHeader cseq(Message message) {
    return (CSeqHeader) message.getHeader(CSeqHeader.NAME);
  }

  static SipHeaders headers(Message message) {
    List<SipHeader> headers = new ArrayList<>();
    for (Iterator<?> names = message.getHeaderNames(); names.hasNext(); ) {
      String name = (String) names.next();
      for (ListIterator<?> values = message.getHeaders(name); values.hasNext(); ) {
        headers.add(new SipHeader(name, value((Header) values.next())));
      }
    }
    return new SipHeaders(headers);
  }

  private static String value(Header header) {
    if (header instanceof SIPHeader sipHeader) {
      return sipHeader.getHeaderValue().strip();
    }
    String text = header.toString();
    int colon = text.indexOf(':');
    return (colon >= 0 ? text.substring(colon + 1) : text).strip();
  }

  private static String body(Message message) {
    byte[] raw = message.getRawContent();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  /** The packet's source (what RFC 3581 "received"/"rport" record), falling back to the Via hop. */
  private static Peer source(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    TransportProtocol transport = TransportProtocol.fromToken(via == null ? null : via.getTransport());
    if (request instanceof SIPMessage message) {
      InetAddress address = message.getPeerPacketSourceAddress();
      int port = message.getPeerPacketSourcePort();
      if (address == null) {
        address = message.getRemoteAddress();
        port = message.getRemotePort();
      }
      if (address != null) {
        return new Peer(address.getHostAddress(), port, transport);
      }
    }
    return new Peer(via == null ? "" : via.getHost(), via == null ? -1 : via.getPort(), transport);
  }
}
