package io.switchboard.sfu.webhook;

/** What one POST attempt came to. */
sealed interface DeliveryOutcome {
  /** 2xx: the receiver has the event. */
  record Delivered(int status) implements DeliveryOutcome {}

  /** No answer, 429, or a 5xx other than 501: another attempt may succeed. */
  record Retryable(String why) implements DeliveryOutcome {}

  /** Any other status: the receiver refused the event, and would refuse it again. */
  record Refused(int status) implements DeliveryOutcome {}

  /** go-retryablehttp's DefaultRetryPolicy, which LiveKit's notifier uses. */
  static DeliveryOutcome ofStatus(int status) {
    if (status >= 200 && status < 300) {
      return new Delivered(status);
    }
    if (status == 429 || (status >= 500 && status != 501)) {
      return new Retryable("HTTP " + status);
    }
    return new Refused(status);
  }
}
