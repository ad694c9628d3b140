package io.switchboard.trunk.store;

import io.switchboard.trunk.match.DispatchRuleValidator;
import io.switchboard.trunk.match.InboundTrunkValidator;
import io.switchboard.trunk.match.OutboundTrunkValidator;
import io.switchboard.trunk.match.RuleConflicts;
import io.switchboard.trunk.match.TrunkConflicts;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConfigStore} in one directory on local disk: a journal ({@code config.journal}) of
 * whole-value puts and deletes, fsynced before each write returns, replayed into memory on open,
 * and compacted into a fresh file once it holds mostly superseded entries. One lock serialises
 * everything; this is the control plane. A {@code LOCK} file keeps a second process out.
 */
public final class FileConfigStore implements ConfigStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileConfigStore.class);
    static final String JOURNAL_FILE = "config.journal";
    private static final int DEFAULT_COMPACT_AFTER = 1000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final IdGenerator ids;
    private final JournalCodec codec = new JournalCodec();
    private final ConfigState state = new ConfigState();
    private final DirectoryLock directoryLock;
    private final Journal journal;
    private final RecoveryReport recovery;
    private final int compactAfter;
    private boolean closed;

    public FileConfigStore(Path dataDir, Clock clock) throws IOException {
        this(dataDir, clock, new SecureRandom());
    }

    /** @param random source of the random part of ids */
    public FileConfigStore(Path dataDir, Clock clock, RandomGenerator random) throws IOException {
        this(dataDir, clock, random, DEFAULT_COMPACT_AFTER);
    }

    /** @param compactAfter compact once the journal holds more entries than this and twice the live items */
    FileConfigStore(Path dataDir, Clock clock, RandomGenerator random, int compactAfter) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new IdGenerator(random);
        this.compactAfter = compactAfter;
        if (Files.notExists(dataDir)) {
            Files.createDirectories(dataDir);
            Journal.forceDirectory(dataDir.toAbsolutePath().getParent()); // the new directory's own entry
        }
        this.directoryLock = DirectoryLock.acquire(dataDir);
        try {
            Journal.Opened opened = Journal.open(dataDir.resolve(JOURNAL_FILE));
            this.journal = opened.journal();
            for (byte[] payload : opened.payloads()) {
                state.apply(codec.decode(payload));
            }
            this.recovery = opened.report();
        } catch (IOException | RuntimeException e) {
            directoryLock.close();
            throw e;
        }
        if (recovery.bytesDiscarded() > 0) {
            LOG.warn("Recovered config journal in {}: dropped {} bytes of an interrupted write ({})",
                    dataDir, recovery.bytesDiscarded(), recovery.note());
        }
    }

    /** What opening found, e.g. a torn tail that was truncated. */
    public RecoveryReport recovery() {
        return recovery;
    }

    // ---- inbound trunks

    @Override
    public InboundTrunk createInboundTrunk(InboundTrunk draft) {
        return locked(() -> {
            List<Violation> problems = WriteChecks.idMustBeEmpty("sip_trunk_id", draft.id());
            checkInbound(draft, problems);
            Instant now = clock.instant();
            InboundTrunk stored = draft.toBuilder().id(ids.next(IdGenerator.TRUNK_PREFIX, state::trunkIdTaken))
                    .createdAt(now).updatedAt(now).build();
            commit(new JournalEntry.PutInbound(stored));
            return stored;
        });
    }

    @Override
    public InboundTrunk updateInboundTrunk(String id, UnaryOperator<InboundTrunk> change) {
        return locked(() -> {
            InboundTrunk current = WriteChecks.existing(state.inbound.get(id), "inbound trunk", id);
            InboundTrunk changed = change.apply(current);
            List<Violation> problems = WriteChecks.idMustStay("sip_trunk_id", id, changed.id());
            InboundTrunk stored = changed.toBuilder().id(id).createdAt(current.createdAt()).updatedAt(clock.instant()).build();
            checkInbound(stored, problems);
            commit(new JournalEntry.PutInbound(stored));
            return stored;
        });
    }

    @Override
    public Optional<InboundTrunk> getInboundTrunk(String id) {
        return locked(() -> Optional.ofNullable(state.inbound.get(id)));
    }

    @Override
    public List<InboundTrunk> listInboundTrunks(PageRequest page) {
        return locked(() -> ConfigState.page(state.inbound, page));
    }

    @Override
    public Optional<InboundTrunk> deleteInboundTrunk(String id) {
        return locked(() -> delete(state.inbound.get(id), JournalEntry.Kind.INBOUND_TRUNK, id));
    }

    // ---- outbound trunks

    @Override
    public OutboundTrunk createOutboundTrunk(OutboundTrunk draft) {
        return locked(() -> {
            List<Violation> problems = WriteChecks.idMustBeEmpty("sip_trunk_id", draft.id());
            problems.addAll(OutboundTrunkValidator.validate(draft));
            WriteChecks.rejectIfAny(problems);
            Instant now = clock.instant();
            OutboundTrunk stored = draft.toBuilder().id(ids.next(IdGenerator.TRUNK_PREFIX, state::trunkIdTaken))
                    .createdAt(now).updatedAt(now).build();
            commit(new JournalEntry.PutOutbound(stored));
            return stored;
        });
    }

    @Override
    public OutboundTrunk updateOutboundTrunk(String id, UnaryOperator<OutboundTrunk> change) {
        return locked(() -> {
            OutboundTrunk current = WriteChecks.existing(state.outbound.get(id), "outbound trunk", id);
            OutboundTrunk changed = change.apply(current);
            List<Violation> problems = WriteChecks.idMustStay("sip_trunk_id", id, changed.id());
            OutboundTrunk stored = changed.toBuilder().id(id).createdAt(current.createdAt()).updatedAt(clock.instant()).build();
            problems.addAll(OutboundTrunkValidator.validate(stored));
            WriteChecks.rejectIfAny(problems);
            commit(new JournalEntry.PutOutbound(stored));
            return stored;
        });
    }

    @Override
    public Optional<OutboundTrunk> getOutboundTrunk(String id) {
        return locked(() -> Optional.ofNullable(state.outbound.get(id)));
    }

    @Override
    public List<OutboundTrunk> listOutboundTrunks(PageRequest page) {
        return locked(() -> ConfigState.page(state.outbound, page));
    }

    @Override
    public Optional<OutboundTrunk> deleteOutboundTrunk(String id) {
        return locked(() -> delete(state.outbound.get(id), JournalEntry.Kind.OUTBOUND_TRUNK, id));
    }

    // ---- dispatch rules

    @Override
    public DispatchRule createDispatchRule(DispatchRule draft) {
        return locked(() -> {
            List<Violation> problems = WriteChecks.idMustBeEmpty("sip_dispatch_rule_id", draft.id());
            checkRule(draft, problems);
            Instant now = clock.instant();
            DispatchRule stored = draft.toBuilder().id(ids.next(IdGenerator.RULE_PREFIX, state.rules::containsKey))
                    .createdAt(now).updatedAt(now).build();
            commit(new JournalEntry.PutRule(stored));
            return stored;
        });
    }

    @Override
    public DispatchRule updateDispatchRule(String id, UnaryOperator<DispatchRule> change) {
        return locked(() -> {
            DispatchRule current = WriteChecks.existing(state.rules.get(id), "dispatch rule", id);
            DispatchRule changed = change.apply(current);
            List<Violation> problems = WriteChecks.idMustStay("sip_dispatch_rule_id", id, changed.id());
            DispatchRule stored = changed.toBuilder().id(id).createdAt(current.createdAt()).updatedAt(clock.instant()).build();
            checkRule(stored, problems);
            commit(new JournalEntry.PutRule(stored));
            return stored;
        });
    }

    @Override
    public Optional<DispatchRule> getDispatchRule(String id) {
        return locked(() -> Optional.ofNullable(state.rules.get(id)));
    }

    @Override
    public List<DispatchRule> listDispatchRules(PageRequest page) {
        return locked(() -> ConfigState.page(state.rules, page));
    }

    @Override
    public Optional<DispatchRule> deleteDispatchRule(String id) {
        return locked(() -> delete(state.rules.get(id), JournalEntry.Kind.DISPATCH_RULE, id));
    }

    // ---- whole store

    @Override
    public ConfigSnapshot snapshot() {
        return locked(state::snapshot);
    }

    /** Rewrites the journal to hold only the live items. Runs by itself when the journal grows. */
    public void compact() {
        locked(() -> {
            compactNow();
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warn("Closing config journal failed", e);
            }
            directoryLock.close();
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers

    private void checkInbound(InboundTrunk trunk, List<Violation> problems) {
        problems.addAll(InboundTrunkValidator.validate(trunk));
        problems.addAll(TrunkConflicts.find(trunk, state.inbound.values()));
        WriteChecks.rejectIfAny(problems);
    }

    private void checkRule(DispatchRule rule, List<Violation> problems) {
        problems.addAll(DispatchRuleValidator.validate(rule));
        problems.addAll(RuleConflicts.find(rule, state.rules.values()));
        WriteChecks.rejectIfAny(problems);
    }

    private <T> Optional<T> delete(T current, JournalEntry.Kind kind, String id) {
        if (current == null) {
            return Optional.empty();
        }
        commit(new JournalEntry.Delete(kind, id));
        return Optional.of(current);
    }

    /** Persists first, then changes memory: a failed write leaves both untouched. */
    private void commit(JournalEntry entry) {
        try {
            journal.append(codec.encode(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist configuration change", e);
        }
        state.apply(entry);
        if (journal.entries() > compactAfter && journal.entries() > 2 * state.size()) {
            try {
                compactNow();
            } catch (UncheckedIOException e) {
                LOG.warn("Compacting the config journal failed; the write itself is durable", e);
            }
        }
    }

    private void compactNow() {
        List<byte[]> payloads = state.asEntries().stream().map(codec::encode).toList();
        try {
            journal.replaceWith(payloads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the config journal", e);
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("config store is closed");
            }
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
