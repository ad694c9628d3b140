package io.switchboard.sip.carrier;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A carrier's own error code for a failed call, read from a proprietary header; today Twilio's
 * {@code X-Twilio-Error: <code> <text>}, e.g. {@code 32203 Call blocked as potential fraud} behind a
 * generic 603 (Twilio's error dictionary, twilio.com/docs/api/errors).
 *
 * @param carrier who reported it, lower case ({@code twilio})
 * @param code the carrier's number for the error
 * @param text the rest of the header, possibly empty
 */
public record CarrierError(String carrier, int code, String text) {
  static final String TWILIO_HEADER = "X-Twilio-Error";
  /**
   * Twilio codes for calls blocked for good (fraud or regulatory), as LiveKit SIP lists them
   * (pkg/sip/errors.go): re-dialling the number will not help, so callers may want to suppress it.
   */
  private static final Set<Integer> TWILIO_PERMANENT_BLOCKS = Set.of(32203);

  public CarrierError {
    Objects.requireNonNull(carrier, "carrier");
    text = text == null ? "" : text;
  }

  /** Twilio's header value; empty when it does not start with a numeric code. */
  static Optional<CarrierError> twilio(String headerValue) {
    String value = headerValue.strip();
    int space = value.indexOf(' ');
    String code = space < 0 ? value : value.substring(0, space);
    try {
      return Optional.of(new CarrierError("twilio", Integer.parseInt(code), space < 0 ? "" : value.substring(space + 1).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True for a permanent block (fraud, regulatory), not an ordinary decline. */
  public boolean permanentBlock() {
    return carrier.equals("twilio") && TWILIO_PERMANENT_BLOCKS.contains(code);
  }

  /** {@code twilio error 32203: Call blocked as potential fraud}. */
  public String describe() {
    return carrier + " error " + code + (text.isEmpty() ? "" : ": " + text);
  }
}
