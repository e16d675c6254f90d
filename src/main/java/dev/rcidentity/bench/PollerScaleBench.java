package dev.rcidentity.bench;

import dev.rcidentity.poller.SweepPacing;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The poller's scale-out (issue 11): one, then two poller processes of group POLLER_GROUP_ID sweep one connection per
 * simulated company, each round on a fresh broker against the same simulator. The simulator's limits are raised far
 * above what the sweeps ask (every group 1,000,000 requests per 60 s window; one sweep asks 3 or 4 requests of its
 * company, far below RingCentral's own per-company limits too). Every answer takes {@link #LATENCY}, as RingCentral's
 * do: what bounds an instance in production is its concurrent sweeps times RingCentral's latency, not CPU, and on the
 * bench's 2 shared cores (simulator, broker and both children in one box) a CPU-bound sweep could not show two
 * instances doing more than one. The session timeout is shorter than Kafka's 45 s default so the kill round fits.
 */
final class PollerScaleBench {
    static final String SECTION = "7. Poller scale-out";
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RESUME_TARGET = Duration.ofSeconds(45);
    private static final int UNLIMITED = 1_000_000;
    /** RingCentral's answers take a few hundred ms (an extension page of 1,000 records more). */
    static final Duration LATENCY = Duration.ofMillis(400);

    private PollerScaleBench() {
    }

    static List<Figure> run(Path work, BenchOptions options) throws Exception {
        SimulatorOptions.Builder simulator = SimulatorOptions.builder().accounts(options.pollerConnections())
                .extensionsPerAccount(options.pollerConnectionExtensions()).seed(11)
                .rateLimitWindow(Duration.ofSeconds(60));
        for (RateLimitGroup group : RateLimitGroup.values()) {
            simulator.limit(group, UNLIMITED);
        }
        try (RingCentralSimulator sim = RingCentralSimulator.start(simulator.build())) {
            sim.faults().slowResponses(LATENCY);
            PollerRound.Measured one = PollerRound.run(work.resolve("one"), options.partitions(), sim, 1,
                    SESSION_TIMEOUT, false);
            PollerRound.Measured two = PollerRound.run(work.resolve("two"), options.partitions(), sim, 2,
                    SESSION_TIMEOUT, true);
            return figures(options, one, two);
        }
    }

    private static List<Figure> figures(BenchOptions options, PollerRound.Measured one, PollerRound.Measured two) {
        long extensions = (long) options.pollerConnections() * options.pollerConnectionExtensions();
        String sizes = String.format("%,d connections x %,d extensions (%,d), %d partitions, simulator limits %,d "
                        + "requests/window per company and group (never reached), every answer %d ms late (RingCentral's latency: the "
                        + "sweeps are bound by it and the instance's %d concurrent sweeps, POLLER_MAX_CONCURRENT_SWEEPS' "
                        + "default); child JVMs %s", options.pollerConnections(), options.pollerConnectionExtensions(),
                extensions, options.partitions(), UNLIMITED, LATENCY.toMillis(),
                SweepPacing.DEFAULT_MAX_CONCURRENT_SWEEPS, PollerChild.HEAP);
        double rateOne = extensions / one.sweepSeconds();
        double rateTwo = extensions / two.sweepSeconds();
        List<Figure> figures = new ArrayList<>();
        Figure single = Figure.info(SECTION, "sweep, one instance", rateOne, "extensions/s", List.of(rateOne),
                String.format("%s; timed from the put of the first connection (the instances already in the group, "
                        + "their assignment stable) to the last completed first sweep: %s", sizes, timing(one)));
        figures.add(single);
        figures.add(Figure.info(SECTION, "sweep, two instances", rateTwo, "extensions/s", List.of(rateTwo),
                        "the same, both instances in the group before the put: " + timing(two))
                .relativeTo(single).against(">= 1.8 x one instance", rateTwo >= 1.8 * rateOne));
        double rssOne = one.rssMiB().get(0);
        double rssTwo = max(two.rssMiB());
        Figure rssSingle = Figure.info(SECTION, "RSS, one instance", rssOne, "MiB", one.rssMiB(),
                "after its sweep of every connection");
        figures.add(rssSingle);
        figures.add(Figure.info(SECTION, "RSS per instance, two instances", rssTwo, "MiB", two.rssMiB(),
                        "the larger of the two, each holding about half the connections, after their sweeps")
                .relativeTo(rssSingle).against("<= 0.6 x one instance", rssTwo <= 0.6 * rssOne));
        List<Double> idle = Stream.concat(one.idleRssMiB().stream(), two.idleRssMiB().stream()).toList();
        figures.add(Figure.info(SECTION, "RSS of an instance holding no connection", Stats.median(idle), "MiB", idle,
                "each instance in the group before the put (the JVM, the Kafka and HTTP clients, the API): what every "
                        + "instance has, whatever its share"));
        double aboveOne = rssOne - one.idleRssMiB().get(0);
        Figure aboveSingle = Figure.info(SECTION, "RSS above idle, one instance", aboveOne, "MiB", List.of(aboveOne),
                "its RSS after the sweeps less its own before the put: what holding every connection added");
        figures.add(aboveSingle);
        List<Double> aboveTwo = new ArrayList<>();
        for (int i = 0; i < two.rssMiB().size(); i++) {
            aboveTwo.add(two.rssMiB().get(i) - two.idleRssMiB().get(i));
        }
        figures.add(Figure.info(SECTION, "RSS above idle per instance, two instances", max(aboveTwo), "MiB", aboveTwo,
                "the larger of the two, as above").relativeTo(aboveSingle));
        double heapOne = one.liveHeapMiB().get(0);
        Figure heapSingle = Figure.info(SECTION, "live heap, one instance", heapOne, "MiB", one.liveHeapMiB(),
                "heap in use after a full collection (jcmd GC.run, then GC.heap_info), taken after the RSS: the "
                        + "published state it holds plus the JVM's own");
        figures.add(heapSingle);
        figures.add(Figure.info(SECTION, "live heap per instance, two instances", max(two.liveHeapMiB()), "MiB",
                two.liveHeapMiB(), "the larger of the two, as above").relativeTo(heapSingle));
        PollerRound.Resume resume = two.resume();
        figures.add(Figure.info(SECTION, "resume after kill -9 of one of two", resume.heldSeconds(), "s",
                        List.of(resume.heldSeconds()), String.format("from SIGKILL until the survivor held all %d "
                                + "connections the killed instance held (their sweeps scheduled; group session timeout "
                                + "%d s); its first sweep of one of them completed %.1f s after the kill, the last %.1f s "
                                + "after (%d concurrent sweeps, each account's published state read first)",
                        two.orphans(), SESSION_TIMEOUT.toSeconds(), resume.firstSweptSeconds(),
                        resume.allSweptSeconds(), SweepPacing.DEFAULT_MAX_CONCURRENT_SWEEPS))
                .against("<= " + RESUME_TARGET.toSeconds() + " s", resume.heldSeconds() <= RESUME_TARGET.toSeconds()));
        return figures;
    }

    private static String timing(PollerRound.Measured round) {
        return String.format("%.1f s (the put of the connections, 16 at a time, took %.1f s, the first sweep completed "
                        + "%.1f s after its start); CPU used meanwhile by the instance(s) %s s, by the bench "
                        + "JVM (simulator, broker) %.0f s, of %d cores x %.0f s", round.sweepSeconds(),
                round.putSeconds(), round.firstSeconds(), round.cpuSeconds().stream()
                        .map(s -> String.format("%.0f", s)).toList(), round.benchCpuSeconds(),
                Runtime.getRuntime().availableProcessors(), round.sweepSeconds());
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
