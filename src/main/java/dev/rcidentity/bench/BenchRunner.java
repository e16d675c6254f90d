package dev.rcidentity.bench;

import dev.rcidentity.topology.IdentityTopology;
import dev.rcidentity.topology.TopologyOptions;
import org.apache.kafka.streams.Topology;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs every step in order on its own embedded broker (in this JVM) and collects the figures. The work directory is
 * deleted at the end.
 */
public final class BenchRunner {
    static final String APPLICATION_ID = "rc-identity-bench";
    private static final long SEED = 42L;

    private final BenchOptions options;
    private final PrintStream log;
    private final AppLauncher launcher;
    private final BenchSections sections;
    private final List<Figure> figures = new ArrayList<>();

    /** Every section; {@code launcher} starts instances of the application as the commands do. */
    public BenchRunner(BenchOptions options, PrintStream log, AppLauncher launcher) {
        this(options, log, launcher, BenchSections.ALL);
    }

    /** @param sections all, or a subset for quick before/after runs of the topology or the lookups */
    public BenchRunner(BenchOptions options, PrintStream log, AppLauncher launcher, BenchSections sections) {
        this.options = options;
        this.log = log;
        this.launcher = launcher;
        this.sections = sections;
    }

    public BenchResults run(String command) throws Exception {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Path work = options.workDir();
        deleteRecursively(work);
        try {
            if (sections.topology()) {
                runOnMainBroker(work);
            }
            if (sections.poller()) {
                step("poller sweep of " + options.pollerExtensions() + " extensions");
                try (BenchKafka kafka = BenchKafka.start(work.resolve("kafka-poller"), options.partitions())) {
                    add(PollerSweepBench.run(kafka, options));
                }
                step(String.format("poller scale-out: %,d connections x %,d extensions, one then two instances "
                        + "(child JVMs), one of the two killed", options.pollerConnections(),
                        options.pollerConnectionExtensions()));
                add(PollerScaleBench.run(work.resolve("poller-scale"), options));
            }
            if (sections.push()) {
                step("push vs polling at POLL_INTERVAL=" + options.push().pollInterval() + ": " + options.push().accounts()
                        + " companies of " + options.push().extensions() + " extensions, both modes at once, each on its own broker");
                add(PushBench.run(options, launcher, work.resolve("push")));
            }
        } finally {
            deleteRecursively(work);
        }
        return results(command, startedAt, start);
    }

