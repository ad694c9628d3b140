package io.switchboard.trunk.store;

import io.switchboard.trunk.model.InboundTrunk;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link CrashRecoveryTest}: writes trunks as fast as it can and prints
 * {@code ACK <sequence> <id>} after each write returns, until it is killed.
 * Arguments: data directory, run number, number of writes.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        int writes = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        try (FileConfigStore store = new FileConfigStore(dir, Clock.systemUTC())) {
            out.println("OPEN " + store.recovery().entriesReplayed() + " " + store.recovery().bytesDiscarded());
            out.flush();
            for (int seq = 0; seq < writes; seq++) {
                InboundTrunk t = store.createInboundTrunk(InboundTrunk.builder()
                        .name(CrashRecoveryTest.name(run, seq))
                        .numbers(String.format("+1%03d%07d", run, seq))
                        .allowedAddresses("54.172.60.0/30")
                        .metadata("x".repeat(seq % 300)) // vary frame sizes so kills land mid-frame
                        .build());
                out.println("ACK " + seq + " " + t.id());
                out.flush();
            }
            out.println("DONE");
        }
    }
}
