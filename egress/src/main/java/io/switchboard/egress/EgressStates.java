package io.switchboard.egress;

import livekit.LivekitEgress.EgressStatus;

/** LiveKit's grouping of egress states: which are still running. */
final class EgressStates {
  private EgressStates() {}

  /** ListEgress's {@code active}: starting, active or ending (LiveKit lists all three). */
  static boolean active(EgressStatus status) {
    return switch (status) {
      case EGRESS_STARTING, EGRESS_ACTIVE, EGRESS_ENDING -> true;
      case EGRESS_COMPLETE, EGRESS_FAILED, EGRESS_ABORTED, EGRESS_LIMIT_REACHED, UNRECOGNIZED -> false;
    };
  }
}
