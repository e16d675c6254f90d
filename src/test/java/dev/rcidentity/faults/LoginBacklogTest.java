package dev.rcidentity.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The identities StreamsKillIT expects are the ones the topology makes of the same inputs when nothing fails. */
class LoginBacklogTest {
    @TempDir
    Path dir;

    @Test
    void theExpectedTableIsWhatTheTopologyMakesOfTheBacklog() {
        assertEquals(LoginBacklog.expectedIdentities(4, 6), FaultFreeRun.identities(LoginBacklog.of(4, 6), dir));
    }
}
