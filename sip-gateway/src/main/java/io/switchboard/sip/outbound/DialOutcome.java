package io.switchboard.sip.outbound;

/** How dialing ended: answered, or not (with the SIP status that decided it). */
public sealed interface DialOutcome {
  record Answered() implements DialOutcome {}

  record Failed(OutboundEnd end) implements DialOutcome {}
}
