package io.switchboard.trunk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.InboundTrunkUpdate;
import io.switchboard.trunk.model.ListUpdate;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigStoreTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456789Z");

    @TempDir
    Path dir;
    SteppingClock clock = new SteppingClock(T0);
    FileConfigStore store;

    @BeforeEach
    void open() throws IOException {
        store = new FileConfigStore(dir, clock, new SplittableRandom(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    FileConfigStore reopen() throws IOException {
        store.close();
        store = new FileConfigStore(dir, clock, new SplittableRandom(2));
        return store;
    }

    @Test
    void roundTripsEveryFieldAndSurvivesReopen() throws IOException {
        InboundTrunk in = store.createInboundTrunk(Samples.twilioInbound());
        OutboundTrunk out = store.createOutboundTrunk(Samples.twilioOutbound());
        DispatchRule rule = store.createDispatchRule(Samples.agentRule());

        assertTrue(in.id().matches("ST_[A-Za-z0-9]{12}"), in.id());
        assertTrue(out.id().matches("ST_[A-Za-z0-9]{12}"), out.id());
        assertTrue(rule.id().matches("SDR_[A-Za-z0-9]{12}"), rule.id());
        assertEquals(Samples.twilioInbound().withId(in.id()).withTimestamps(T0, T0), in);
        assertEquals(Samples.twilioOutbound().withId(out.id()).withTimestamps(T0, T0), out);
        assertEquals(Samples.agentRule().withId(rule.id()).withTimestamps(T0, T0), rule);

        reopen();
        assertEquals(Optional.of(in), store.getInboundTrunk(in.id()));
        assertEquals(Optional.of(out), store.getOutboundTrunk(out.id()));
        assertEquals(Optional.of(rule), store.getDispatchRule(rule.id()));
        assertEquals(new ConfigSnapshot(List.of(in), List.of(out), List.of(rule)), store.snapshot());
    }

    @Test
    void updateKeepsIdAndCreationTimeAndStampsTheChange() throws IOException {
        InboundTrunk created = store.createInboundTrunk(Samples.twilioInbound());
        clock.advance(Duration.ofMinutes(5));
        InboundTrunkUpdate update = new InboundTrunkUpdate(ListUpdate.edit(List.of("+15105550102"), List.of("+15105550100")),
                null, null, null, null, null, "renamed", null, null);
        InboundTrunk updated = store.updateInboundTrunk(created.id(), update::applyTo);
        assertEquals(List.of("+15105550101", "+15105550102"), updated.numbers());
        assertEquals("renamed", updated.name());
        assertEquals(T0, updated.createdAt());
        assertEquals(T0.plus(Duration.ofMinutes(5)), updated.updatedAt());
        assertEquals(Optional.of(updated), reopen().getInboundTrunk(created.id()));
    }

    @Test
    void refusedWritesListEveryProblemAndChangeNothing() throws IOException {
        InboundTrunk bad = InboundTrunk.builder().id("ST_mine").numbers("sip:+1510@x").allowedAddresses("54.172.60.0/33").build();
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class, () -> store.createInboundTrunk(bad));
        assertEquals(List.of("sip_trunk_id", "numbers[0]", "allowed_addresses[0]"),
                e.violations().stream().map(Violation::field).toList());
        assertTrue(e.getMessage().contains("allowed_addresses[0]: must be an IP address"), e.getMessage());
        assertEquals(List.of(), reopen().listInboundTrunks(PageRequest.all()));
    }

    @Test
    void refusesATrunkThatWouldShareANumberAndNamesTheOwner() throws IOException {
        InboundTrunk first = store.createInboundTrunk(Samples.inbound("+15105550100"));
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class,
                () -> store.createInboundTrunk(Samples.inbound("15105550100")));
        Violation.Conflict conflict = assertInstanceOf(Violation.Conflict.class, e.violations().getFirst());
        assertEquals(first.id(), conflict.conflictingId());
        assertEquals(1, reopen().listInboundTrunks(PageRequest.all()).size());
    }

    @Test
    void refusesAnUpdateThatWouldCollideButNotWithItself() {
        InboundTrunk a = store.createInboundTrunk(Samples.inbound("+15105550100"));
        InboundTrunk b = store.createInboundTrunk(Samples.inbound("+15105550101"));
        store.updateInboundTrunk(a.id(), t -> t.toBuilder().name("still mine").build());
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class,
                () -> store.updateInboundTrunk(b.id(), t -> t.toBuilder().numbers("+15105550100").build()));
        assertEquals(a.id(), ((Violation.Conflict) e.violations().getFirst()).conflictingId());
        assertEquals(List.of("+15105550101"), store.getInboundTrunk(b.id()).orElseThrow().numbers());
    }

    @Test
    void refusesConflictingDispatchRules() {
        DispatchRule board = store.createDispatchRule(Samples.direct("board", "1234", "ST_x"));
        store.createDispatchRule(Samples.direct("other-board", "9999", "ST_x"));
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class,
                () -> store.createDispatchRule(Samples.direct("clash", "1234", "ST_x", "ST_y")));
        assertEquals(board.id(), ((Violation.Conflict) e.violations().getFirst()).conflictingId());
        assertEquals(List.of("trunk_ids"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void updatesOfMissingIdsAndIdChangesAreRefused() {
        assertEquals("inbound trunk ST_nope not found",
                assertThrows(ConfigNotFoundException.class, () -> store.updateInboundTrunk("ST_nope", t -> t)).getMessage());
        assertThrows(ConfigNotFoundException.class, () -> store.updateDispatchRule("SDR_nope", r -> r));
        OutboundTrunk out = store.createOutboundTrunk(Samples.twilioOutbound());
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class,
                () -> store.updateOutboundTrunk(out.id(), t -> t.withId("ST_other")));
        assertEquals("sip_trunk_id", e.violations().getFirst().field());
    }

    @Test
    void deletesArePersisted() throws IOException {
        InboundTrunk in = store.createInboundTrunk(Samples.inbound("+15105550100"));
        DispatchRule rule = store.createDispatchRule(Samples.direct("lobby", ""));
        assertEquals(Optional.of(in), store.deleteInboundTrunk(in.id()));
        assertEquals(Optional.empty(), store.deleteInboundTrunk(in.id()));
        assertEquals(Optional.empty(), store.deleteOutboundTrunk(in.id()));
        assertEquals(Optional.of(rule), store.deleteDispatchRule(rule.id()));
        reopen();
        assertEquals(new ConfigSnapshot(List.of(), List.of(), List.of()), store.snapshot());
        // the number is free again
        store.createInboundTrunk(Samples.inbound("+15105550100"));
    }

    @Test
    void listsPageInIdOrder() {
        for (int i = 0; i < 7; i++) {
            store.createInboundTrunk(Samples.inbound("+1510555010" + i));
        }
        List<String> all = store.listInboundTrunks(PageRequest.all()).stream().map(InboundTrunk::id).toList();
        assertEquals(all.stream().sorted().toList(), all);
        List<InboundTrunk> first = store.listInboundTrunks(PageRequest.first(3));
        List<InboundTrunk> second = store.listInboundTrunks(new PageRequest(first.getLast().id(), 3));
        List<InboundTrunk> third = store.listInboundTrunks(new PageRequest(second.getLast().id(), 3));
        assertEquals(all.subList(0, 3), first.stream().map(InboundTrunk::id).toList());
        assertEquals(all.subList(3, 6), second.stream().map(InboundTrunk::id).toList());
        assertEquals(all.subList(6, 7), third.stream().map(InboundTrunk::id).toList());
        assertEquals(List.of(), store.listInboundTrunks(new PageRequest(all.getLast(), 3)));
    }

    @Test
    void concurrentWritersAreSerialised() throws Exception {
        int threads = 4;
        int perThread = 25;
        List<Future<List<String>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(store.createInboundTrunk(Samples.inbound(String.format("+1510%d%06d", thread, i))).id());
                    }
                    return ids;
                }));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Future<List<String>> f : futures) {
            ids.addAll(f.get());
        }
        assertEquals(threads * perThread, ids.size());
        assertEquals(ids, reopen().listInboundTrunks(PageRequest.all()).stream().map(InboundTrunk::id)
                .collect(Collectors.toSet()));
    }

    @Test
    void aSecondStoreCannotOpenTheSameDirectory() {
        IOException e = assertThrows(IOException.class, () -> new FileConfigStore(dir, clock));
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.listDispatchRules(PageRequest.all()));
    }
}
