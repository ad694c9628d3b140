package io.switchboard.sip.carrier;

import java.util.Locale;
import java.util.Optional;

/**
 * A trunk rate limit the carrier says the call hit. Twilio reports these as a 5xx whose reason
 * phrase or body reads e.g. {@code Trunk CPS limit exceeded. Region: us1}; LiveKit SIP matches the
 * same two phrases (pkg/sip/errors.go). Matching text is brittle, so only these phrases count.
 */
public enum CarrierLimit {
  /** Calls per second on the trunk. */
  CALLS_PER_SECOND("cps", "cps limit exceeded"),
  /** Concurrent calls on the trunk. */
  CONCURRENT_CALLS("concurrent_calls", "concurrent call limit exceeded");

  private final String key;
  private final String phrase;

  CarrierLimit(String key, String phrase) {
    this.key = key;
    this.phrase = phrase;
  }

  /** The value of {@code meta.carrier_limit} and {@code sip.carrierLimit}: {@code cps} or {@code concurrent_calls}. */
  public String key() {
    return key;
  }

  /** The first limit any of these texts names, case-insensitively. */
  static Optional<CarrierLimit> named(String... texts) {
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (CarrierLimit limit : values()) {
        if (lower.contains(limit.phrase)) {
          return Optional.of(limit);
        }
      }
    }
    return Optional.empty();
  }
}
