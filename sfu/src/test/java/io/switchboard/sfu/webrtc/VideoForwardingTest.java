package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One VP8 track from a publisher's {@link VideoIngress} through its {@link TrackFanout} to a
 * subscriber's {@link DownTrack}: the subscriber starts at a keyframe (a PLI goes upstream until
 * one comes), and its NACKs are answered from the track's packet cache.
 */
class VideoForwardingTest {
  private static final int PUBLISHER_PT = 98;
  private static final int SOURCE_SSRC = 0x5EED0001;
  private static final int DOWN_SSRC = 0x0BADCAFE;
  /** VP8 descriptor (RFC 7741 §4.2): X, S, 15-bit picture id 0x0123, then the payload header. */
  private static final byte[] KEYFRAME = {(byte) 0x90, (byte) 0x80, (byte) 0x81, 0x23, 0x10, 0x02, 0x00, (byte) 0x9D};
  private static final byte[] DELTA = {(byte) 0x90, (byte) 0x80, (byte) 0x81, 0x24, 0x11, 0x02, 0x00};

  private final List<byte[]> toSubscriber = new ArrayList<>();
  private final List<byte[]> toPublisher = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final TrackFanout fanout = TrackFanout.video(64);
  private final VideoIngress ingress =
      new VideoIngress(VideoCodec.VP8, PUBLISHER_PT, fanout, capture(toPublisher), clock, 0x0000FEED);
  private final DownTrack down = new DownTrack(DOWN_SSRC, 0, capture(toSubscriber), (b, o, l) -> true, "PA_x", clock);

  private static RtpSender capture(List<byte[]> into) {
    return (buf, off, len) -> into.add(Arrays.copyOfRange(buf, off, off + len));
  }

  private static byte[] packet(int seq, int ts, byte[] payload) {
    byte[] p = new byte[12 + payload.length];
    p[0] = (byte) 0x80;
    p[1] = (byte) PUBLISHER_PT;
    RtpFields.putU16(p, 2, seq);
    RtpFields.putI32(p, 4, ts);
    RtpFields.putI32(p, 8, SOURCE_SSRC);
    System.arraycopy(payload, 0, p, 12, payload.length);
    return p;
  }

  private void publish(int seq, int ts, byte[] payload) {
    byte[] p = packet(seq, ts, payload);
    ingress.onRtp(p, 0, p.length);
  }

  /** The NACKs sent to the publisher, as "first seq/bitmask". */
  private List<String> nacks() {
    List<String> out = new ArrayList<>();
    for (byte[] rtcp : toPublisher) {
      RtcpFeedback.walk(rtcp, 0, rtcp.length, new RtcpFeedback.Handler() {
        @Override
        public void onNack(int mediaSsrc, int seq, int bitmask) {
          out.add(seq + "/" + Integer.toBinaryString(bitmask));
        }

        @Override
        public void onKeyframeRequest(int mediaSsrc) {}
      });
    }
    return out;
  }

  private List<Integer> plis() {
    List<Integer> mediaSsrcs = new ArrayList<>();
    for (byte[] rtcp : toPublisher) {
      RtcpFeedback.walk(rtcp, 0, rtcp.length, new RtcpFeedback.Handler() {
        @Override
        public void onNack(int mediaSsrc, int seq, int bitmask) {}

        @Override
        public void onKeyframeRequest(int mediaSsrc) {
          mediaSsrcs.add(mediaSsrc);
        }
      });
    }
    return mediaSsrcs;
  }

