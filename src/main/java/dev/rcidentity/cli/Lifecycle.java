package dev.rcidentity.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The running parts of a command, stopped in reverse order of start: clients before the broker they talk to (the
 * other order hangs for the clients' full timeouts). Ctrl-C and SIGTERM stop it through a shutdown hook that waits
 * for the parts to close.
 */
final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(90);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean failed;

    <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    void stopOnSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rc-identity-shutdown"));
    }

    /** A part failed beyond repair: stop everything and exit non-zero. */
    void fail(String why) {
        LOG.error("Stopping: {}", why);
        failed = true;
        stopRequested.countDown();
    }

    /** Blocks until Ctrl-C, SIGTERM or {@link #fail}; returns the exit code. */
    int awaitStop() throws InterruptedException {
        stopRequested.await();
        return failed ? Main.FAILED : Main.OK;
    }

    @Override
    public void close() {
        try {
            while (!parts.isEmpty()) {
                AutoCloseable part = parts.pop();
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
        } finally {
            closed.countDown();
        }
    }
}
