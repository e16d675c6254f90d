package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingCentralSimulatorTest {

    @Test
    void defaultOptionsMatchRingCentralsLimits() {
        SimulatorOptions defaults = SimulatorOptions.defaults();
        assertEquals(3, defaults.accounts());
        assertEquals(200, defaults.extensionsPerAccount());
        assertEquals(50, defaults.limit(RateLimitGroup.LIGHT));
        assertEquals(40, defaults.limit(RateLimitGroup.MEDIUM));
        assertEquals(10, defaults.limit(RateLimitGroup.HEAVY));
        assertEquals(5, defaults.limit(RateLimitGroup.AUTH));
        assertEquals(Duration.ofSeconds(60), defaults.rateLimitWindow());
        assertEquals(Duration.ofSeconds(60), defaults.rateLimitPenalty());

        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.builder().extensionsPerAccount(0).build());
    }

    @Test
    void connectionsFileWorksAgainstTheSimulator(@TempDir Path dir) throws IOException {
        try (RingCentralSimulator simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(10).build())) {
            Path file = dir.resolve("conf/connections.json");
            simulator.writeConnectionsFile(file);

            JsonNode connections = SimClient.MAPPER.readTree(Files.readString(file));
            assertEquals(2, connections.size());
            SimClient client = new SimClient(simulator);
            for (int i = 0; i < connections.size(); i++) {
                JsonNode connection = connections.get(i);
                assertEquals(simulator.baseUrl().toString(), connection.get("serverUrl").asText());
                assertFalse(connection.get("name").asText().isEmpty());
                SimClient.Response token = client.token(connection.get("clientId").asText(),
                        connection.get("clientSecret").asText(),
                        Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                                "assertion", connection.get("jwt").asText()));
                assertEquals(200, token.status());
                assertEquals(simulator.accounts().get(i).accountId(), token.json().get("owner_id").asText());
            }
        }
    }

    @Test
    void describeListsAccountsButNoSecrets() {
        try (RingCentralSimulator simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(10).build())) {
            String text = simulator.describe();
            assertTrue(text.contains(simulator.baseUrl().toString()));
            for (SimulatedAccount account : simulator.accounts()) {
                assertTrue(text.contains(account.accountId()));
                assertTrue(text.contains(account.companyName()));
                assertFalse(text.contains(simulator.adminJwt(account.accountId())));
            }
            assertFalse(text.contains(simulator.appCredentials().clientSecret()));
        }
    }

    @Test
    void autoTickChangesTheDataUntilClosed() {
        RingCentralSimulator simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(1).extensionsPerAccount(20).autoTickInterval(Duration.ofMillis(20)).build());
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (simulator.round() < 2) {
                    Thread.onSpinWait();
                }
            });
        } finally {
            simulator.close();
        }
    }

    @Test
    void requestLogIsBounded() {
        try (RingCentralSimulator simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(1).extensionsPerAccount(5).requestLogCapacity(3).build())) {
            SimClient client = new SimClient(simulator);
            for (int i = 0; i < 5; i++) {
                client.get("/restapi/v1.0/account/~", null);
            }
            assertEquals(3, simulator.requests().size());
            RecordedRequest last = simulator.requests().get(2);
            assertEquals(401, last.status());
            assertEquals("/restapi/v1.0/account/~", last.pathAndQuery());
            simulator.clearRequests();
            assertTrue(simulator.requests().isEmpty());
        }
    }

    @Test
    void secondSimulatorOnABusyPortFailsClearly() {
        try (RingCentralSimulator first = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(1).extensionsPerAccount(5).build())) {
            int port = first.baseUrl().getPort();
            assertThrows(java.io.UncheckedIOException.class, () -> RingCentralSimulator.start(
                    SimulatorOptions.builder().accounts(1).extensionsPerAccount(5).port(port).build()));
        }
    }
}
