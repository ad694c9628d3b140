package io.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SIP user agent client over UDP for placing many calls from one socket: INVITE with a
 * PCMU offer, ACK, BYE, with RFC 3261 retransmissions; requests from the server (a BYE, say) are
 * answered 200 OK. No authentication, no forking, no Record-Route: enough for a loopback trunk.
 */
final class SipUac implements AutoCloseable {
  private final DatagramChannel channel;
  private final InetSocketAddress server;
  private final String host;
  private final int port;
  private final ScheduledExecutorService timers;
  private final Map<String, SipDialog> dialogs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final String instance = Long.toHexString(System.nanoTime());
  private final Thread receiver;
  private volatile boolean running = true;

  SipUac(InetSocketAddress local, InetSocketAddress server, ScheduledExecutorService timers) throws IOException {
    this.channel = DatagramChannel.open().bind(local);
    this.server = server;
    this.host = local.getAddress().getHostAddress();
    this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    this.timers = timers;
    this.receiver = Thread.ofPlatform().name("sip-receiver").start(this::receiveLoop);
  }

  /** Sends an INVITE offering PCMU on {@code rtpPort}; the dialog's futures tell how it went. */
  SipDialog invite(String callerNumber, String calledNumber, int rtpPort) {
    long id = ids.incrementAndGet();
    String serverHost = server.getAddress().getHostAddress();
    SipDialog d = new SipDialog(
        id + "-" + instance + "@bench", "t" + id, callerNumber, calledNumber, rtpPort,
        "sip:" + calledNumber + "@" + serverHost + ":" + server.getPort(), branch());
    dialogs.put(d.callId, d);
    byte[] invite = request("INVITE", d.requestUri, d, 1, d.inviteBranch, sdpOffer(rtpPort, id)).getBytes(StandardCharsets.UTF_8);
    d.inviteRetransmitter = new Retransmitter(() -> send(invite), timers, d.answered, "INVITE " + d.callId);
    d.inviteSentNanos = System.nanoTime();
    d.inviteRetransmitter.start();
    return d;
  }

  /** Hangs up an answered call. */
  void bye(SipDialog d) {
    if (d.endedByServer || !d.answered.isDone() || d.answered.isCompletedExceptionally()) {
      d.hungUp.complete(0);
      return;
    }
    byte[] bye = request("BYE", d.remoteTarget, d, 2, branch(), "").getBytes(StandardCharsets.UTF_8);
    d.byeRetransmitter = new Retransmitter(() -> send(bye), timers, d.hungUp, "BYE " + d.callId);
    d.byeRetransmitter.start();
  }

  private String branch() {
    return "z9hG4bK" + instance + "." + ids.incrementAndGet();
  }

  private String request(String method, String uri, SipDialog d, int cseq, String branch, String sdp) {
    String remoteTag = d.remoteTag;
    StringBuilder m = new StringBuilder(512)
        .append(method).append(' ').append(uri).append(" SIP/2.0\r\n")
        .append("Via: SIP/2.0/UDP ").append(host).append(':').append(port).append(";branch=").append(branch).append(";rport\r\n")
        .append("Max-Forwards: 70\r\n")
        .append("From: <sip:").append(d.callerNumber).append('@').append(host).append(">;tag=").append(d.localTag).append("\r\n")
        .append("To: <").append(d.requestUri).append('>').append(remoteTag == null ? "" : ";tag=" + remoteTag).append("\r\n")
        .append("Call-ID: ").append(d.callId).append("\r\n")
        .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
        .append("Contact: <sip:bench@").append(host).append(':').append(port).append(">\r\n")
        .append("User-Agent: switchboard-bench\r\n");
    if (!sdp.isEmpty()) {
      m.append("Content-Type: application/sdp\r\n");
    }
    return m.append("Content-Length: ").append(sdp.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(sdp).toString();
  }

  private String sdpOffer(int rtpPort, long id) {
    return "v=0\r\no=bench " + id + " 1 IN IP4 " + host + "\r\ns=bench\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
        + "m=audio " + rtpPort + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
  }

  private void send(byte[] message) {
    try {
      channel.send(ByteBuffer.wrap(message), server);
    } catch (IOException e) {
      if (running) {
        System.err.println("bench: SIP send failed: " + e);
      }
    }
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(65_536);
    while (running) {
      try {
        buffer.clear();
        channel.receive(buffer);
        buffer.flip();
        SipMessage message = SipMessage.parse(StandardCharsets.UTF_8.decode(buffer).toString());
        if (message.isResponse()) {
          onResponse(message);
        } else {
          onRequest(message);
        }
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException | RuntimeException e) {
        if (running) {
          System.err.println("bench: bad SIP message ignored: " + e);
        }
      }
    }
  }

  private void onResponse(SipMessage response) {
    SipDialog d = dialogs.get(response.header("call-id"));
    if (d == null) {
      return;
    }
    int status = response.status();
    switch (response.cseqMethod()) {
      case "INVITE" -> onInviteResponse(d, response, status);
      case "BYE" -> {
        if (status >= 200) {
          d.byeRetransmitter.stop();
          dialogs.remove(d.callId);
          d.hungUp.complete(status);
        }
      }
      default -> {}
    }
  }

  private void onInviteResponse(SipDialog d, SipMessage response, int status) {
    d.inviteRetransmitter.stop();
    if (status < 200) {
      if (status == 180 && d.ringingNanos == 0) {
        d.ringingNanos = System.nanoTime();
      }
      return;
    }
    if (status >= 300) {
      d.remoteTag = response.toTag();
      send(request("ACK", d.requestUri, d, 1, d.inviteBranch, "").getBytes(StandardCharsets.UTF_8));
      dialogs.remove(d.callId);
      d.answered.completeExceptionally(new IllegalStateException("INVITE answered " + response.startLine()));
      return;
    }
    if (!d.answered.isDone()) {
      d.answeredNanos = System.nanoTime();
      d.remoteTag = response.toTag();
      d.remoteTarget = response.contactUri();
    }
    // ACK every 2xx, also the server's retransmissions of it (RFC 3261 §13.2.2.4).
    send(request("ACK", d.remoteTarget, d, 1, branch(), "").getBytes(StandardCharsets.UTF_8));
    InetSocketAddress media = response.sdpAudio();
    if (media == null) {
      d.answered.completeExceptionally(new IllegalStateException("200 OK without an SDP answer"));
    } else {
      d.answered.complete(media);
    }
  }

  private void onRequest(SipMessage request) {
    String method = request.method();
    if (method.equals("ACK")) {
      return;
    }
    SipDialog d = dialogs.get(request.header("call-id"));
    if (method.equals("BYE") && d != null) {
      d.endedByServer = true;
      dialogs.remove(d.callId);
    }
    StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String via : request.all("via")) {
      ok.append("Via: ").append(via).append("\r\n");
    }
    ok.append("From: ").append(request.header("from")).append("\r\n")
        .append("To: ").append(request.header("to")).append("\r\n")
        .append("Call-ID: ").append(request.header("call-id")).append("\r\n")
        .append("CSeq: ").append(request.header("cseq")).append("\r\n")
        .append("Content-Length: 0\r\n\r\n");
    send(ok.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    running = false;
    channel.close();
    try {
      receiver.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
