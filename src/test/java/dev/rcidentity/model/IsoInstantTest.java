package dev.rcidentity.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast path writes and reads exactly what Instant.toString / Instant.parse do, and leaves the rest to them. */
class IsoInstantTest {
    @Test
    void formatsAndParsesLikeTheStandardFormatter() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = instant.toString();
            assertEquals(text, IsoInstant.format(instant));
            assertEquals(instant, IsoInstant.parse(text));
        }
    }

    @Test
    void leavesUncommonFormsToTheStandardParser() {
        for (String text : List.of("2026-03-01T09:00:00+01:00", "2026-03-01T09:00:00", "2026-03-01 09:00:00Z",
                "2026-13-01T09:00:00Z", "2026-02-30T09:00:00Z", "2026-03-01T23:59:60Z", "2026-03-01T09:00:00.Z",
                "2026-03-01T09:00:00.1234567890Z", "+12026-03-01T09:00:00Z", "2026-03-01T09:0a:00Z")) {
            assertNull(IsoInstant.parse(text), text);
        }
        assertEquals("+12026-03-01T09:00:00Z", IsoInstant.format(Instant.parse("+12026-03-01T09:00:00Z")));
    }

    @Test
    void theMapperStillReadsOtherFormsAndShortFractions() throws Exception {
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"),
                Json.MAPPER.readValue("\"2026-03-01T09:00:00+01:00\"", Instant.class));
        assertEquals(Instant.parse("2026-03-01T09:00:00.100Z"),
                Json.MAPPER.readValue("\"2026-03-01T09:00:00.1Z\"", Instant.class));
        assertEquals("\"2026-03-01T09:00:00.120Z\"", new String(Json.MAPPER.writeValueAsBytes(
                Instant.parse("2026-03-01T09:00:00.12Z")), StandardCharsets.UTF_8));
    }
}
