package io.switchboard.bench.load;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** One outgoing call's SIP state, as the UAC sees it. Timestamps are System.nanoTime. */
final class SipDialog {
  final String callId;
  final String localTag;
  final String callerNumber;
  final String calledNumber;
  final int rtpPort;
  final String requestUri;
  final String inviteBranch;
  /** Completes with the server's RTP address from the SDP answer, or fails with the final status. */
  final CompletableFuture<InetSocketAddress> answered = new CompletableFuture<>();
  /** Completes with the final status of our BYE. */
  final CompletableFuture<Integer> hungUp = new CompletableFuture<>();
  volatile String remoteTag;
  volatile String remoteTarget;
  volatile long inviteSentNanos;
  volatile long ringingNanos;
  volatile long answeredNanos;
  volatile boolean endedByServer;
  volatile Retransmitter inviteRetransmitter;
  volatile Retransmitter byeRetransmitter;

  SipDialog(String callId, String localTag, String callerNumber, String calledNumber, int rtpPort,
      String requestUri, String inviteBranch) {
    this.callId = callId;
    this.localTag = localTag;
    this.callerNumber = callerNumber;
    this.calledNumber = calledNumber;
    this.rtpPort = rtpPort;
    this.requestUri = requestUri;
    this.inviteBranch = inviteBranch;
  }
}
