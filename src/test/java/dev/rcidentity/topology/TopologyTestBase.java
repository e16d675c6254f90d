package dev.rcidentity.topology;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static dev.rcidentity.topology.TopologyFixture.T0;

/** A fresh test driver over the production topology for each test, and minutes after {@link TopologyFixture#T0}. */
abstract class TopologyTestBase {
    @TempDir
    Path stateDir;
    TopologyFixture fx;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void stopDriver() {
        fx.close();
    }

    static Instant t(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
