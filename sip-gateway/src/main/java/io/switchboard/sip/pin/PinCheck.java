package io.switchboard.sip.pin;

import java.util.concurrent.CompletionStage;

/**
 * Evaluates a keyed PIN (the dispatch rules again, with the digits). Asynchronous because the
 * rules may live in a store that blocks; the lobby keeps its audio going meanwhile. A failed
 * stage hangs the caller up.
 */
@FunctionalInterface
public interface PinCheck<T> {
  CompletionStage<PinVerdict<T>> check(String digits);
}
