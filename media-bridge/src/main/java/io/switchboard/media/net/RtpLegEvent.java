package io.switchboard.media.net;

import io.switchboard.media.dtmf.DtmfDigit;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Something an {@link RtpLeg} reports to its owner. */
public sealed interface RtpLegEvent {
  /** An RFC 4733 digit arrived (once per key press). */
  record DtmfReceived(DtmfDigit digit) implements RtpLegEvent {}

  /** Source learning finished: media is now only accepted from {@code source}. */
  record SourceLocked(InetSocketAddress source) implements RtpLegEvent {}

  /** No RTP arrived for {@code silentFor}; reported once until media flows again. */
  record MediaTimeout(Duration silentFor) implements RtpLegEvent {}

  /** The remote sent an RTCP BYE (RFC 3550 §6.6). */
  record RemoteBye(String reason) implements RtpLegEvent {}
}
