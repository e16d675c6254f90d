package dev.rcidentity.bench;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.kafka.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /v1/identities/{ownerId}} through the HTTP API of instance A, at a fixed concurrency: for keys A owns
 * (answered from its store) and for keys a second instance B owns (A forwards them), beside A's cheapest endpoint,
 * {@code /health/live}, as the HTTP floor. A and B are started as the {@code streams} command starts an instance
 * ({@link AppLauncher}); A on the state the earlier steps built, B joining with an empty state directory and taking
 * half the tasks at once. The load comes from wrk when it is installed, else from a client in this JVM; the figures
 * say which.
 */
final class LookupLoad {
    static final String SECTION = "5. Lookups";
    private static final int KEYS = 500;
    private static final Duration JIT_BOUND = Duration.ofSeconds(60);

    private final BenchKafka kafka;
    private final BenchOptions options;
    private final AppLauncher launcher;

    LookupLoad(BenchKafka kafka, BenchOptions options, AppLauncher launcher) {
        this.kafka = kafka;
        this.options = options;
        this.launcher = launcher;
    }

    /** @param loginP99 the latency step's login -> identity p99, which the read-your-writes wait is held to */
    List<Figure> run(String applicationId, Path stateDirA, Path stateDirB, Workload workload, Figure loginP99)
            throws Exception {
        int portA = BenchKafka.freePort();
        int portB = BenchKafka.freePort();
        try (AppLauncher.App a = launcher.start(kafka.bootstrapServers(), applicationId, stateDirA, portA);
             AppLauncher.App b = launcher.start(kafka.bootstrapServers(), applicationId, stateDirB, portB)) {
            awaitSplit(a.streams(), b.streams());
            List<String> local = new ArrayList<>();
            List<String> remote = new ArrayList<>();
            HostInfo hostA = new HostInfo("127.0.0.1", portA);
            StringSerializer keys = new StringSerializer();
            for (int draws = 0; local.size() < KEYS || remote.size() < KEYS; draws++) {
                if (draws > 100 * KEYS) {
                    throw new IllegalStateException("The tasks are not split between the two instances: " + local.size()
                            + " keys on A, " + remote.size() + " on B");
                }
                String owner = workload.logins.randomOwnerId();
                KeyQueryMetadata metadata = a.streams().queryMetadataForKey(StateStores.IDENTITIES.name(), owner, keys);
                (hostA.equals(metadata.activeHost()) ? local : remote).add("/v1/identities/" + owner);
            }
            awaitAnswer(portA, remote.get(0));
            awaitAnswer(portA, local.get(0));

            LoadClient client = client(options.lookupRequests(), options.lookupConcurrency());
            LoadClient steady = client(options.lookupRequests() / 4, LookupFigures.STEADY_CONNECTIONS);
            // One unmeasured load of each kind first (JMH's warm-up iterations): the first repetition otherwise
            // measured request paths the JIT was still compiling (a floor of ~11,000-13,000/s beside ~23,000/s next).
            for (List<String> paths : List.of(List.of("/health/live"), local, remote)) {
                client.run(portA, paths, null);
            }
            JitQuiet.Wait singlesJit = JitQuiet.await(JIT_BOUND);
            LookupFigures.Runs floor = LookupFigures.Runs.empty();
            LookupFigures.Runs locals = LookupFigures.Runs.empty();
            LookupFigures.Runs forwarded = LookupFigures.Runs.empty();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                floor.add(client.run(portA, List.of("/health/live"), null), steady.run(portA, List.of("/health/live"), null));
                locals.add(client.run(portA, local, "local"), steady.run(portA, local, "local"));
                forwarded.add(client.run(portA, remote, "forwarded"), steady.run(portA, remote, "forwarded"));
            }
            List<Figure> figures = new ArrayList<>(LookupFigures.of(client.name(), steady.name(), floor, locals, forwarded));
            figures.add(singlesJit.figure(SECTION, "the single GETs"));
            Batches batches = new Batches(new BatchLoad(workload), local, remote, client);
            JitQuiet.Wait batchesJit = batches.warmUp(portA);
            figures.addAll(batches.measure(portA, figures.get(2), figures.get(4), loginP99));
            figures.add(batchesJit.figure(SECTION, "the batches"));
            return figures;
        }
    }

    /** Owner and number batches and logins with ?wait against A, beside the same lookups one at a time. */
    private final class Batches {
        final List<String> ownerBodies;
        final List<String> ownerPaths;
        final List<String> numberBodies;
        final List<String> numberPaths;
        final List<String> loginBodies;
        final List<String> warmUpLogins;
        final LoadClient batchClient = client(options.lookupRequests() / 200 + 10, options.lookupConcurrency());
        final LoadClient loginClient = client(options.lookupRequests() / 20 + 10, options.lookupConcurrency());
        final LoadClient singleClient;

        Batches(BatchLoad batches, List<String> local, List<String> remote, LoadClient singleClient) {
            this.singleClient = singleClient;
            List<String> owners = Stream.concat(local.stream(), remote.stream())
                    .map(path -> path.substring(path.lastIndexOf('/') + 1)).toList();
            ownerBodies = batches.ownerBatches(owners);
            ownerPaths = BatchLoad.ownerPaths(owners);
            List<List<Map<String, String>>> numberQueries = batches.numberQueries();
            numberBodies = BatchLoad.numberBodies(numberQueries);
            numberPaths = BatchLoad.numberPaths(numberQueries);
            loginBodies = batches.logins();
            warmUpLogins = batches.logins();
        }

        /**
         * Unmeasured loads of each kind, twice in turn, then a wait for the JIT to settle. The batch kinds share the
         * read path with one another and with the single GETs; C2 compiled it again at each change of kind while its
         * code had seen one kind of query only (866 C2 compilations during the measured repetitions of one run,
         * QueryService.readHere seven times), so each kind comes twice before the measured ones.
         */
        JitQuiet.Wait warmUp(int portA) throws Exception {
            for (int round = 0; round < 2; round++) {
                load(portA, warmUpLogins, BatchLoad.Runs.empty());
            }
            return JitQuiet.await(JIT_BOUND);
        }

        /** One load of each kind into {@code runs}: the batches, logins with ?wait, their lookups one at a time. */
        void load(int portA, List<String> logins, BatchLoad.Runs runs) throws Exception {
            runs.owners().add(batchClient.post(portA, "/v1/owners/resolve", ownerBodies));
            runs.numbers().add(batchClient.post(portA, "/v1/numbers/resolve", numberBodies));
            runs.waits().add(loginClient.post(portA, "/v1/logins?wait=PT2S", logins));
            runs.ownerSingles().add(singleClient.run(portA, ownerPaths, null));
            runs.numberSingles().add(singleClient.run(portA, numberPaths, null));
        }

        List<Figure> measure(int portA, Figure singleGets, Figure forwardedGets, Figure loginP99) throws Exception {
            BatchLoad.Runs runs = BatchLoad.Runs.empty();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                load(portA, loginBodies, runs);
            }
            return BatchLoad.figures(batchClient.name(), runs, singleGets, forwardedGets, loginP99);
        }
    }

    /** wrk when it is installed; else the in-JVM client sending {@code requests} requests a repetition. */
    private LoadClient client(int requests, int concurrency) {
        return WrkLoadClient.find(concurrency, options.lookupWindow(), options.workDir().resolve("wrk"))
                .orElseGet(() -> new JavaLoadClient(requests, concurrency));
    }

    /** Until both instances hold active partitions (the cooperative rebalance takes more than one round). */
    private static void awaitSplit(KafkaStreams a, KafkaStreams b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            if (a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING) {
                Collection<StreamsMetadata> clients = a.metadataForAllStreamsClients();
                if (clients.size() == 2 && clients.stream().allMatch(c -> c.topicPartitions().stream()
                        .anyMatch(tp -> tp.topic().equals(Topics.EXTENSIONS.name())))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The identities are not split between the instances within 5 minutes: "
                        + a.state() + ", " + b.state());
            }
            Thread.sleep(200); // the poll interval of a wait on a condition
        }
    }

    private static void awaitAnswer(int port, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (JavaLoadClient.get(port, path).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " is not answered with 200 after 5 minutes");
            }
            Thread.sleep(100); // the poll interval of a wait on a condition
        }
    }
}
