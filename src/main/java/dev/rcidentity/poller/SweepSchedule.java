package dev.rcidentity.poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The poller's threads, {@link SweepPacing#maxConcurrentSweeps} of them: one fixed-rate schedule per connection, and
 * one-off tasks. First runs are handed out {@link SweepPacing#startGap} apart (the first one at once), which spreads
 * the schedules' phases.
 */
final class SweepSchedule {
    private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);

    private final Map<String, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final long startGapNanos;
    /** When the next first run may start (System.nanoTime); guarded by this. */
    private long nextStart = System.nanoTime();

    SweepSchedule(Duration interval, SweepPacing pacing, Clock clock) {
        this.interval = interval;
        this.clock = clock;
        this.startGapNanos = pacing.startGap().toNanos();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(pacing.maxConcurrentSweeps(), r -> {
            Thread thread = new Thread(r, "rc-poller-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(String key, Runnable sweep) {
        schedules.put(key, scheduler.scheduleAtFixedRate(sweep, firstRunDelayNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    private synchronized long firstRunDelayNanos() {
        long now = System.nanoTime();
        long at = Math.max(now, nextStart);
        nextStart = at + startGapNanos;
        return at - now;
    }

    /** Ends the key's schedule; {@code interrupt}: a run in progress is interrupted too. */
    void cancel(String key, boolean interrupt) {
        ScheduledFuture<?> schedule = schedules.remove(key);
        if (schedule != null) {
            schedule.cancel(interrupt);
        }
    }

    /** When the key's next run starts; null when none is scheduled. */
    Instant next(String key) {
        ScheduledFuture<?> schedule = schedules.get(key);
        if (schedule == null || schedule.isDone()) {
            return null;
        }
        long delay = schedule.getDelay(TimeUnit.MILLISECONDS);
        // Asked from inside a run, the delay still points at that run's own start.
        return clock.instant().plusMillis(delay > 0 ? delay : delay + interval.toMillis());
    }

    <T> CompletableFuture<T> run(Callable<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, scheduler);
    }

    /** Interrupts every run and waits (bounded) for the threads to end. */
    void shutdown() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Poller threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean terminated() {
        return scheduler.isTerminated();
    }
}
