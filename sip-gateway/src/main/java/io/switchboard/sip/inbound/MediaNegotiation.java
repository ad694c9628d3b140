package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.AnswerAcceptance;
import io.switchboard.sip.sdp.AnswerResult;
import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.sdp.LocalSdp;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.OfferAnswer;
import io.switchboard.sip.sdp.SdesCrypto;
import io.switchboard.sip.sdp.SdpWriter;
import io.switchboard.sip.sdp.SessionDescription;
import io.switchboard.trunk.model.MediaEncryption;
import java.security.SecureRandom;

/**
 * One call's offer/answer state: the current audio, our last SDP and its o= version, and an
 * offer of ours still waiting for its answer (late offer). Only touched on the call's executor.
 */
final class MediaNegotiation {
  private final String sessionId;
  private CodecPolicy policy;
  private String address;
  private int port;
  private long version;
  private SessionDescription lastLocal;
  private SessionDescription pendingOffer;
  private NegotiatedAudio current;
  /** Our SDES key for the whole call (RFC 4568 §7.1.4 lets a re-offer keep it). */
  private final SdesCrypto srtpKey = SdesCrypto.generate(new SecureRandom());

  MediaNegotiation(String sessionId, CodecPolicy policy) {
    this.sessionId = sessionId;
    this.policy = policy;
  }

  /** Where our RTP is, once the media session is open; and the call's codec policy. */
  void bind(String localAddress, int localPort, CodecPolicy callPolicy) {
    this.address = localAddress;
    this.port = localPort;
    this.policy = callPolicy;
  }

  /** Answers a peer's offer, keeping the current codec when it is still offered. */
  AnswerResult answer(SessionDescription offer) {
    AnswerResult result = OfferAnswer.answer(offer, policy, current == null ? null : current.codec(), local(version + 1));
    if (result instanceof AnswerResult.Answered answered) {
      current = answered.audio();
      answered = new AnswerResult.Answered(remember(answered.answer()), answered.audio());
      return answered;
    }
    return result;
  }

  /** Checks an offer against a policy without touching state (before media is open). */
  static AnswerResult check(SessionDescription offer, CodecPolicy policy) {
    // The call's encryption policy is known only after dispatch; here only codecs and profiles count.
    return OfferAnswer.answer(offer, policy.withEncryption(MediaEncryption.ALLOW), null,
        new LocalSdp("0.0.0.0", 9, "0", 0, SdesCrypto.generate(new SecureRandom())));
  }

  /** Our offer (late offer or a late-offer re-INVITE); the answer is expected in the ACK. */
  SessionDescription offer() {
    pendingOffer = remember(OfferAnswer.offer(policy, MediaDirection.SENDRECV, local(version + 1)));
    return pendingOffer;
  }

  boolean awaitingAnswer() {
    return pendingOffer != null;
  }

  AnswerAcceptance acceptAnswer(SessionDescription answer) {
    SessionDescription offer = pendingOffer;
    pendingOffer = null;
    AnswerAcceptance acceptance = OfferAnswer.acceptAnswer(offer, answer);
    if (acceptance instanceof AnswerAcceptance.Accepted accepted) {
      current = accepted.audio();
    }
    return acceptance;
  }

  /** Gives up on an offer whose answer never came. */
  void abandonOffer() {
    pendingOffer = null;
  }

  /** Our current SDP, unchanged and with the same version, offered again in a refresh re-INVITE. */
  String refreshOffer() {
    pendingOffer = lastLocal;
    return SdpWriter.write(lastLocal);
  }

  NegotiatedAudio current() {
    return current;
  }

  private LocalSdp local(long candidateVersion) {
    return new LocalSdp(address, port, sessionId, candidateVersion, srtpKey);
  }

  /** Keeps the o= version unless the description really changed (RFC 3264 §8). */
  private SessionDescription remember(SessionDescription description) {
    if (lastLocal != null && sameApartFromVersion(lastLocal, description)) {
      return lastLocal;
    }
    version++;
    lastLocal = description;
    return description;
  }

  private static boolean sameApartFromVersion(SessionDescription a, SessionDescription b) {
    return a.media().equals(b.media()) && a.connection().equals(b.connection()) && a.sessionName().equals(b.sessionName());
  }
}
