package io.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One media section: the {@code m=} line with its own {@code c=}, {@code b=} and {@code a=}
 * lines (RFC 8866 §5.14).
 *
 * @param portCount the {@code /<number of ports>} suffix; 1 when absent
 * @param connection the media-level {@code c=} line, or null to use the session's
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String protocol,
    List<String> formats,
    SdpConnection connection,
    List<String> bandwidths,
    List<SdpAttribute> attributes) {

  public MediaDescription {
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(protocol, "protocol");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("media port out of range: " + port);
    }
    if (portCount < 1) {
      throw new IllegalArgumentException("port count must be positive: " + portCount);
    }
    formats = List.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("media description has no formats");
    }
    bandwidths = List.copyOf(bandwidths);
    attributes = List.copyOf(attributes);
  }

  public boolean isAudio() {
    return media.equalsIgnoreCase("audio");
  }

  /** A stream with port 0 is rejected or disabled (RFC 3264 §5.1, §6). */
  public boolean isDisabled() {
    return port == 0;
  }

  /** The value of the first attribute with this name (case-insensitive), if present. */
  public Optional<String> attribute(String name) {
    for (SdpAttribute attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(name)) {
        return Optional.ofNullable(attribute.value()).or(() -> Optional.of(""));
      }
    }
    return Optional.empty();
  }

  /** Values of every attribute with this name, in order. */
  public List<String> attributeValues(String name) {
    List<String> values = new ArrayList<>();
    for (SdpAttribute attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(name) && attribute.value() != null) {
        values.add(attribute.value());
      }
    }
    return values;
  }

  /** The rtpmap entry for a payload type, if one is declared. */
  public Optional<RtpMap> rtpMap(int payloadType) {
    for (String value : attributeValues("rtpmap")) {
      Optional<RtpMap> map = RtpMap.parse(value);
      if (map.isPresent() && map.get().payloadType() == payloadType) {
        return map;
      }
    }
    return Optional.empty();
  }

  /** The fmtp parameters for a payload type, if declared ({@code a=fmtp:101 0-16} gives "0-16"). */
  public Optional<String> fmtp(int payloadType) {
    String prefix = payloadType + " ";
    for (String value : attributeValues("fmtp")) {
      if (value.startsWith(prefix)) {
        return Optional.of(value.substring(prefix.length()).trim());
      }
    }
    return Optional.empty();
  }

  /** This section with another port and set of formats and attributes. */
  public MediaDescription with(int newPort, List<String> newFormats, List<SdpAttribute> newAttributes) {
    return new MediaDescription(
        media, newPort, portCount, protocol, newFormats, connection, bandwidths, newAttributes);
  }
}
