package io.switchboard.sip.outbound;

import io.switchboard.sip.sdp.AnswerAcceptance;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.OfferAnswer;
import io.switchboard.sip.sdp.SdpParseException;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.sdp.SessionDescription;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The far end's SDP answer (in a 183 or the 2xx) to our offer, read and checked (RFC 3264 §6). */
final class SdpAnswers {
  private static final Logger log = LoggerFactory.getLogger(SdpAnswers.class);

  private SdpAnswers() {}

  /** The audio it settles on; empty (and logged) when it is malformed or matches nothing we offered. */
  static Optional<NegotiatedAudio> accept(SdpParser parser, SessionDescription offer, String body, String callId) {
    try {
      SessionDescription answer = parser.parse(body);
      return switch (OfferAnswer.acceptAnswer(offer, answer)) {
        case AnswerAcceptance.Accepted accepted -> Optional.of(accepted.audio());
        case AnswerAcceptance.NotAcceptable refused -> {
          log.warn("call_id={} unusable SDP answer: {}", callId, refused.reason());
          yield Optional.empty();
        }
      };
    } catch (SdpParseException e) {
      log.warn("call_id={} malformed SDP answer: {}", callId, e.getMessage());
      return Optional.empty();
    }
  }
}
