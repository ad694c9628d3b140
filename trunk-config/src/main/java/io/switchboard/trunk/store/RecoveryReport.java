package io.switchboard.trunk.store;

/**
 * What opening the journal found.
 *
 * @param entriesReplayed intact entries applied
 * @param bytesDiscarded  bytes of a torn or corrupt tail that were truncated away (an interrupted
 *                        write that was never acknowledged)
 * @param note            why bytes were discarded; empty if none were
 */
public record RecoveryReport(int entriesReplayed, long bytesDiscarded, String note) {
}
