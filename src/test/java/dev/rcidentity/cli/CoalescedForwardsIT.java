package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.kafka.KafkaTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many concurrent lookups sent to one instance for keys the other owns (found and not found, with API_TOKEN set): each
 * gets exactly the answer it gets alone, while the owner answers fewer requests than there were lookups.
 */
class CoalescedForwardsIT {
    private static final String IDENTITY_ROUTE = "/v1/identities/{ownerId}";
    private static final String LOOKUPS_ROUTE = "/internal/v1/lookups";
    private static final int LOOKUPS = 600;
    private static final int CONCURRENCY = 16;

    @TempDir
    Path dir;

    /** A single GET's answer, as the caller sees it. */
    private record Seen(int status, String body, String servedBy, String servedFrom) {
        static Seen of(TestInstance.Response response) {
            return new Seen(response.status(), response.body(), response.header("X-Served-By"),
                    response.header("X-Served-From"));
        }
    }

    @Test
    void concurrentForwardedLookupsEachGetTheirOwnAnswerInFewerRequests() throws Exception {
        Map<String, String> token = Map.of(SettingKeys.API_TOKEN.key(), "coalesce-it-token");
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 4)) {
            List<String> owners = TwoInstancesIT.load(kafka);
            try (TestInstance first = TestInstance.start(kafka.bootstrapServers(), dir, "coalesce-it", token)
                    .checkedAgainstOpenApi();
                 TestInstance second = TestInstance.start(kafka.bootstrapServers(), dir, "coalesce-it", token)) {
                TwoInstancesIT.awaitBothRunningWithTasks(first, second);
                List<String> paths = new ArrayList<>();
                List<Seen> alone = new ArrayList<>();
                for (String owner : owners) {
                    TestInstance.Response response = first.getUntil("/v1/identities/" + owner, TwoInstancesIT::complete,
                            TwoInstancesIT.WAIT);
                    if (second.name.equals(response.header("X-Served-By"))) {
                        paths.add("/v1/identities/" + owner);
                        alone.add(Seen.of(response));
                    }
                }
                int found = paths.size();
                for (int i = 0; i < 40 && paths.size() < 2 * found; i++) {
                    TestInstance.Response response = first.get("/v1/identities/" + (700_000 + i));
                    if (response.status() == 404 && second.name.equals(response.header("X-Served-By"))) {
                        paths.add("/v1/identities/" + (700_000 + i));
                        alone.add(Seen.of(response));
                    }
                }
                assertTrue(found > 0 && paths.size() > found, "the second instance owns found and unknown keys");
                alone.forEach(seen -> assertEquals("forwarded", seen.servedFrom(), seen.toString()));

                double before = second.requestCount(IDENTITY_ROUTE) + second.requestCount(LOOKUPS_ROUTE);
                double batchesBefore = second.requestCount(LOOKUPS_ROUTE);
                ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
                try {
                    List<Future<Seen>> answers = new ArrayList<>();
                    for (int i = 0; i < LOOKUPS; i++) {
                        String path = paths.get(i % paths.size());
                        answers.add(callers.submit(() -> Seen.of(first.get(path))));
                    }
                    for (int i = 0; i < LOOKUPS; i++) {
                        assertEquals(alone.get(i % paths.size()), answers.get(i).get(60, TimeUnit.SECONDS),
                                "the same answer as alone for " + paths.get(i % paths.size()));
                    }
                } finally {
                    callers.shutdownNow();
                }
                double requests = second.requestCount(IDENTITY_ROUTE) + second.requestCount(LOOKUPS_ROUTE) - before;
                assertTrue(second.requestCount(LOOKUPS_ROUTE) > batchesBefore, "some lookups travelled together");
                assertTrue(requests < LOOKUPS, "the owner answered " + requests + " requests for " + LOOKUPS + " lookups");
            }
        }
    }
}
