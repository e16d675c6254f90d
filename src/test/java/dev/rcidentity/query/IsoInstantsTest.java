package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IsoInstantsTest {
    @Test
    void thePlainUtcFormIsReadAsInstantParseReadsIt() {
        for (String text : List.of("2026-03-01T09:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
                "2026-03-01T09:00:00.5Z", "2026-03-01T09:00:00.123Z", "2026-03-01T09:00:00.123456789Z",
                "1969-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            assertEquals(Instant.parse(text), IsoInstants.plainUtc(text), text);
        }
    }

    @Test
    void everyOtherFormIsLeftToTheFormatter() {
        for (String text : List.of("", "2026-03-01", "2026-03-01T09:00Z", "2026-03-01T09:00:00", "2026-03-01T09:00:00+01:00",
                "2026-03-01T09:00:00.Z", "2026-03-01T09:00:00.1234567890Z", "2026-02-29T09:00:00Z", "2026-13-01T09:00:00Z",
                "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z", "2026-03-01T09:00:60Z", "+12026-03-01T09:00:00Z",
                "2026-03-01t09:00:00z", "2026-03-01T09:00:0xZ", "2026-03-01T09:00:00,5Z", "2026-03-01 09:00:00Z")) {
            assertNull(IsoInstants.plainUtc(text), text);
        }
    }

    @Test
    void anInstantIsWrittenSoThatBothReadersReadItBack() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:00.5Z"),
                Instant.ofEpochSecond(-1, 1), Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.MIN, Instant.MAX, Instant.ofEpochSecond(1_772_355_600L, 123_000_000))) {
            String text = IsoInstants.plainUtc(instant);
            assertEquals(instant, Instant.parse(text), text);
            if (instant != Instant.MIN && instant != Instant.MAX) {
                assertEquals(instant, IsoInstants.plainUtc(text), text);
            }
        }
        assertEquals("2026-03-01T09:00:00Z", IsoInstants.plainUtc(Instant.parse("2026-03-01T09:00:00Z")));
    }
}
