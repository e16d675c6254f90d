package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepScheduleTest {
    @Test
    void connectionsHeldTogetherStartOneGapApartSoTheirSchedulesKeepSpreadPhases() {
        SweepSchedule schedule = new SweepSchedule(Duration.ofHours(4), new SweepPacing(2, Duration.ofHours(1)),
                Clock.systemUTC());
        try {
            Instant before = Instant.now();
            for (String key : new String[]{"a", "b", "c"}) {
                schedule.start(key, () -> { });
            }
            assertTrue(schedule.next("b").isAfter(before.plus(Duration.ofMinutes(59))), "b: " + schedule.next("b"));
            assertTrue(schedule.next("b").isBefore(before.plus(Duration.ofMinutes(61))), "b: " + schedule.next("b"));
            assertTrue(schedule.next("c").isAfter(before.plus(Duration.ofMinutes(119))), "c: " + schedule.next("c"));
            assertTrue(schedule.next("c").isBefore(before.plus(Duration.ofMinutes(121))), "c: " + schedule.next("c"));
        } finally {
            schedule.shutdown();
        }
    }
}
