package io.switchboard.sip.sdp;

/** What answering an offer produced: an answer to send, or a reason the call maps to 488. */
public sealed interface AnswerResult {
  record Answered(SessionDescription answer, NegotiatedAudio audio) implements AnswerResult {}

  record NotAcceptable(String reason) implements AnswerResult {}
}
