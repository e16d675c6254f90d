package dev.rcidentity.cli;

import dev.rcidentity.bench.BenchOptions;
import dev.rcidentity.bench.BenchResults;
import dev.rcidentity.bench.BenchRunner;
import dev.rcidentity.bench.BenchSections;
import dev.rcidentity.bench.ResultsReport;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code bench}: the benchmark, on its own embedded broker. */
final class BenchCommand implements Command {
    static final Path OUTPUT = Path.of("target", "bench");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmark on an embedded broker: floors, topology, latency, poller, scale-out, memory, recovery";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar bench [--quick] [--bench-sections all|streams|lookups|poller|push]

                Starts its own embedded Kafka broker (in this JVM, in target/bench/work-<pid>, deleted afterwards) and
                measures, each figure the median of several repetitions and beside a floor measured in the same run:
                raw producer/consumer throughput, a pass-through Kafka Streams app (exactly_once_v2), the identity
                topology (logins and snapshot updates per second, 1,000,000 preloaded extensions), login -> identity
                latency at half load, a full poller sweep under the Medium rate limit, memory, and the time to
                restore the state after the state directory is wiped.
                The identity topology's figures sit beside two anchors of the same run: a stateful floor (one store,
                get + put + forward per record) and a DSL peer (the table as ksqlDB would build it), with the bytes
                each writes per input record.
                Prints a table and writes target/bench/results.json. --quick: a tenth of the data (under 3 minutes).
                --bench-sections streams: only the floors, the identity topology and its anchors, latency, memory.
                --bench-sections lookups: only the identity topology's preload and logins, latency and the lookups
                (single GETs, owner and number batches beside the same lookups one at a time, logins ?wait)
                through the HTTP API of two instances.
                --bench-sections poller: only the poller: the sweep under the Medium limit, and the scale-out (one
                vs two poller processes in a group: sweep throughput, RSS per instance, resume after kill -9).
                --bench-sections push: only push vs polling (webhook notifications vs POLL_INTERVAL sweeps of simulated
                companies): change -> rc.extensions.v1 staleness, RingCentral requests per hour, 429 answers.
                The memory figures depend on the heap limit: the README's were measured with java -Xmx1g -jar ...
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        boolean quick = settings.get(SettingKeys.QUICK);
        String sections = settings.get(SettingKeys.BENCH_SECTIONS);
        Optional<BenchSections> chosen = BenchSections.of(sections);
        if (chosen.isEmpty()) {
            console.err().println("BENCH_SECTIONS must be all, streams, lookups, poller or push, not " + sections);
            return Main.USAGE;
        }
        Path work = OUTPUT.resolve("work-" + ProcessHandle.current().pid());
        removeAbandonedWorkDirectories();
        BenchOptions options = quick ? BenchOptions.quick(work) : BenchOptions.full(work);
        String heap = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-Xmx")).map(arg -> arg + " ").findFirst().orElse("");
        String command = "java " + heap + "-jar target/rc-identity.jar bench" + (quick ? " --quick" : "")
                + (chosen.get() == BenchSections.ALL ? "" : " --bench-sections " + sections);
        long maxHeapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (maxHeapMiB > 1536) {
            console.out().printf("Note: the heap may grow to %,d MiB, and RSS with it; the README's figures were "
                    + "measured with java -Xmx1g -jar ...%n", maxHeapMiB);
        }
        BenchResults results = new BenchRunner(options, console.out(), new BenchInstances(), chosen.get())
                .run(command);
        Path json = OUTPUT.resolve("results.json");
        console.out().println();
        console.out().print(ResultsReport.write(results, json));
        console.out().println("Written to " + json);
        return Main.OK;
    }

    /** A killed bench leaves its work directory (a broker log and streams state) behind: remove those of dead runs. */
    private static void removeAbandonedWorkDirectories() throws IOException {
        if (!Files.isDirectory(OUTPUT)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(OUTPUT)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.matches("work-\\d+") && ProcessHandle.of(Long.parseLong(name.substring(5))).isEmpty()) {
                    BenchRunner.deleteRecursively(dir);
                }
            }
        }
    }
}
