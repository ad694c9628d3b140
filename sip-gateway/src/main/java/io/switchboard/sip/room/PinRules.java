package io.switchboard.sip.room;

import io.switchboard.sip.pin.PinVerdict;
import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.match.DispatchEvaluator;
import io.switchboard.trunk.match.DispatchRuleSelector;
import io.switchboard.trunk.match.InboundCall;
import io.switchboard.trunk.match.PinEntry;
import io.switchboard.trunk.match.RuleSelection;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.store.ConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the dispatch rules again with the PIN a caller keyed, as LiveKit does: only rules
 * with exactly that PIN apply ({@code #} alone: only open rules), against the rules stored now.
 */
final class PinRules {
  private static final Logger log = LoggerFactory.getLogger(PinRules.class);

  private final ConfigStore store;
  private final DispatchEvaluator evaluator;

  PinRules(ConfigStore store, DispatchEvaluator evaluator) {
    this.store = store;
    this.evaluator = evaluator;
  }

  PinVerdict<Dispatch.Route> check(InboundTrunk trunk, InboundCall call, String digits) {
    PinEntry pin = new PinEntry.Entered(digits);
    RuleSelection selection = DispatchRuleSelector.select(trunk, store.snapshot().dispatchRules(), call, pin);
    return switch (selection) {
      case RuleSelection.Selected selected -> switch (evaluator.evaluate(trunk, selected.rule(), call, pin)) {
        case Dispatch.Route route -> new PinVerdict.Admit<>(route);
        case Dispatch.RequestPin again -> new PinVerdict.Refuse<>();
        case Dispatch.WrongPin wrong -> new PinVerdict.Refuse<>();
      };
      case RuleSelection.NoRule none -> new PinVerdict.Refuse<>();
      case RuleSelection.Conflict conflict -> {
        log.error("several dispatch rules match a PIN on trunk={}: fix the rules", trunk.id());
        yield new PinVerdict.Refuse<>();
      }
    };
  }
}
