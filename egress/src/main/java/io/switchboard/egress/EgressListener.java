package io.switchboard.egress;

import livekit.LivekitEgress.EgressInfo;

/** Told of every egress state change, as LiveKit's webhooks name them. Must not block. */
@FunctionalInterface
public interface EgressListener {
  String STARTED = "egress_started";
  String UPDATED = "egress_updated";
  String ENDED = "egress_ended";

  EgressListener NONE = (event, info) -> {};

  void onEgress(String event, EgressInfo info);
}
