package io.switchboard.sip.carrier;

import io.switchboard.sip.transport.SipHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a carrier said about a refused INVITE besides its status line.
 *
 * @param error the carrier's own code (X-Twilio-Error), when it sent one
 * @param reason the RFC 3326 Reason value to report: the Q.850 one when there are several (it is
 *     the cause a PSTN carrier set), else the first
 * @param limit the trunk rate limit the response names, if any
 */
public record CarrierFailure(Optional<CarrierError> error, Optional<ReasonHeader> reason, Optional<CarrierLimit> limit) {
  public static final CarrierFailure NONE = new CarrierFailure(Optional.empty(), Optional.empty(), Optional.empty());

  public CarrierFailure {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(limit, "limit");
  }

  /** Reads a final failure response: its reason phrase, headers and body. */
  public static CarrierFailure of(String reasonPhrase, SipHeaders headers, String body) {
    Optional<CarrierError> error = headers.first(CarrierError.TWILIO_HEADER).flatMap(CarrierError::twilio);
    List<ReasonHeader> reasons = ReasonHeader.parse(headers.values("Reason"));
    Optional<ReasonHeader> reason = reasons.stream().filter(r -> r.protocol().equalsIgnoreCase("Q.850")).findFirst()
        .or(() -> reasons.stream().findFirst());
    List<String> texts = new ArrayList<>(List.of(reasonPhrase == null ? "" : reasonPhrase, body));
    error.ifPresent(e -> texts.add(e.text()));
    reasons.forEach(r -> texts.add(r.text()));
    return new CarrierFailure(error, reason, CarrierLimit.named(texts.toArray(String[]::new)));
  }

  public boolean isEmpty() {
    return error.isEmpty() && reason.isEmpty() && limit.isEmpty();
  }

  /** True when the carrier blocked the number for good (Twilio 32203), not an ordinary decline. */
  public boolean permanentBlock() {
    return error.map(CarrierError::permanentBlock).orElse(false);
  }

  /**
   * One line for an error message, e.g. {@code carrier block, twilio error 32203: Call blocked as
   * potential fraud; Q.850 cause 21: Call rejected}; empty when the carrier said nothing more.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    error.ifPresent(e -> parts.add((e.permanentBlock() ? "carrier block, " : "") + e.describe()));
    reason.ifPresent(r -> parts.add(r.describe()));
    limit.ifPresent(l -> parts.add("trunk rate limit: " + l.key()));
    return String.join("; ", parts);
  }

  /**
   * Twirp error meta (LiveKit defines none for this; these are ours): {@code carrier},
   * {@code carrier_error_code}, {@code carrier_error}, {@code carrier_blocked}, {@code reason_protocol},
   * {@code reason_cause}, {@code reason_text}, {@code carrier_limit}; only those that apply.
   */
  public Map<String, String> meta() {
    return fields("carrier", "carrier_error_code", "carrier_error", "carrier_blocked", "reason_protocol",
        "reason_cause", "reason_text", "carrier_limit");
  }

  /**
   * The same as participant attributes, named like {@code sip.sipStatusCode}: {@code sip.carrier},
   * {@code sip.carrierErrorCode}, {@code sip.carrierError}, {@code sip.carrierBlocked},
   * {@code sip.reasonProtocol}, {@code sip.reasonCause}, {@code sip.reasonText}, {@code sip.carrierLimit}.
   */
  public Map<String, String> attributes() {
    return fields("sip.carrier", "sip.carrierErrorCode", "sip.carrierError", "sip.carrierBlocked",
        "sip.reasonProtocol", "sip.reasonCause", "sip.reasonText", "sip.carrierLimit");
  }

  private Map<String, String> fields(String carrier, String code, String text, String blocked, String protocol,
      String cause, String reasonText, String limitKey) {
    Map<String, String> out = new LinkedHashMap<>();
    error.ifPresent(e -> {
      out.put(carrier, e.carrier());
      out.put(code, Integer.toString(e.code()));
      if (!e.text().isEmpty()) {
        out.put(text, e.text());
      }
      if (e.permanentBlock()) {
        out.put(blocked, "true");
      }
    });
    reason.ifPresent(r -> {
      out.put(protocol, r.protocol());
      r.cause().ifPresent(c -> out.put(cause, Integer.toString(c)));
      if (!r.text().isEmpty()) {
        out.put(reasonText, r.text());
      }
    });
    limit.ifPresent(l -> out.put(limitKey, l.key()));
    return out;
  }
}
