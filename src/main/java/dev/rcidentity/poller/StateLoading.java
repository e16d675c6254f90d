package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which accounts' published state is in memory. Either every account's (one read at start: connections given by
 * name, whose accounts are unknown), or, for the connections of a poller group, only the accounts this instance
 * sweeps: an account is read before its first sweep here ({@link #require}), accounts announced meanwhile
 * ({@link #expect}, from the connection records) in the same read, and let go when its connection is released, so a
 * later holder reads again what others published meanwhile. Memory follows the instance's share; {@link StateReader}
 * scans the topics once, later reads only what came since and the stretches of accounts published before.
 */
final class StateLoading {
    private final PublishedState state;
    private final StateReader reader;
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    /** Let go while a read may be running: the read must not keep them. Drained under {@link #reading}. */
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    /** One read at a time; never held by callers that must not wait (expect, forget: the connections' thread). */
    private final ReentrantLock reading = new ReentrantLock();
    private volatile boolean everything;
    private volatile boolean byAccount;

    StateLoading(PublishedState state, KafkaClients kafka, Duration timeout) {
        this.state = state;
        this.reader = new StateReader(state, kafka, timeout);
    }

    /** From now on, accounts are read when needed rather than all at once. */
    void byAccount() {
        byAccount = true;
    }

    boolean isByAccount() {
        return byAccount;
    }

    /** Reads every account's state, once. */
    void loadEverything() {
        reading.lock();
        try {
            if (!everything) {
                reader.read(account -> true, Set.of());
                everything = true;
            }
        } finally {
            reading.unlock();
        }
    }

    /** The account's connection is held here: read its state with the next read. */
    void expect(String accountId) {
        if (accountId != null && !everything && !loaded.contains(accountId)) {
            forgotten.remove(accountId);
            expected.add(accountId);
        }
    }

    /** Returns once the account's state is in memory (read now, with every account expected, when it is not). */
    void require(String accountId) throws InterruptedException {
        if (!byAccount) {
            loadEverything();
            return;
        }
        if (everything || loaded.contains(accountId)) {
            return;
        }
        forgotten.remove(accountId);
        expected.add(accountId);
        reading.lockInterruptibly();
        try {
            if (loaded.contains(accountId)) {
                return;
            }
            Set<String> batch = Set.copyOf(expected);
            expected.removeAll(batch);
            try {
                reader.read(batch::contains, batch);
            } catch (RuntimeException e) {
                // Read again together with the next require, not one account (and one rewind) at a time.
                batch.stream().filter(a -> !forgotten.contains(a)).forEach(expected::add);
                throw e;
            }
            batch.stream().filter(a -> !forgotten.contains(a)).forEach(loaded::add);
            drainForgotten();
        } finally {
            reading.unlock();
        }
    }

    /** No connection held here sweeps the account any more: forget its state. */
    void forget(String accountId) {
        if (accountId == null || everything) {
            return;
        }
        expected.remove(accountId);
        loaded.remove(accountId);
        forgotten.add(accountId);
        if (reading.tryLock()) {
            try {
                drainForgotten();
            } finally {
                reading.unlock();
            }
        }
    }

    private void drainForgotten() {
        for (String accountId : Set.copyOf(forgotten)) {
            forgotten.remove(accountId);
            if (!loaded.contains(accountId)) {
                state.forget(accountId);
            }
        }
    }

    /** Closes the reader once no read runs (a read still running after {@code wait} keeps it: the process ends). */
    void close(Duration wait) throws InterruptedException {
        if (reading.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                reader.close();
            } finally {
                reading.unlock();
            }
        }
    }
}
