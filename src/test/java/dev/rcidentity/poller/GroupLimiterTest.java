package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupLimiterTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private long now = 1_000 * SECOND;
    private final GroupLimiter limiter = new GroupLimiter(ApiGroup.AUTH, () -> now);

    @Test
    void startsWithTheDocumentedLimitAndWindow() {
        assertEquals(5, limiter.limit());
        assertEquals(Duration.ofSeconds(60), limiter.window());
        assertEquals(40, new GroupLimiter(ApiGroup.MEDIUM, () -> now).limit());
    }

    @Test
    void nothingBeyondTheLimitWithinTheWindow() {
        for (int i = 0; i < 5; i++) {
            limiter.complete(limiter.tryAcquire(now), now);
            now += SECOND;
        }
        assertNull(limiter.tryAcquire(now));
        // The first request completed 5 s ago: it leaves the 60 s window in 55 s.
        assertEquals(55 * SECOND, limiter.nanosUntilAvailable(now));
        now += 55 * SECOND;
        assertNotNull(limiter.tryAcquire(now));
        assertNull(limiter.tryAcquire(now));
    }

    @Test
    void aRequestInFlightCountsUntilItCompletesThenAWholeWindowFromThere() {
        limiter.observe(1, null, Duration.ofSeconds(10), now);
        GroupLimiter.Slot slot = limiter.tryAcquire(now);
        now += 100 * SECOND;
        assertNull(limiter.tryAcquire(now), "still in flight");
        limiter.complete(slot, now);
        assertEquals(10 * SECOND, limiter.nanosUntilAvailable(now));
    }

    @Test
    void theServersCountWinsWhenItSawMoreThanThisLog() {
        limiter.observe(10, 7, Duration.ofSeconds(60), now);
        for (int i = 0; i < 7; i++) {
            assertNotNull(limiter.tryAcquire(now), "request " + i);
        }
        assertNull(limiter.tryAcquire(now));
    }

    @Test
    void nothingGoesOutDuringThePenalty() {
        limiter.penalize(Duration.ofSeconds(30), now);
        assertNull(limiter.tryAcquire(now));
        now += 29 * SECOND;
        assertEquals(SECOND, limiter.nanosUntilAvailable(now));
        now += SECOND;
        assertNotNull(limiter.tryAcquire(now));
    }

    @Test
    void aWaitBeyondTheDeadlineFailsAtOnce() {
        limiter.penalize(Duration.ofSeconds(30), now);
        RingCentralApiException e = assertThrows(RingCentralApiException.class, () -> limiter.acquire(now + 10 * SECOND));
        assertTrue(e.getMessage().contains("AUTH"), e.getMessage());
    }
}
