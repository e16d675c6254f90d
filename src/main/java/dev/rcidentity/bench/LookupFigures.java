package dev.rcidentity.bench;

import java.util.List;

/** The lookup section's figures: the HTTP floor, and local and forwarded lookups against it, each with its p99. */
final class LookupFigures {
    static final String FLOOR = "HTTP floor: GET /health/live";
    static final double LOCAL_TARGET = 0.8;
    static final double FORWARDED_TARGET = 0.5;
    static final double P99_TARGET_MS = 5;

    private LookupFigures() {
    }

    static List<Figure> of(String client, List<LoadClient.Load> floor, List<LoadClient.Load> locals,
                           List<LoadClient.Load> forwarded) {
        Figure floorFigure = rate(FLOOR, client, floor);
        Figure local = rate("local keys", client, locals).relativeTo(floorFigure);
        Figure remote = rate("forwarded keys", client, forwarded).relativeTo(floorFigure);
        return List.of(floorFigure,
                p99(FLOOR, floor, false),
                local.against(">= " + LOCAL_TARGET + " x floor", local.ratio() >= LOCAL_TARGET),
                p99("local keys", locals, true),
                remote.against(">= " + FORWARDED_TARGET + " x floor", remote.ratio() >= FORWARDED_TARGET),
                p99("forwarded keys", forwarded, true));
    }

    private static Figure rate(String name, String client, List<LoadClient.Load> loads) {
        long unexpected = loads.stream().mapToLong(LoadClient.Load::unexpected).sum();
        String note = String.format("measured by %s; p50 %.2f ms; %d answers not 200 or not served as expected", client,
                Stats.median(loads.stream().map(LoadClient.Load::p50Ms).toList()), unexpected);
        return Figure.info(LookupLoad.SECTION, name + " (" + client.split(",")[0] + ")", Stats.median(rates(loads)),
                "requests/s", rates(loads), note);
    }

    private static Figure p99(String name, List<LoadClient.Load> loads, boolean withTarget) {
        List<Double> samples = loads.stream().map(LoadClient.Load::p99Ms).toList();
        Figure figure = Figure.info(LookupLoad.SECTION, name + " p99", Stats.median(samples), "ms", samples, null);
        return withTarget ? figure.against("<= " + (int) P99_TARGET_MS + " ms", figure.value() <= P99_TARGET_MS) : figure;
    }

    private static List<Double> rates(List<LoadClient.Load> loads) {
        return loads.stream().map(LoadClient.Load::requestsPerSecond).toList();
    }
}