  @Test
  void aNewSubscriberGetsNothingBeforeAKeyframeAndThePublisherIsAskedForOne() {
    fanout.add(down);
    publish(1000, 90_000, DELTA);
    assertTrue(toSubscriber.isEmpty(), "a delta frame cannot be decoded by a new subscriber");
    assertEquals(List.of(SOURCE_SSRC), plis(), "RFC 4585 §6.3.1 PLI about the publisher's SSRC");

    publish(1001, 93_000, KEYFRAME);
    publish(1002, 96_000, DELTA);
    assertEquals(2, toSubscriber.size());
    byte[] first = toSubscriber.getFirst();
    assertEquals(DOWN_SSRC, RtpFields.i32(first, 8));
    assertEquals(VideoCodec.VP8.payloadType(), first[1] & 0x7F, "our offer's VP8 payload type");
    assertArrayEquals(KEYFRAME, Arrays.copyOfRange(first, 12, first.length), "the payload is forwarded as it is");
    assertEquals(1, RtpFields.u16(toSubscriber.get(1), 2) - RtpFields.u16(first, 2), "consecutive");
  }

  @Test
  void nackedPacketsAreResentFromTheCacheAsTheyWereSent() {
    fanout.add(down);
    for (int i = 0; i < 5; i++) {
      publish(2000 + i, 90_000 + 3000 * i, i == 0 ? KEYFRAME : DELTA);
    }
    int firstOut = RtpFields.u16(toSubscriber.getFirst(), 2);
    List<byte[]> original = List.copyOf(toSubscriber);
    toSubscriber.clear();

    down.onNack(firstOut + 1, 0b0000_0000_0000_0101); // RFC 4585 §6.2.1: +1, and +1+1, +1+3 by bitmask
    assertEquals(3, toSubscriber.size());
    assertArrayEquals(original.get(1), toSubscriber.get(0));
    assertArrayEquals(original.get(2), toSubscriber.get(1));
    assertArrayEquals(original.get(4), toSubscriber.get(2));
    assertEquals(3, down.retransmitted());

    toSubscriber.clear();
    down.onNack(firstOut + 100, 0);
    assertTrue(toSubscriber.isEmpty(), "a packet never cached is not invented");
  }

  @Test
  void subscriberPliReachesThePublisherAtMostOncePerInterval() {
    fanout.add(down);
    publish(1, 0, KEYFRAME);
    int before = plis().size();
    down.onKeyframeRequest();
    down.onKeyframeRequest();
    assertEquals(before + 1, plis().size(), "the fixed clock stays within " + VideoIngress.KEYFRAME_INTERVAL_MILLIS + " ms");
  }

  @Test
  void aGapFromThePublisherIsNackedAtOnce() {
    publish(65534, 0, KEYFRAME);
    publish(65535, 3000, DELTA);
    publish(2, 6000, DELTA); // 0 and 1 lost, across the wrap
    publish(1, 6000, DELTA); // a late one: nothing more to ask
    assertEquals(List.of("0/1"), nacks(), "RFC 4585 §6.2.1: PID 0, BLP bit 0 for 1");
  }

  @Test
  void aSecondSsrcIsIgnoredWhileTheFirstIsAlive() {
    fanout.add(down);
    publish(10, 0, KEYFRAME);
    byte[] other = packet(500, 0, KEYFRAME);
    RtpFields.putI32(other, 8, SOURCE_SSRC + 1);
    ingress.onRtp(other, 0, other.length);
    assertEquals(1, toSubscriber.size(), "two streams interleaved would corrupt the subscriber's decoder");
  }

  @Test
  void publisherHearsReceiverReportAndRemb() {
    publish(1, 0, KEYFRAME);
    byte[] feedback = toPublisher.getFirst();
    assertEquals(201, feedback[1] & 0xFF, "a compound starts with a receiver report (RFC 3550 §6.1)");
    assertEquals(SOURCE_SSRC, RtpFields.i32(feedback, 8), "its report block is about the publisher");
    int remb = 8 + 24;
    assertEquals(206, feedback[remb + 1] & 0xFF);
    assertEquals(15, feedback[remb] & 0x1F, "application layer feedback");
    assertEquals("REMB", new String(feedback, remb + 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(VideoIngress.REMB_BITS_PER_SECOND, RtcpFeedback.rembBitrate(feedback, remb));
    assertEquals(SOURCE_SSRC, RtpFields.i32(feedback, remb + 20));
  }
}
