package io.switchboard.sfu.transport.dtls;

import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The use_srtp extension (RFC 5764 §4.1) from both sides of the handshake. */
final class SrtpProfiles {
  private SrtpProfiles() {}

  static UseSRTPData offer(List<SrtpProfile> ours) {
    return new UseSRTPData(ours.stream().mapToInt(SrtpProfile::id).toArray(), TlsUtils.EMPTY_BYTES);
  }

  static UseSRTPData answer(SrtpProfile chosen) {
    return new UseSRTPData(new int[] {chosen.id()}, TlsUtils.EMPTY_BYTES);
  }

  /** Server side: our most preferred profile that the client offered. */
  static SrtpProfile choose(List<SrtpProfile> ours, Hashtable<?, ?> clientExtensions)
      throws IOException {
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered == null) {
      throw new TlsFatalAlert(
          AlertDescription.handshake_failure, "the client did not offer use_srtp");
    }
    for (SrtpProfile p : ours) {
      for (int id : offered.getProtectionProfiles()) {
        if (id == p.id()) {
          return p;
        }
      }
    }
    throw new TlsFatalAlert(
        AlertDescription.handshake_failure,
        "no common SRTP profile: ours "
            + ours
            + ", client offered "
            + java.util.Arrays.toString(offered.getProtectionProfiles()));
  }

  /** Client side: the one profile the server selected, which must be one we offered. */
  static SrtpProfile selected(List<SrtpProfile> ours, Hashtable<?, ?> serverExtensions)
      throws IOException {
    UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (answer == null) {
      throw new TlsFatalAlert(
          AlertDescription.handshake_failure, "the server did not answer use_srtp");
    }
    int[] ids = answer.getProtectionProfiles();
    if (ids.length != 1) {
      throw new TlsFatalAlert(
          AlertDescription.illegal_parameter,
          "the server selected " + ids.length + " SRTP profiles");
    }
    return ours.stream()
        .filter(p -> p.id() == ids[0])
        .findFirst()
        .orElseThrow(
            () ->
                new TlsFatalAlert(
                    AlertDescription.illegal_parameter,
                    "the server selected SRTP profile " + ids[0] + " which we did not offer"));
  }
}
