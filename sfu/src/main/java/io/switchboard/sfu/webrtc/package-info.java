/**
 * LiveKit's two peer connections over {@link io.switchboard.sfu.transport.WebRtcTransport}: SDP
 * parsing and writing ({@link io.switchboard.sfu.webrtc.Sdp}, {@link
 * io.switchboard.sfu.webrtc.PublisherAnswer}, {@link io.switchboard.sfu.webrtc.SubscriberOffer}),
 * and the media paths: {@link io.switchboard.sfu.webrtc.OpusIngress} takes a client's Opus (forwarded
 * as it is, and decoded once for the room), {@link io.switchboard.sfu.webrtc.PcmTrackEncoder} encodes
 * a phone track once, {@link io.switchboard.sfu.webrtc.TrackFanout} and {@link
 * io.switchboard.sfu.webrtc.DownTrack} deliver either to every subscriber with its own SSRC.
 * Video ({@link io.switchboard.sfu.webrtc.VideoCodec}: VP8, H.264) comes in through a {@link
 * io.switchboard.sfu.webrtc.VideoIngress} (RR, REMB, PLI and NACK to the publisher) and goes out
 * the same way, each down track starting at a keyframe, NACKs answered from the fan-out's {@link
 * io.switchboard.sfu.webrtc.PacketCache} ({@link io.switchboard.sfu.webrtc.RtcpFeedback}).
 */
package io.switchboard.sfu.webrtc;
