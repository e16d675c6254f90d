package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RingCentralRateLimiterTest {
    private long now = 1_000_000_000_000L;
    private final RingCentralRateLimiter limiter = new RingCentralRateLimiter(() -> now);

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }

    @Test
    void endpointsStartInTheirDocumentedGroup() {
        assertEquals(ApiGroup.AUTH, limiter.groupOf(Endpoint.TOKEN));
        assertEquals(ApiGroup.LIGHT, limiter.groupOf(Endpoint.ACCOUNT_INFO));
        assertEquals(ApiGroup.MEDIUM, limiter.groupOf(Endpoint.EXTENSION_LIST));
    }

    @Test
    void theGroupAResponseNamesIsUsedFromThenOn() {
        limiter.observe(Endpoint.EXTENSION_LIST, headers(Map.of("X-Rate-Limit-Group", "Heavy",
                "X-Rate-Limit-Limit", "3", "X-Rate-Limit-Remaining", "2", "X-Rate-Limit-Window", "60")), 200);
        assertEquals(ApiGroup.HEAVY, limiter.groupOf(Endpoint.EXTENSION_LIST));
        GroupLimiter heavy = limiter.limiter(ApiGroup.HEAVY);
        assertEquals(3, heavy.limit());
        assertNotNull(heavy.tryAcquire(now));
        assertNotNull(heavy.tryAcquire(now));
        assertNull(heavy.tryAcquire(now), "the server counted one request already");
    }

    @Test
    void theRemainingCountOfA429IsLeftToThePenalty() {
        limiter.observe(Endpoint.ACCOUNT_INFO, headers(Map.of("X-Rate-Limit-Group", "Light",
                "X-Rate-Limit-Limit", "50", "X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Window", "60")), 429);
        assertNotNull(limiter.limiter(ApiGroup.LIGHT).tryAcquire(now));
    }

    @Test
    void retryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RingCentralRateLimiter.retryAfter(headers(Map.of("Retry-After", "7"))));
        assertEquals(Optional.empty(), RingCentralRateLimiter.retryAfter(headers(Map.of("Retry-After", "soon"))));
        assertEquals(Optional.empty(), RingCentralRateLimiter.retryAfter(headers(Map.of())));
    }
}
