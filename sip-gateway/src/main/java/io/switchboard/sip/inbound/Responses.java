package io.switchboard.sip.inbound;

import io.switchboard.sip.transport.OutgoingResponse;

/** The fixed header sets of our responses. */
final class Responses {
  static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO, NOTIFY";
  static final String SUPPORTED = "timer";
  static final String ACCEPT = "application/sdp";

  private Responses() {}

  /** A response that tells the peer what we can do (OPTIONS 200, 405, 415, 420). */
  static OutgoingResponse withCapabilities(OutgoingResponse response) {
    return response.withHeader("Allow", ALLOW).withHeader("Supported", SUPPORTED).withHeader("Accept", ACCEPT);
  }

  /**
   * 488 with a Warning saying why (RFC 3261 §20.43, code 305 "Incompatible media format"); the
   * phrase as RFC 3261 §21.4.26 writes it (JAIN-SIP's default reads "Not Acceptable here").
   */
  static OutgoingResponse notAcceptableHere(String why) {
    return OutgoingResponse.of(488, "Not Acceptable Here").withHeader("Warning", "305 switchboard \"" + why.replace("\"", "'") + "\"");
  }
}
