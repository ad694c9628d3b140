package io.switchboard.trunk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.InboundTrunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {
    @TempDir
    Path dir;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-01T00:00:00Z"));

    Path journal() {
        return dir.resolve(FileConfigStore.JOURNAL_FILE);
    }

    FileConfigStore open() throws IOException {
        return new FileConfigStore(dir, clock, new SplittableRandom(3));
    }

    /** Writes three trunks and returns them; the journal ends right after the third frame. */
    List<InboundTrunk> writeThree() throws IOException {
        List<InboundTrunk> written = new ArrayList<>();
        try (FileConfigStore store = open()) {
            for (int i = 0; i < 3; i++) {
                written.add(store.createInboundTrunk(Samples.inbound("+1510555010" + i)));
            }
        }
        return written;
    }

    long lastFrameStart() throws IOException {
        byte[] bytes = Files.readAllBytes(journal());
        int pos = Journal.MAGIC.length;
        int last = pos;
        while (pos < bytes.length) {
            last = pos;
            pos += Journal.FRAME_HEADER + ByteBuffer.wrap(bytes, pos, 4).getInt();
        }
        return last;
    }

    @Test
    void aTornLastWriteIsTruncatedAndTheRestSurvives() throws IOException {
        List<InboundTrunk> written = writeThree();
        long third = lastFrameStart();
        long size = Files.size(journal());
        try (FileChannel ch = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
            ch.truncate(size - 7); // the process died while the last frame was being written
        }
        try (FileConfigStore store = open()) {
            assertEquals(written.subList(0, 2), store.listInboundTrunks(PageRequest.all()).stream()
                    .sorted(Comparator.comparing(InboundTrunk::name)).toList());
            assertEquals(2, store.recovery().entriesReplayed());
            assertEquals(size - 7 - third, store.recovery().bytesDiscarded());
            assertTrue(store.recovery().note().startsWith("torn frame at byte " + third), store.recovery().note());
            assertEquals(third, Files.size(journal()));
            store.createInboundTrunk(Samples.inbound("+15105550109"));
        }
        try (FileConfigStore store = open()) {
            assertEquals(3, store.listInboundTrunks(PageRequest.all()).size());
            assertEquals(0, store.recovery().bytesDiscarded());
        }
    }

    @Test
    void aGarbledLastFrameIsDropped() throws IOException {
        List<InboundTrunk> written = writeThree();
        long last = lastFrameStart();
        try (FileChannel ch = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#'}), last + Journal.FRAME_HEADER + 10);
        }
        try (FileConfigStore store = open()) {
            assertEquals(2, store.listInboundTrunks(PageRequest.all()).size());
            assertTrue(store.getInboundTrunk(written.get(2).id()).isEmpty());
            assertEquals("checksum mismatch at byte " + last, store.recovery().note());
        }
        assertEquals(last, Files.size(journal()));
    }

    @Test
    void aZeroFilledTailIsDropped() throws IOException {
        writeThree();
        long size = Files.size(journal());
        Files.write(journal(), new byte[4096], StandardOpenOption.APPEND);
        try (FileConfigStore store = open()) {
            assertEquals(3, store.listInboundTrunks(PageRequest.all()).size());
            assertEquals(4096, store.recovery().bytesDiscarded());
        }
        assertEquals(size, Files.size(journal()));
    }

    @Test
    void corruptionFollowedByIntactEntriesIsRefusedNotTruncated() throws IOException {
        writeThree();
        byte[] before = Files.readAllBytes(journal());
        try (FileChannel ch = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#'}), Journal.MAGIC.length + Journal.FRAME_HEADER + 10);
        }
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("corrupt at byte 8"), e.getMessage());
        assertEquals(before.length, Files.size(journal()));
    }

    @Test
    void createsItsDirectoryAndStartsEmpty() throws IOException {
        Path nested = dir.resolve("var/lib/switchboard");
        try (FileConfigStore store = new FileConfigStore(nested, clock)) {
            assertEquals(new RecoveryReport(0, 0, ""), store.recovery());
            store.createDispatchRule(Samples.direct("lobby", ""));
        }
        assertArrayEquals(Journal.MAGIC, Arrays.copyOf(Files.readAllBytes(nested.resolve(FileConfigStore.JOURNAL_FILE)), 8));
    }

    @Test
    void aFileThatIsNotAJournalIsLeftAlone() throws IOException {
        byte[] foreign = "{\"not\":\"a journal\"}".getBytes();
        Files.write(journal(), foreign);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("not a Switchboard config journal"), e.getMessage());
        assertArrayEquals(foreign, Files.readAllBytes(journal()));
    }

    @Test
    void compactionKeepsEverythingAndShrinksTheFile() throws IOException {
        ConfigSnapshot before;
        long grown;
        try (FileConfigStore store = open()) {
            InboundTrunk t = store.createInboundTrunk(Samples.twilioInbound());
            store.createOutboundTrunk(Samples.twilioOutbound());
            store.createDispatchRule(Samples.agentRule());
            InboundTrunk doomed = store.createInboundTrunk(Samples.inbound("+15105550199"));
            for (int i = 0; i < 200; i++) {
                int n = i;
                store.updateInboundTrunk(t.id(), x -> x.toBuilder().metadata("revision " + n).build());
            }
            store.deleteInboundTrunk(doomed.id());
            grown = Files.size(journal());
            before = store.snapshot();
            store.compact();
            assertTrue(Files.size(journal()) < grown / 20, Files.size(journal()) + " vs " + grown);
            assertEquals(before, store.snapshot());
            store.createDispatchRule(Samples.direct("after-compaction", ""));
        }
        try (FileConfigStore store = open()) {
            ConfigSnapshot after = store.snapshot();
            assertEquals(before.inboundTrunks(), after.inboundTrunks());
            assertEquals(before.outboundTrunks(), after.outboundTrunks());
            assertEquals(before.dispatchRules().size() + 1, after.dispatchRules().size());
            assertEquals(4, store.recovery().entriesReplayed());
        }
    }

    @Test
    void compactsByItselfWhenMostEntriesAreSuperseded() throws IOException {
        try (FileConfigStore store = new FileConfigStore(dir, clock, new SplittableRandom(4), 50)) {
            InboundTrunk t = store.createInboundTrunk(Samples.inbound("+15105550100"));
            for (int i = 0; i < 500; i++) {
                int n = i;
                store.updateInboundTrunk(t.id(), x -> x.toBuilder().metadata("v" + n).build());
            }
        }
        try (FileConfigStore store = open()) {
            assertTrue(store.recovery().entriesReplayed() <= 51, "replayed " + store.recovery().entriesReplayed());
            assertEquals("v499", store.listInboundTrunks(PageRequest.all()).getFirst().metadata());
        }
    }

    @Test
    void aCompactionInterruptedBeforeItsRenameIsIgnored() throws IOException {
        List<InboundTrunk> written = writeThree();
        Path temp = journal().resolveSibling(FileConfigStore.JOURNAL_FILE + ".tmp");
        Files.write(temp, new byte[] {'S', 'W', 'B'}); // half-written snapshot
        try (FileConfigStore store = open()) {
            assertEquals(3, store.listInboundTrunks(PageRequest.all()).size());
            assertTrue(store.getInboundTrunk(written.getFirst().id()).isPresent());
        }
        assertTrue(Files.notExists(temp));
    }
}
