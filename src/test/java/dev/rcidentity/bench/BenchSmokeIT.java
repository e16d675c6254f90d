package dev.rcidentity.bench;

import dev.rcidentity.cli.BenchInstances;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every bench step on tiny sizes so that the bench keeps compiling and running. No timing is asserted. */
class BenchSmokeIT {
    @TempDir
    Path dir;

    @Test
    void everyStepRunsOnTinySizes() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchResults results = new BenchRunner(BenchOptions.tiny(dir.resolve("work")),
                new PrintStream(log, true, StandardCharsets.UTF_8), new BenchInstances()).run("smoke test");

        Set<String> sections = Set.of(KafkaFloor.SECTION, StreamsFloor.SECTION, IdentityThroughput.SECTION,
                LoginLatency.SECTION, DslPeer.SECTION, LookupLoad.SECTION, PollerSweepBench.SECTION, PollerScaleBench.SECTION,
                RecoveryBench.SECTION, PushBench.SECTION);
        for (String section : sections) {
            assertTrue(results.figures().stream().anyMatch(f -> f.section().equals(section)), "a figure for " + section);
        }
        for (String batchFigure : List.of("owner batches", "number batches", "POST /v1/logins?wait=PT2S p99",
                "owners one at a time", "number queries one at a time",
                "wait for the JIT to settle before the single GETs", "wait for the JIT to settle before the batches")) {
            assertTrue(results.figures().stream().anyMatch(f -> f.name().startsWith(batchFigure)), "a figure " + batchFigure);
        }
        results.figures().stream().filter(f -> f.section().equals(LookupLoad.SECTION) && f.unit().endsWith("/s"))
                .forEach(f -> assertTrue(f.note().matches(".*CPU [0-9.]+ us an? (request|item).*")
                        && !f.note().contains("NaN"), f.name() + " says what a request cost in CPU: " + f.note()));
        results.figures().stream().filter(f -> !f.status().equals("not measured"))
                .forEach(f -> assertFalse(Double.isNaN(f.value()), f.name() + " has a value"));

        Path json = dir.resolve("results.json");
        String table = ResultsReport.write(results, json);
        assertTrue(Files.size(json) > 0);
        assertTrue(table.contains("| section | figure |"));
        assertFalse(Files.exists(dir.resolve("work")), "the work directory is cleaned up");
    }
}
