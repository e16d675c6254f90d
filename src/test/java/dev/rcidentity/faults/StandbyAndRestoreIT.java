package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Streams instances in child JVMs, one broker in this JVM. A wiped state directory is restored from the changelogs to
 * identical answers; when an instance is killed with SIGKILL, the other answers its keys from its standby copy (no
 * staler than maxLagMs) or says 503 with Retry-After, never a wrong answer or a 500, and then takes them over.
 */
class StandbyAndRestoreIT {
    private static final int OWNERS = 24;
    private static final long MAX_LAG_MS = 30_000;

    @TempDir
    static Path dir;
    private static KafkaTestCluster kafka;
    private static final List<String> OWNER_IDS = LoginBacklog.owners(OWNERS);

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start(dir, 4);
        InputRecord.sendAll(kafka.bootstrapServers(), LoginBacklog.of(OWNERS, 1));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aWipedStateDirectoryIsRestoredToIdenticalAnswers() throws Exception {
        Path state = dir.resolve("wiped-state");
        int port = ChildJvm.freePort();
        Map<String, String> before;
        try (ChildJvm streams = start("restore-it", state, port, "0")) {
            before = answersOnceComplete(port, streams);
            streams.kill();
        }
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        assertTrue(Files.notExists(state));
        Instant restart = Instant.now();
        try (ChildJvm streams = start("restore-it", state, port, "0")) {
            assertEquals(before, answersOnceComplete(port, streams), "the same answers after the restore");
        }
        FaultFigures.record("StandbyAndRestoreIT", OWNERS + " identities identical after wiping the state: "
                + Duration.between(restart, Instant.now()).toMillis() + " ms from the JVM start to every answer");
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aStandbyAnswersForAKilledInstanceAndIsPromoted() throws Exception {
        int survivorPort = ChildJvm.freePort();
        int victimPort = ChildJvm.freePort();
        try (ChildJvm survivor = start("standby-it", dir.resolve("state-survivor"), survivorPort, "1");
             ChildJvm victim = start("standby-it", dir.resolve("state-victim"), victimPort, "1")) {
            Map<String, String> expected = answersOnceComplete(survivorPort, survivor);
            answersOnceComplete(victimPort, victim);
            String survivorName = "127.0.0.1:" + survivorPort;
            long victimOwned = awaitBothOwnKeys(survivorPort, survivorName, survivor, victim);

            victim.kill();
            Instant killed = Instant.now();
            Map<String, Integer> served = new HashMap<>();
            PipelineProgress.await("the survivor taking every key over", () -> {
                Map<String, String> how = new TreeMap<>();
                for (String owner : OWNER_IDS) {
                    Api.Answer answer = Api.get(survivorPort, "/v1/identities/" + owner + "?maxLagMs=" + MAX_LAG_MS);
                    how.put(owner, check(owner, answer, expected.get(owner)));
                    served.merge(how.get(owner), 1, Integer::sum);
                }
                return how;
            }, how -> how.values().stream().allMatch("local"::equals), () -> "answers so far " + served, survivor);
            assertTrue(victimOwned > 0);
            FaultFigures.record("StandbyAndRestoreIT", "after SIGKILL of the instance owning " + victimOwned + " of "
                    + OWNERS + " keys, every key local on the survivor in "
                    + Duration.between(killed, Instant.now()).toMillis() + " ms; answers on the way " + served);
        }
    }

    /** Right (with its staleness within the bound when a standby answered), or 503 with Retry-After: nothing else. */
    private static String check(String owner, Api.Answer answer, String expected) {
        if (answer.status() == 503) {
            assertTrue(answer.header("Retry-After").isPresent(), "503 says when to retry, for " + owner);
            return "503";
        }
        if (answer.status() != 200) {
            fail("unexpected " + answer.status() + " for " + owner + ": " + (answer.response() == null ? "" : answer.body()));
        }
        assertEquals(expected, answer.body(), "a right answer or none, for " + owner);
        String from = answer.header("X-Served-From").orElse("?");
        if (from.equals("standby")) {
            long stale = Long.parseLong(answer.header("X-Stale-Ms").orElse("-1"));
            assertTrue(stale >= 0 && stale <= MAX_LAG_MS, "standby staleness " + stale + " ms for " + owner);
        }
        return from;
    }

    /** Waits until the keys are spread over both instances; returns how many the other instance owns. */
    private static long awaitBothOwnKeys(int port, String name, ChildJvm... instances) throws Exception {
        Map<String, String> servedBy = PipelineProgress.await("the keys spreading over both instances", () -> {
            Map<String, String> by = new TreeMap<>();
            for (String owner : OWNER_IDS) {
                Api.Answer answer = Api.get(port, "/v1/identities/" + owner);
                by.put(owner, answer.status() != 200 ? String.valueOf(answer.status())
                        : "200 " + answer.header("X-Served-By").orElse(""));
            }
            return by;
        }, by -> others(by, name) > 0 && others(by, name) < OWNERS, () -> "", instances);
        return others(servedBy, name);
    }

    private static long others(Map<String, String> servedBy, String name) {
        return servedBy.values().stream().filter(by -> by.startsWith("200 ") && !by.equals("200 " + name)).count();
    }

    /** Every owner's identity once it is complete (its login counted, its account filled in), by owner. */
    private static Map<String, String> answersOnceComplete(int port, ChildJvm streams) throws Exception {
        return new HashMap<>(PipelineProgress.awaitAnswers(port, OWNER_IDS, StandbyAndRestoreIT::complete, streams));
    }

    private static boolean complete(Api.Answer answer) {
        return answer.status() == 200 && answer.body().contains("\"loginCount\":1") && answer.body().contains("Globex");
    }

    private static ChildJvm start(String applicationId, Path state, int port, String standbys) throws Exception {
        return ChildJvm.streams(kafka.bootstrapServers(), applicationId, state, port,
                Map.of("NUM_STANDBY_REPLICAS", standbys), ChildJvm.logFile(applicationId));
    }
}
