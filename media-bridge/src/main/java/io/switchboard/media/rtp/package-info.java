/**
 * RTP and RTCP wire formats (RFC 3550): an allocation-free RTP header view and writer, RTCP
 * SR/RR/SDES/BYE records with their parser and writer, and per-source reception statistics.
 * No sockets, no threads.
 */
package io.switchboard.media.rtp;
