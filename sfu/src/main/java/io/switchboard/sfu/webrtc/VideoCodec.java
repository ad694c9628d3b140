package io.switchboard.sfu.webrtc;

import java.util.Locale;
import java.util.Optional;

/**
 * The video codecs forwarded: VP8 (RFC 7741) and H.264 constrained baseline 3.1 in
 * non-interleaved mode (RFC 6184, packetization-mode=1, profile-level-id=42e01f). Each has the
 * payload type our subscriber offers use, and knows where a keyframe starts in its payload.
 */
public enum VideoCodec {
  VP8("video/VP8", "VP8/90000", 96, ""),
  H264("video/H264", "H264/90000", 102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");

  /** RTP clock rate of every video codec (RFC 7741 §6.1, RFC 6184 §8.1). */
  public static final int CLOCK_RATE = 90_000;

  private final String mime;
  private final String rtpmap;
  private final int payloadType;
  private final String fmtp;

  VideoCodec(String mime, String rtpmap, int payloadType, String fmtp) {
    this.mime = mime;
    this.rtpmap = rtpmap;
    this.payloadType = payloadType;
    this.fmtp = fmtp;
  }

  /** LiveKit's mime type, as in JoinResponse enabled_publish_codecs. */
  public String mime() {
    return mime;
  }

  /** The rtpmap encoding name, clock rate included. */
  public String rtpmap() {
    return rtpmap;
  }

  /** Payload type in our subscriber offers. */
  public int payloadType() {
    return payloadType;
  }

  /** fmtp parameters we require and answer with ("" for none). */
  public String fmtp() {
    return fmtp;
  }

  /** A codec of an offered section and the payload type the client gave it. */
  public record Offered(VideoCodec codec, int payloadType) {}

  /**
   * The codec LiveKit's AddTrackRequest names ({@code simulcast_codecs[].codec}: "vp8", "h264"),
   * if it is one we forward.
   */
  public static Optional<VideoCodec> named(String name) {
    for (VideoCodec c : values()) {
      if (c.name().equalsIgnoreCase(name) || c.mime.equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** {@code preferred} if the section offers it in a form we forward, else {@link #choose(Sdp.Media)}. */
  public static Optional<Offered> choose(Sdp.Media m, Optional<VideoCodec> preferred) {
    if (preferred.isPresent()) {
      for (String format : m.formats()) {
        Optional<Offered> one = accept(m, format);
        if (one.isPresent() && one.get().codec() == preferred.get()) {
          return one;
        }
      }
    }
    return choose(m);
  }

  /**
   * The first codec in the section's preference order ({@code m=} format list) that we forward:
   * VP8, or H.264 whose fmtp has packetization-mode=1 and profile-level-id=42e01f.
   */
  public static Optional<Offered> choose(Sdp.Media m) {
    for (String format : m.formats()) {
      Optional<Offered> one = accept(m, format);
      if (one.isPresent()) {
        return one;
      }
    }
    return Optional.empty();
  }

  private static Optional<Offered> accept(Sdp.Media m, String format) {
    String prefix = format + " ";
    String name = m.attributes("rtpmap").stream().filter(r -> r.startsWith(prefix))
        .map(r -> r.substring(prefix.length()).toUpperCase(Locale.ROOT)).findFirst().orElse("");
    String params = m.attributes("fmtp").stream().filter(r -> r.startsWith(prefix))
        .map(r -> r.substring(prefix.length()).toLowerCase(Locale.ROOT)).findFirst().orElse("");
    if (name.equals("VP8/90000")) {
      return Optional.of(new Offered(VP8, Integer.parseInt(format)));
    }
    if (name.equals("H264/90000")
        && params.contains("packetization-mode=1")
        && params.contains("profile-level-id=42e01f")) {
      return Optional.of(new Offered(H264, Integer.parseInt(format)));
    }
    return Optional.empty();
  }

  /**
   * Whether this RTP packet begins a keyframe: VP8's first partition with the P bit clear
   * (RFC 7741 §4.2-4.3), or an H.264 SPS or IDR slice start, alone, in a STAP-A or a FU-A
   * (RFC 6184 §5.7.1, §5.8).
   */
  public boolean startsKeyframe(byte[] buf, int off, int len) {
    int p = payloadOffset(buf, off, len);
    int end = off + len;
    if (p < 0 || p >= end) {
      return false;
    }
    return switch (this) {
      case VP8 -> vp8Keyframe(buf, p, end);
      case H264 -> h264Keyframe(buf, p, end);
    };
  }

  /** Offset of the RTP payload (after CSRCs and the header extension), or -1 if truncated. */
  static int payloadOffset(byte[] buf, int off, int len) {
    if (len < 12) {
      return -1;
    }
    int p = off + 12 + 4 * (buf[off] & 0x0F);
    if ((buf[off] & 0x10) != 0) {
      if (p + 4 > off + len) {
        return -1;
      }
      p += 4 + 4 * RtpFields.u16(buf, p + 2);
    }
    return p <= off + len ? p : -1;
  }

  private static boolean vp8Keyframe(byte[] b, int p, int end) {
    int first = b[p] & 0xFF;
    boolean start = (first & 0x10) != 0 && (first & 0x07) == 0;
    if (!start) {
      return false;
    }
    int q = p + 1;
    if ((first & 0x80) != 0) {
      if (q >= end) {
        return false;
      }
      int x = b[q++] & 0xFF;
      if ((x & 0x80) != 0) {
        q += (q < end && (b[q] & 0x80) != 0) ? 2 : 1; // picture id, 7 or 15 bits
      }
      if ((x & 0x40) != 0) {
        q++; // TL0PICIDX
      }
      if ((x & 0x30) != 0) {
        q++; // TID/Y/KEYIDX
      }
    }
    return q < end && (b[q] & 0x01) == 0;
  }

  private static boolean h264Keyframe(byte[] b, int p, int end) {
    int type = b[p] & 0x1F;
    if (type == 24) { // STAP-A: 16-bit size, NAL unit, repeated
      for (int q = p + 1; q + 2 < end; q += 2 + RtpFields.u16(b, q)) {
        int t = b[q + 2] & 0x1F;
        if (t == 7 || t == 5) {
          return true;
        }
      }
      return false;
    }
    if (type == 28) { // FU-A: start bit and the original NAL type in the FU header
      return p + 1 < end && (b[p + 1] & 0x80) != 0 && ((b[p + 1] & 0x1F) == 5 || (b[p + 1] & 0x1F) == 7);
    }
    return type == 7 || type == 5;
  }
}
