package io.switchboard.sfu.transport;

/**
 * Packet counts of one transport since it opened.
 *
 * @param rtpReceived RTP packets that authenticated and were delivered
 * @param rtcpReceived RTCP packets that authenticated and were delivered
 * @param srtpRejected received packets that failed SRTP (authentication, replay, malformed)
 * @param droppedBeforeKeys media that arrived before the DTLS handshake finished
 * @param unknownDropped datagrams of no protocol we speak (RFC 7983)
 * @param sent protected packets handed to ICE
 * @param sendFailures packets that could not be protected or sent
 */
public record TransportStats(
    long rtpReceived,
    long rtcpReceived,
    long srtpRejected,
    long droppedBeforeKeys,
    long unknownDropped,
    long sent,
    long sendFailures) {}
