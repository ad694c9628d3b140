/**
 * RTP legs over UDP: {@link io.switchboard.media.net.RtpLeg} (one call's RTP/RTCP, symmetric
 * RTP with strict source learning, DTMF, RTCP reports, media timeout) and the even-port
 * {@link io.switchboard.media.net.RtpPortAllocator}.
 */
package io.switchboard.media.net;
