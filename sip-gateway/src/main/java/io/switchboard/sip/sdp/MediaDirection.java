package io.switchboard.sip.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The stream direction attribute of RFC 3264 §5.1, from the point of view of its sender. */
public enum MediaDirection {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  /** The direction an answerer uses for this offered direction (RFC 3264 §6.1). */
  public MediaDirection answer() {
    return switch (this) {
      case SENDRECV -> SENDRECV;
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      case INACTIVE -> INACTIVE;
    };
  }

  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** The same direction with receiving switched off: what a 0.0.0.0 connection address means. */
  public MediaDirection withoutReceiving() {
    return switch (this) {
      case SENDRECV, SENDONLY -> SENDONLY;
      case RECVONLY, INACTIVE -> INACTIVE;
    };
  }

  public String attributeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The direction named by the last direction attribute in {@code attributes}, if any. */
  public static Optional<MediaDirection> fromAttributes(List<SdpAttribute> attributes) {
    MediaDirection found = null;
    for (SdpAttribute attribute : attributes) {
      if (attribute.value() == null) {
        for (MediaDirection direction : values()) {
          if (direction.attributeName().equalsIgnoreCase(attribute.name())) {
            found = direction;
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
