package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;
import io.switchboard.sfu.transport.dtls.DtlsFingerprint;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixed transport descriptions and recorded SDP for the offer/answer tests. */
final class TestTransports {
  static final DtlsFingerprint FINGERPRINT =
      DtlsFingerprint.parse(
          "sha-256 98:22:10:14:5D:1B:37:72:79:9A:F6:9C:86:2C:05:B3:7C:B8:58:8D:76:BC:75:22:B5:C4:C0:29:2E:20:D0:77");
  static final IceCandidate HOST = IceCandidate.parse("candidate:1 1 udp 2130706431 192.0.2.10 42106 typ host");

  private TestTransports() {}

  static TransportDescription ours(DtlsSetup setup) {
    return new TransportDescription(
        new IceParameters("j2231k7u", "h2aj2futv6qi5p0odkuaok4h0"), List.of(HOST), FINGERPRINT, setup);
  }

  /** The publisher offer @livekit/rtc-node 1.1.0 sent after publishing one audio track. */
  static String rtcNodeOffer() throws IOException {
    try (InputStream in = TestTransports.class.getResourceAsStream("rtc-node-1.1.0-publisher-offer.sdp")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
