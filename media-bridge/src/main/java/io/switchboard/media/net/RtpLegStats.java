package io.switchboard.media.net;

import io.switchboard.media.jitter.JitterStats;
import io.switchboard.media.rtp.RtcpReportBlock;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A snapshot of an {@link RtpLeg}'s counters.
 *
 * @param packetsSent RTP packets sent (audio and telephone events)
 * @param octetsSent RTP payload octets sent
 * @param packetsReceived RTP packets accepted from the remote
 * @param octetsReceived RTP payload octets accepted
 * @param droppedUnknownSource RTP and RTCP datagrams dropped because they came from another
 *     address than the learned (or signalled) one
 * @param droppedMalformed datagrams on the RTP port that failed RTP validation
 * @param droppedUnknownPayloadType RTP packets with a payload type not negotiated
 * @param dtmfReceived digits received
 * @param dtmfSent digits fully sent
 * @param rtcpSent RTCP compound packets sent
 * @param rtcpReceived RTCP compound packets accepted
 * @param sendErrors sends the socket refused
 * @param lockedSource the address media is locked to, once learned
 * @param receivedLost packets lost from the remote so far (RFC 3550 §A.3)
 * @param receivedJitterMillis interarrival jitter of the remote's stream (§A.8)
 * @param jitterBuffer the jitter buffer's own counters
 * @param remoteReport what the remote last reported about our stream, if anything
 */
public record RtpLegStats(
    long packetsSent,
    long octetsSent,
    long packetsReceived,
    long octetsReceived,
    long droppedUnknownSource,
    long droppedMalformed,
    long droppedUnknownPayloadType,
    long dtmfReceived,
    long dtmfSent,
    long rtcpSent,
    long rtcpReceived,
    long sendErrors,
    Optional<InetSocketAddress> lockedSource,
    long receivedLost,
    double receivedJitterMillis,
    JitterStats jitterBuffer,
    Optional<RtcpReportBlock> remoteReport) {}
