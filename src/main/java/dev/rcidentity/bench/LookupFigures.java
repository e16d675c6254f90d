package dev.rcidentity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The lookup section's figures: the HTTP floor, and local and forwarded lookups against it. Throughput is measured at
 * the section's concurrency, which saturates the server (its p99 is mostly queueing, so it goes in the note); the p99
 * figures come from separate runs at {@link #STEADY_CONNECTIONS} connections, each waiting for its answer before it
 * sends the next: at most that many requests in flight, so the figure is the time to serve one, not the queue.
 */
final class LookupFigures {
    static final String FLOOR = "HTTP floor: GET /health/live";
    static final double LOCAL_TARGET = 0.8;
    static final double FORWARDED_TARGET = 0.5;
    static final double P99_TARGET_MS = 5;
    /** The concurrency of the latency runs: one request in flight per core of the 2-core reference machine. */
    static final int STEADY_CONNECTIONS = 2;

    /** The repetitions of one kind of request: at the section's concurrency, and at {@link #STEADY_CONNECTIONS}. */
    record Runs(List<LoadClient.Load> busy, List<LoadClient.Load> steady) {
        static Runs empty() {
            return new Runs(new ArrayList<>(), new ArrayList<>());
        }

        void add(LoadClient.Load busyLoad, LoadClient.Load steadyLoad) {
            busy.add(busyLoad);
            steady.add(steadyLoad);
        }
    }

    private LookupFigures() {
    }

    /**
     * @param client       the client of the throughput runs, as the table names it
     * @param steadyClient the client of the latency runs
     */
    static List<Figure> of(String client, String steadyClient, Runs floor, Runs locals, Runs forwarded) {
        Figure floorFigure = rate(FLOOR, client, floor.busy());
        Figure local = rate("local keys", client, locals.busy()).relativeTo(floorFigure);
        Figure remote = rate("forwarded keys", client, forwarded.busy()).relativeTo(floorFigure);
        return List.of(floorFigure,
                p99(FLOOR, steadyClient, floor.steady(), false),
                local.against(">= " + LOCAL_TARGET + " x floor", local.ratio() >= LOCAL_TARGET),
                p99("local keys", steadyClient, locals.steady(), true),
                remote.against(">= " + FORWARDED_TARGET + " x floor", remote.ratio() >= FORWARDED_TARGET),
                p99("forwarded keys", steadyClient, forwarded.steady(), true));
    }

    static Figure rate(String name, String client, List<LoadClient.Load> loads) {
        String note = String.format("measured by %s (saturating); p50 %.2f ms, p99 %.2f ms at that load; %s; %d "
                        + "answers not 200 or not served as expected", client, median(loads, LoadClient.Load::p50Ms),
                median(loads, LoadClient.Load::p99Ms), cpu(loads, 1, "a request"), unexpected(loads));
        return Figure.info(LookupLoad.SECTION, name + " (" + client.split(",")[0] + ")", Stats.median(rates(loads)),
                "requests/s", rates(loads), note);
    }

    private static Figure p99(String name, String client, List<LoadClient.Load> loads, boolean withTarget) {
        List<Double> samples = loads.stream().map(LoadClient.Load::p99Ms).toList();
        String note = String.format("measured by %s, each waiting for its answer: %,.0f requests/s; p50 %.2f ms; %d "
                + "answers not 200", client, Stats.median(rates(loads)), median(loads, LoadClient.Load::p50Ms),
                unexpected(loads));
        Figure figure = Figure.info(LookupLoad.SECTION, name + " p99 at " + STEADY_CONNECTIONS + " connections",
                Stats.median(samples), "ms", samples, note);
        return withTarget ? figure.against("<= " + (int) P99_TARGET_MS + " ms", figure.value() <= P99_TARGET_MS) : figure;
    }

    /**
     * The CPU a request (or an item: {@code per} of them a request) cost, medians of the repetitions: the bench JVM's
     * (the servers, the idle broker, an in-JVM client) and an external client's. Both share the machine's cores, so the
     * ratio of two rates is bounded by the ratio of their sums.
     */
    static String cpu(List<LoadClient.Load> loads, int per, String what) {
        double server = median(loads, LoadClient.Load::serverCpuMicros) / per;
        double client = median(loads, LoadClient.Load::clientCpuMicros) / per;
        return Double.isNaN(client) ? String.format("CPU %.1f us %s (servers and client, one JVM)", server, what)
                : String.format("CPU %.1f us %s in the servers' JVM + %.1f us in the client", server, what, client);
    }

    static double median(List<LoadClient.Load> loads, ToDoubleFunction<LoadClient.Load> f) {
        return Stats.median(loads.stream().map(f::applyAsDouble).toList());
    }

    static long unexpected(List<LoadClient.Load> loads) {
        return loads.stream().mapToLong(LoadClient.Load::unexpected).sum();
    }

    private static List<Double> rates(List<LoadClient.Load> loads) {
        return loads.stream().map(LoadClient.Load::requestsPerSecond).toList();
    }
}
