package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A manual measurement, not a test: CPU time per record and bytes allocated per page of reading a simulator page of
 * 1,000 extensions, as a whole tree (before) and streaming (now). Run with
 * {@code mvn -o test -Dtest=ExtensionPageCost -Dpageparse.measure=true}.
 */
@EnabledIfSystemProperty(named = "pageparse.measure", matches = "true")
class ExtensionPageCost {
    private static final int ROUNDS = 400;

    @FunctionalInterface
    private interface PageRead {
        int records(byte[] page) throws Exception;
    }

    @Test
    void measure() throws Exception {
        byte[] page;
        try (RingCentralSimulator sim = RingCentralSimulator.start(
                SimulatorOptions.builder().accounts(1).extensionsPerAccount(1_000).seed(5).build())) {
            String accountId = sim.accounts().get(0).accountId();
            RunningConnection connection = RunningConnection.open(TestConnections.admin(sim, "cost", accountId),
                    RingCentralHttp.newClient(Duration.ofSeconds(5)), TestConnections.FAST, Clock.systemUTC(),
                    new PollerMetrics());
            JsonNode tree = connection.client().extensionPage(RingCentralClient.firstExtensionPage(),
                    JsonParser::readValueAsTree);
            page = Json.MAPPER.writeValueAsBytes(tree);
        }
        Instant at = Instant.now();
        PageRead whole = json -> TreePageMapping.read(json, "1", 1, at).extensions().size();
        PageRead streamed = json -> {
            try (JsonParser parser = Json.MAPPER.createParser(new ByteArrayInputStream(json))) {
                parser.nextToken();
                return new ExtensionPageReader("1", 1, Clock.systemUTC()).read(parser).extensions().size();
            }
        };
        System.out.printf("page: %d bytes; load before: %.1f%n", page.length,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int pass = 1; pass <= 2; pass++) {
            report("whole tree", pass, whole, page);
            report("streaming ", pass, streamed, page);
        }
        System.out.printf("load after: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void report(String name, int pass, PageRead read, byte[] page) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ROUNDS; i++) {
            assertEquals(1_000, read.records(page));
        }
        long id = Thread.currentThread().getId();
        long bytes = threads.getThreadAllocatedBytes(id);
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ROUNDS; i++) {
            read.records(page);
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        bytes = threads.getThreadAllocatedBytes(id) - bytes;
        System.out.printf("%s pass %d: %d ns CPU per record, %d bytes allocated per page%n", name, pass,
                cpu / (ROUNDS * 1_000L), bytes / ROUNDS);
    }
}
