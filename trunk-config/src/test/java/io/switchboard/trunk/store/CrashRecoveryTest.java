package io.switchboard.trunk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.InboundTrunk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM with SIGKILL in the middle of its stream of writes, several times over
 * the same directory, and checks that every write it acknowledged is there afterwards, with no
 * holes: the writes of each run survive as an unbroken prefix.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    static String name(int run, int seq) {
        return "run" + run + "-" + seq;
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        int[] killAfterAcks = {25, 180, 7, 60};
        Map<Integer, List<String>> acknowledged = new HashMap<>();
        for (int run = 0; run < killAfterAcks.length; run++) {
            acknowledged.put(run, runAndKill(run, killAfterAcks[run]));
        }
        try (FileConfigStore store = new FileConfigStore(dir, new SteppingClock(Instant.EPOCH), new SplittableRandom(9))) {
            List<InboundTrunk> all = store.listInboundTrunks(PageRequest.all());
            Map<String, InboundTrunk> byId = new HashMap<>();
            all.forEach(t -> byId.put(t.id(), t));
            for (int run = 0; run < killAfterAcks.length; run++) {
                List<String> acks = acknowledged.get(run);
                assertTrue(acks.size() >= killAfterAcks[run], "run " + run + " acknowledged " + acks.size());
                for (int seq = 0; seq < acks.size(); seq++) {
                    InboundTrunk t = byId.get(acks.get(seq));
                    assertTrue(t != null, "acknowledged write " + acks.get(seq) + " of run " + run + " was lost");
                    assertEquals(name(run, seq), t.name());
                }
                int r = run;
                List<Integer> seqs = all.stream().filter(t -> t.name().startsWith("run" + r + "-"))
                        .map(t -> Integer.parseInt(t.name().substring(t.name().indexOf('-') + 1))).sorted().toList();
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i, seqs.get(i), "run " + run + " has a hole at write " + i);
                }
            }
            store.createInboundTrunk(Samples.inbound("+15105550100")); // and the store still takes writes
        }
    }

    /** Starts a writer, reads acknowledgements until {@code killAfter}, then SIGKILLs it. */
    private List<String> runAndKill(int run, int killAfter) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Integer.toString(run), "1000000");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process child = pb.start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    assertEquals(acks.size(), Integer.parseInt(parts[1]));
                    acks.add(parts[2]);
                    if (acks.size() == killAfter) {
                        // SIGKILL: no shutdown hooks, no close(). Through the handle, so that the pipe
                        // stays open and the acknowledgements already in it can still be read.
                        child.toHandle().destroyForcibly();
                        break;
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "writer did not die");
            // Lines already buffered in the pipe were acknowledged before the kill too.
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    assertEquals(acks.size(), Integer.parseInt(parts[1]));
                    acks.add(parts[2]);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "the writer must have been killed, not have finished");
        return acks;
    }
}
