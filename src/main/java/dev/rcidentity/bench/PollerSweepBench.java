package dev.rcidentity.bench;

import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.poller.Poller;
import dev.rcidentity.poller.PollerOptions;
import dev.rcidentity.poller.SweepOutcome;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;
import dev.rcidentity.simulator.SimulatorOptions;

import java.time.Clock;
import java.util.List;

/**
 * One full sweep of a simulated account by the real poller, publishing to the bench broker, under RingCentral's
 * default Medium limit (40 requests per window). The bound is what the limit allows: Medium requests / (40 / window).
 */
final class PollerSweepBench {
    static final String SECTION = "6. Poller";
    static final int MEDIUM_LIMIT = 40;

    private PollerSweepBench() {
    }

    static List<Figure> run(BenchKafka kafka, BenchOptions options) throws InterruptedException {
        SimulatorOptions simulatorOptions = SimulatorOptions.builder()
                .accounts(1)
                .extensionsPerAccount(options.pollerExtensions())
                .limit(RateLimitGroup.MEDIUM, MEDIUM_LIMIT)
                .rateLimitWindow(options.pollerWindow())
                .rateLimitPenalty(options.pollerWindow())
                .build();
        try (RingCentralSimulator simulator = RingCentralSimulator.start(simulatorOptions)) {
            SimulatedAccount account = simulator.accounts().get(0);
            ConnectionSettings connection = new ConnectionSettings("bench", simulator.baseUrl(),
                    simulator.appCredentials().clientId(), simulator.appCredentials().clientSecret(),
                    simulator.adminJwt(account.accountId()), null);
            try (Poller poller = Poller.create(List.of(connection), PollerOptions.defaults(),
                    kafka.clients(), Clock.systemUTC())) {
                poller.loadPublishedState();
                simulator.clearRequests();
                long start = System.nanoTime();
                SweepOutcome outcome = poller.sweepOnce("bench");
                double seconds = (System.nanoTime() - start) / 1e9;
                List<RecordedRequest> requests = simulator.requests();
                long medium = requests.stream().filter(r -> r.group() == RateLimitGroup.MEDIUM).count();
                long throttled = requests.stream().filter(r -> r.status() == 429).count();
                double bound = medium * options.pollerWindow().toMillis() / 1000.0 / MEDIUM_LIMIT;
                String note = String.format("%s: %,d extensions seen, %,d published, %d pages, %,d requests "
                                + "(%d Medium), limit %d per %d s window; bound %.1f s",
                        outcome.status(), outcome.extensionsSeen(), outcome.extensionsPublished(), outcome.pages(),
                        requests.size(), medium, MEDIUM_LIMIT, options.pollerWindow().toSeconds(), bound);
                Figure wall = Figure.info(SECTION, "full sweep, wall time", seconds, "s", List.of(seconds), note);
                wall = wall.relativeTo("rate-limit bound", bound).against("<= 1.1 x bound", outcome.completed() && seconds <= 1.1 * bound);
                Figure status429 = Figure.info(SECTION, "responses 429", throttled, "count", List.of((double) throttled),
                        null).against("0", throttled == 0);
                return List.of(wall, status429);
            }
        }
    }
}
