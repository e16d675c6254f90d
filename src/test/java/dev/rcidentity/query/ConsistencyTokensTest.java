package dev.rcidentity.query;

import dev.rcidentity.kafka.Topics;
import org.apache.kafka.streams.query.Position;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consistency tokens: issued and read back, refused when malformed, foreign or out of range; the wait bound. */
class ConsistencyTokensTest {
    private final ConsistencyTokens tokens = new ConsistencyTokens("rc-identity");

    private static void assertBadRequest(Runnable read, String mentions) {
        ApiError error = assertThrows(ApiError.class, read::run);
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains(mentions), error.getMessage());
    }

    @Test
    void aTokenReadsBackAsThePartitionAndOffsetItWasIssuedFor() {
        String text = tokens.issue(5, 123_456_789_012L);
        assertEquals(new ConsistencyToken(text, 5, 123_456_789_012L), tokens.read(text, 6));
        assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + text);
        assertFalse(text.contains("rc-identity"), "opaque");
        assertEquals(Position.emptyPosition().withComponent(Topics.LOGINS.name(), 5, 123_456_789_012L),
                tokens.read(text, 6).position());
    }

    @Test
    void aTokenOfAnotherApplicationIsRefused() {
        String foreign = new ConsistencyTokens("rc-identity-staging").issue(1, 10);
        assertBadRequest(() -> tokens.read(foreign, 6), "another application");
    }

    @Test
    void aTokenNamingAPartitionThatDoesNotExistIsRefused() {
        assertBadRequest(() -> tokens.read(tokens.issue(6, 10), 6), "partition 6");
        tokens.read(tokens.issue(5, 10), 6);
    }

    @Test
    void malformedTokensAreRefused() {
        String valid = tokens.issue(1, 10);
        for (String bad : new String[]{"", "not a token", "%%%", valid + "x", valid.substring(0, valid.length() - 2),
                "x".repeat(500), encode("c1.0123456789abcdef.1"), encode("c1.0123456789abcdef.1.-5"),
                encode("c1.0123456789abcdef.1.99999999999999999999")}) {
            assertBadRequest(() -> tokens.read(bad, 6), "after");
        }
    }

    @Test
    void aTokenAppliesOnlyToReadsOfItsOwnPartition() {
        ConsistencyToken token = tokens.read(tokens.issue(2, 10), 6);
        token.requirePartition(2);
        assertBadRequest(() -> token.requirePartition(3), "another partition");
    }

    @Test
    void waitIsAnIsoDurationUpToTenSeconds() {
        assertEquals(Duration.ofSeconds(2), ConsistentReads.waitParam(request("wait=PT2S"), null));
        assertEquals(Duration.ofMillis(1500), ConsistentReads.waitParam(request("wait=PT1.5S"), null));
        assertEquals(Duration.ofSeconds(10), ConsistentReads.waitParam(request("wait=PT10S"), null));
        assertEquals(ConsistentReads.DEFAULT_WAIT, ConsistentReads.waitParam(request(null), ConsistentReads.DEFAULT_WAIT));
        assertBadRequest(() -> ConsistentReads.waitParam(request("wait=PT11S"), null), "wait");
        assertBadRequest(() -> ConsistentReads.waitParam(request("wait=PT-1S"), null), "wait");
        assertBadRequest(() -> ConsistentReads.waitParam(request("wait=2"), null), "wait");
        assertBadRequest(() -> ConsistentReads.waitParam(request("wait=P1D"), null), "wait");
    }

    @Test
    void aForwardedReadCarriesTheTimeLeftAtMostOneSecond() {
        ReadContext context = new ReadContext(false, 500, null);
        assertEquals("maxLagMs=500", context.forwardParams());
        assertEquals("maxLagMs=500&wait=PT1S", context.until(System.nanoTime() + Duration.ofSeconds(5).toNanos()).forwardParams());
        assertEquals("maxLagMs=500&wait=PT0S", context.until(System.nanoTime() - 1).forwardParams());
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static ApiRequest request(String rawQuery) {
        return new ApiRequest("GET", "/x", rawQuery, Map.of(), ApiRequest.parseQuery(rawQuery), name -> null, new byte[0]);
    }
}
