package io.switchboard.sfu.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.sfu.transport.ice.IceCandidate;
import java.util.Optional;

/** LiveKit's TrickleRequest.candidateInit: the JSON of an RTCIceCandidateInit. */
final class CandidateInit {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CandidateInit() {}

  /**
   * The candidate in the JSON, or empty for an end-of-candidates marker (empty candidate).
   *
   * @throws IllegalArgumentException if it is not such JSON or the candidate does not parse
   */
  static Optional<IceCandidate> parse(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("candidateInit is not JSON: " + e.getMessage());
    }
    String candidate = node == null ? "" : node.path("candidate").asText("");
    return candidate.isBlank() ? Optional.empty() : Optional.of(IceCandidate.parse(candidate));
  }
}
