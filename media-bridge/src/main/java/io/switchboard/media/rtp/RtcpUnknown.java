package io.switchboard.media.rtp;

/** An RTCP packet type this stack does not interpret (APP, XR, feedback...), kept for counters. */
public record RtcpUnknown(int packetType, int count, int lengthBytes) implements RtcpPacket {}
