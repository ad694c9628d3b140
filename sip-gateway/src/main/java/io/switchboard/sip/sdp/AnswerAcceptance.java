package io.switchboard.sip.sdp;

/** What reading the peer's answer to our offer produced. */
public sealed interface AnswerAcceptance {
  record Accepted(NegotiatedAudio audio) implements AnswerAcceptance {}

  record NotAcceptable(String reason) implements AnswerAcceptance {}
}
