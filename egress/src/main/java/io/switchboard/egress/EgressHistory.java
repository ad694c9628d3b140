package io.switchboard.egress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import livekit.LivekitEgress.EgressInfo;

/** Egresses no longer recording (ending, uploading, finished, or recovered from the journal). */
final class EgressHistory {
  private final Map<String, Supplier<EgressInfo>> byId = new LinkedHashMap<>();

  synchronized void add(EgressInfo info) {
    byId.put(info.getEgressId(), () -> info);
  }

  /** Follows the egress as it finishes (its info still changes while the file is uploaded). */
  synchronized void add(Egress egress) {
    byId.put(egress.id, egress::info);
  }

  synchronized Optional<EgressInfo> get(String id) {
    return Optional.ofNullable(byId.get(id)).map(Supplier::get);
  }

  synchronized List<EgressInfo> all() {
    List<EgressInfo> out = new ArrayList<>(byId.size());
    byId.values().forEach(s -> out.add(s.get()));
    return out;
  }
}