    private BenchResults results(String command, Instant startedAt, long start) {
        return new BenchResults(command, options.name(), startedAt, (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MemoryProbe.MIB, List.copyOf(figures));
    }

    private void runOnMainBroker(Path work) throws Exception {
        Workload workload = new Workload(options.accounts(), options.extensions(), SEED);
        Path stateDir = work.resolve("state");
        try (BenchKafka kafka = BenchKafka.start(work.resolve("kafka"), options.partitions())) {
            StreamsFloor.Floors floors = sections.floors() ? floors(kafka, stateDir) : null;

            MemoryProbe beforeStreams = MemoryProbe.afterGc();
            int httpPort = BenchKafka.freePort();
            Properties config = StreamsApp.config(kafka, APPLICATION_ID, stateDir, httpPort);
            Function<Properties, Topology> topology = c -> IdentityTopology.buildTopology(
                    TopologyOptions.defaults().withPartitions(options.partitions()), c);
            StreamsApp app = StreamsApp.start(kafka, config, topology, null);
            try {
                IdentityThroughput throughput = new IdentityThroughput(kafka, options, workload, app,
                        IdentityThroughput.InputTopics.PRODUCTION, IdentityThroughput.SECTION);
                step("identity topology: preload " + options.extensions() + " extensions");
                IdentityThroughput.Measured preload = throughput.preload();
                step("identity topology: " + options.repetitions() + " x " + options.loginsPerRun() + " logins");
                IdentityThroughput.Measured logins = throughput.logins();
                IdentityThroughput.Measured snapshots = null;
                if (sections.floors()) {
                    step("identity topology: " + options.repetitions() + " x " + options.snapshotsPerRun() + " snapshot updates");
                    snapshots = throughput.snapshots();
                    log(List.of(preload.rate(), logins.rate(), snapshots.rate(), preload.bytes(), logins.bytes(),
                            snapshots.bytes()));
                } else {
                    log(List.of(preload.rate(), logins.rate(), preload.bytes(), logins.bytes()));
                }

                step("latency at half the login throughput");
                List<Figure> latency = LoginLatency.run(kafka, options, workload, logins.rate().value());
                log(latency);

                if (sections.floors()) {
                    MemoryProbe afterLoad = MemoryProbe.now();
                    MemoryProbe afterLoadGc = MemoryProbe.afterGc();
                    List<Figure> memory = memory(beforeStreams, afterLoad, afterLoadGc, workload.logins.owners());
                    log(memory);

                    step("DSL peer on copies of the inputs: preload, logins, snapshot updates");
                    Workload peerWorkload = new Workload(options.accounts(), options.extensions(), SEED); // the same records
                    PeerFigures peer = PeerFigures.run(kafka, options, peerWorkload, stateDir);
                    figures.addAll(new Anchors(floors, peer).compare(preload, logins, snapshots));
                    figures.addAll(memory);
                } else {
                    figures.addAll(List.of(preload.rate(), logins.rate(), preload.bytes(), logins.bytes()));
                }
                figures.addAll(latency);
                if (sections.recovery()) {
                    step("recovery: wipe the state directory and restore from the changelogs");
                    RecoveryBench.Recovered recovered = RecoveryBench.run(kafka, app, config, stateDir, topology);
                    app = recovered.app();
                    add(List.of(recovered.figure()));
                }
                if (sections.lookups()) {
                    step("lookups through the HTTP API, with a second instance");
                    app.close(); // the lookup step runs the production wiring on the same state
                    add(new LookupLoad(kafka, options, launcher).run(APPLICATION_ID, stateDir, work.resolve("state-b"),
                            workload, latency.get(1)));
                }
            } finally {
                app.close();
            }
        }
    }

    private StreamsFloor.Floors floors(BenchKafka kafka, Path stateDir) throws Exception {
        step("Kafka floor: " + options.repetitions() + " x " + options.floorRecords() + " records");
        Workload floorData = new Workload(options.accounts(), options.extensions(), SEED);
        add(KafkaFloor.run(kafka, options, floorData));
        step("Streams floors: " + options.repetitions() + " x " + options.streamsRecords() + " records, "
                + "pass-through and stateful");
        StreamsFloor.Floors floors = StreamsFloor.run(kafka, options, floorData, stateDir);
        add(floors.all());
        return floors;
    }

    private List<Figure> memory(MemoryProbe beforeStreams, MemoryProbe afterLoad, MemoryProbe afterLoadGc,
                                long identities) {
        String section = RecoveryBench.SECTION;
        double streamsShare = afterLoad.rssMiB() - beforeStreams.rssMiB();
        return List.of(
                Figure.info(section, "RSS after the load (whole JVM)", afterLoad.rssMiB(), "MiB",
                        List.of(afterLoad.rssMiB()), String.format("broker, bench clients and streams in one JVM; "
                                + "before streams started: %s; after the load: %s; after a full GC: %s",
                                beforeStreams.describe(), afterLoad.describe(), afterLoadGc.describe()))
                        .against(String.format("<= 1536 MiB with %,d identities", identities), afterLoad.rssMiB() <= 1536),
                Figure.info(section, "RSS growth while streams ran", streamsShare, "MiB", List.of(streamsShare),
                        "RSS after the load minus RSS before the identity topology started: the streams side's share"),
                Figure.info(section, "heap used after the load (after GC)", afterLoadGc.heapUsedMiB(), "MiB",
                        List.of(afterLoadGc.heapUsedMiB()), null));
    }

    private void add(List<Figure> more) {
        figures.addAll(more);
        log(more);
    }

    private void log(List<Figure> more) {
        for (Figure f : more) {
            log.printf("    %-40s %s%s%n", f.name(), ResultsTable.value(f),
                    f.ratio() == null ? "" : String.format(" (%.2f x %s)", f.ratio(), f.floor()));
        }
    }

    private void step(String what) {
        log.printf("[%tT] %s%n", System.currentTimeMillis(), what);
    }

    /** Deletes a directory tree; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
