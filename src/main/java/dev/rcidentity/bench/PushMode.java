package dev.rcidentity.bench;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;
import dev.rcidentity.simulator.SimulatorChanges;
import dev.rcidentity.simulator.SimulatorOptions;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One mode of the push section on its own broker and simulator (RingCentral's default rate limits): a poller started
 * as the {@code poller} command starts one, with push (the simulator delivers to the poller's own receiver on
 * loopback) or polling only. After the first sweeps (and, with push, every subscription), rounds of simulator changes;
 * each rename and renumber is timed to its snapshot in {@code rc.extensions.v1}.
 */
final class PushMode {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration PUSH_DRAIN = Duration.ofSeconds(30);

    /**
     * @param startup the requests of the first sweeps (and subscriptions), all companies; under load some companies
     *                are swept twice before every extension is seen
     * @param sweep   the requests of one full sweep: the fewest of one company during the startup
     * @param window  the requests from the first round of changes until the last change was seen
     */
    record Measured(double[] staleness, int changes, int unseen, double windowSeconds, Requests startup,
                    Requests sweep, Requests window) {
    }

    /** Requests by rate-limit group and the 429 answers among them. */
    record Requests(long medium, long light, long throttled) {
        static Requests of(List<RecordedRequest> log) {
            return new Requests(log.stream().filter(r -> r.group() == RateLimitGroup.MEDIUM).count(),
                    log.stream().filter(r -> r.group() == RateLimitGroup.LIGHT).count(),
                    log.stream().filter(r -> r.status() == 429).count());
        }

        /** Per company (the token's owner, the account's administrator): the fewest Medium and Light requests. */
        static Requests fewestOfOneCompany(List<RecordedRequest> log) {
            Map<String, List<RecordedRequest>> byCompany = log.stream().filter(r -> r.ownerId() != null)
                    .collect(Collectors.groupingBy(RecordedRequest::ownerId));
            List<Requests> perCompany = byCompany.values().stream().map(Requests::of).toList();
            return new Requests(perCompany.stream().mapToLong(Requests::medium).min().orElse(0),
                    perCompany.stream().mapToLong(Requests::light).min().orElse(0), 0);
        }
    }

    private PushMode() {
    }

    static Measured run(boolean push, BenchOptions options, Path dir, AppLauncher launcher) throws Exception {
        BenchOptions.PushSizes sizes = options.push();
        SimulatorOptions simulatorOptions = SimulatorOptions.builder().accounts(sizes.accounts())
                .extensionsPerAccount(sizes.extensions()).build();
        try (RingCentralSimulator simulator = RingCentralSimulator.start(simulatorOptions);
             BenchKafka kafka = BenchKafka.start(dir.resolve("kafka"), options.partitions());
             StalenessWatch watch = new StalenessWatch(kafka);
             AutoCloseable poller = launcher.startPoller(kafka.bootstrapServers(), settings(push, sizes, simulator, dir))) {
            awaitFirstSweeps(push, simulator, watch);
            List<RecordedRequest> startupLog = simulator.requests();
            Requests startup = Requests.of(startupLog);
            Requests sweep = Requests.fewestOfOneCompany(startupLog);
            simulator.clearRequests();
            Duration every = push ? sizes.tickEvery() : sizes.pollInterval().dividedBy(sizes.ticks());
            long start = System.nanoTime();
            int changes = 0;
            for (int round = 0; round < sizes.ticks(); round++) {
                if (round > 0) {
                    Thread.sleep(every.toMillis()); // paces the rounds of changes; nothing waits on it
                }
                long before = System.nanoTime();
                for (SimulatorChanges.Change change : simulator.tick().changes()) {
                    if (change.kind() == SimulatorChanges.Kind.RENAMED) {
                        watch.await(change.extensionId(), null, before);
                        changes++;
                    } else if (change.kind() == SimulatorChanges.Kind.NUMBER_RECYCLED) {
                        watch.await(change.extensionId(), change.extensionNumber(), before);
                        changes++;
                    } else if (change.kind() == SimulatorChanges.Kind.DEPARTED) {
                        watch.departed(change.extensionId());
                    }
                }
            }
            watch.drain(push ? PUSH_DRAIN : sizes.pollInterval().multipliedBy(2).plus(PUSH_DRAIN));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measured(watch.samples(), changes, watch.pending(), seconds, startup, sweep,
                    Requests.of(simulator.requests()));
        }
    }

    private static Map<String, String> settings(boolean push, BenchOptions.PushSizes sizes,
                                                RingCentralSimulator simulator, Path dir) {
        Path connections = dir.resolve("connections.json");
        simulator.writeConnectionsFile(connections);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        int port = BenchKafka.freePort();
        Map<String, String> settings = new HashMap<>(Map.of(
                SettingKeys.APPLICATION_ID.key(), "rc-identity-bench-push",
                SettingKeys.RC_CONNECTIONS_FILE.key(), connections.toString(),
                SettingKeys.CREDENTIALS_KEY.key(), Base64.getEncoder().encodeToString(key),
                SettingKeys.HTTP_HOST.key(), "127.0.0.1",
                SettingKeys.HTTP_PORT.key(), String.valueOf(port),
                SettingKeys.POLL_INTERVAL.key(), sizes.pollInterval().toString()));
        if (push) {
            settings.put(SettingKeys.WEBHOOK_BASE_URL.key(), "http://127.0.0.1:" + port);
        }
        return settings;
    }

    /** Until every extension was published and, with push, every company holds a subscription. */
    private static void awaitFirstSweeps(boolean push, RingCentralSimulator simulator, StalenessWatch watch)
            throws InterruptedException {
        int extensions = 0;
        for (SimulatedAccount account : simulator.accounts()) {
            extensions += simulator.extensions(account.accountId()).size();
        }
        int companies = simulator.accounts().size();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (watch.extensionsSeen() < extensions || (push && subscriptions(simulator) < companies)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("The first sweeps are not done within %s: %,d of %,d "
                        + "extensions published, %d of %d subscriptions", STARTUP, watch.extensionsSeen(), extensions,
                        subscriptions(simulator), companies));
            }
            Thread.sleep(200); // the poll interval of a wait on a condition
        }
    }

    private static long subscriptions(RingCentralSimulator simulator) {
        return simulator.requests().stream().filter(r -> r.method().equals("POST") && r.status() == 200
                && r.pathAndQuery().startsWith("/restapi/v1.0/subscription") && !r.pathAndQuery().contains("/renew"))
                .count();
    }
}
