package dev.rcidentity.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitQuietTest {
    @Test
    void aWaitWithNoRoomLeftEndsAfterOneWindowAndSaysWhetherTheCompilersWereQuiet() throws InterruptedException {
        JitQuiet.Wait wait = JitQuiet.await(Duration.ZERO);

        assertTrue(wait.seen(), "HotSpot reports its compilers' time");
        assertFalse(wait.waited().isNegative());
        Figure figure = wait.figure("5. Lookups", "the batches");
        assertEquals("wait for the JIT to settle before the batches", figure.name());
        assertEquals("s", figure.unit());
        assertEquals(wait.quiet(), !figure.note().contains("still compiling"), figure.note());
    }

    @Test
    void theFiguresSayWhenTheyIncludeACompilerStillAtWorkOrAJvmThatDoesNotReportIt() {
        assertTrue(new JitQuiet.Wait(Duration.ofSeconds(60), false, true).figure("s", "x").note()
                .contains("still compiling at the bound"));
        assertTrue(new JitQuiet.Wait(Duration.ZERO, false, false).figure("s", "x").note()
                .contains("does not report"));
        assertFalse(new JitQuiet.Wait(Duration.ofSeconds(3), true, true).figure("s", "x").note().contains(";"));
    }
}
