package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codec choice from real offers and keyframe starts (RFC 7741, RFC 6184). */
class VideoCodecTest {
  private static byte[] rtp(int... payload) {
    byte[] p = new byte[12 + payload.length];
    p[0] = (byte) 0x80;
    for (int i = 0; i < payload.length; i++) {
      p[12 + i] = (byte) payload[i];
    }
    return p;
  }

  private static boolean keyframe(VideoCodec codec, int... payload) {
    byte[] p = rtp(payload);
    return codec.startsKeyframe(p, 0, p.length);
  }

  @Test
  void vp8KeyframeIsTheFirstPartitionStartWithPClear() {
    assertTrue(keyframe(VideoCodec.VP8, 0x10, 0x10, 0x02, 0x00), "S=1, PID=0, no extensions, P=0");
    assertTrue(keyframe(VideoCodec.VP8, 0x90, 0xE0, 0x81, 0x23, 0x05, 0x40, 0x10),
        "X with I (15-bit picture id), L (TL0PICIDX) and T (TID byte)");
    assertFalse(keyframe(VideoCodec.VP8, 0x10, 0x11), "P=1: an interframe");
    assertFalse(keyframe(VideoCodec.VP8, 0x00, 0x10), "S=0: a continuation");
  }

  @Test
  void h264KeyframeIsAnSpsOrIdrStart() {
    // STAP-A (24) carrying an SPS (0x67) and a PPS (0x68), as Chrome sends before an IDR.
    assertTrue(keyframe(VideoCodec.H264, 0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xCE));
    assertTrue(keyframe(VideoCodec.H264, 0x7C, 0x85, 0x00), "FU-A start of an IDR slice");
    assertFalse(keyframe(VideoCodec.H264, 0x7C, 0x05, 0x00), "FU-A middle of an IDR slice");
    assertFalse(keyframe(VideoCodec.H264, 0x41, 0x9A), "a non-IDR slice");
    assertTrue(keyframe(VideoCodec.H264, 0x65, 0x88), "a single IDR NAL unit");
  }

  @Test
  void choosesTheOffersFirstForwardableCodecOrTheOneTheTrackAskedFor() throws Exception {
    Sdp.Media video = Sdp.parse(TestTransports.rtcNodeOffer()).media().stream()
        .filter(m -> m.kind().equals("video")).findFirst().orElseThrow();
    assertEquals(new VideoCodec.Offered(VideoCodec.VP8, 96), VideoCodec.choose(video).orElseThrow());
    assertEquals(new VideoCodec.Offered(VideoCodec.H264, 109),
        VideoCodec.choose(video, Optional.of(VideoCodec.H264)).orElseThrow(),
        "42001f (103) and packetization-mode=0 (107) are passed over for 42e01f mode 1");
    assertEquals(Optional.of(VideoCodec.H264), VideoCodec.named("h264"));
    assertEquals(Optional.empty(), VideoCodec.named("vp9"));
  }
}
