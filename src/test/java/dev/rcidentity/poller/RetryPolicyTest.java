package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    @Test
    void backoffGrowsWithJitterAndStaysUnderTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofSeconds(60));
        Random random = new Random(1);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long step = Math.min(100L << (attempt - 1), 2000);
            long millis = policy.backoff(attempt, random).toMillis();
            assertTrue(millis >= step / 2 && millis <= step, "attempt " + attempt + ": " + millis);
        }
    }
}
