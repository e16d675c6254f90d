package dev.rcidentity.bench;

import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The batch and read-your-writes figures of the lookup section, against instance A of {@link LookupLoad} (keys on
 * both instances): {@code POST /v1/owners/resolve} with 1,000 owner ids and {@code POST /v1/numbers/resolve} with
 * 1,000 number queries, in items per second beside single GETs of the same run (target: >= 10 x), and
 * {@code POST /v1/logins?wait=PT2S} (fresh logins of known owners), whose p99 is held to 2 x the login -> identity
 * p99 of the latency step.
 */
final class BatchLoad {
    static final int ITEMS = 1_000;
    static final double BATCH_TARGET = 10;
    static final double WAIT_TARGET = 2;
    private static final int BATCHES = 10;
    private static final int LOGINS = 5_000;

    private final Workload workload;
    private final Random random = new Random(7);

    BatchLoad(Workload workload) {
        this.workload = workload;
    }

    /** Batches of owner ids drawn from {@code ownerIds} (keys on both instances), each in another order. */
    List<String> ownerBatches(List<String> ownerIds) {
        List<String> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>(ownerIds);
        for (int b = 0; b < BATCHES; b++) {
            Collections.shuffle(ids, random);
            bodies.add(json(Map.of("ownerIds", ids.subList(0, Math.min(ITEMS, ids.size())))));
        }
        return bodies;
    }

    /** Batches of number queries: the number each preloaded extension held when it was first seen. */
    List<String> numberBatches() {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, String>> queries = new ArrayList<>();
            for (int q = 0; q < ITEMS; q++) {
                ExtensionSnapshot extension = workload.extension(random.nextInt(workload.extensions()));
                queries.add(Map.of("accountId", extension.accountId(), "extensionNumber", extension.extensionNumber(),
                        "at", extension.observedAt().toString()));
            }
            bodies.add(json(Map.of("queries", queries)));
        }
        return bodies;
    }

    /** Fresh logins (each a new event time) of owners whose extensions are known. */
    List<String> logins() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            bodies.add(json(Map.of("owner_id", Workload.extensionId(random.nextInt(workload.extensions())),
                    "loggedInAt", workload.nextTime().toString())));
        }
        return bodies;
    }

    /**
     * @param singleGets    single GETs of keys on instance A, the figure the target holds batches to
     * @param forwardedGets single GETs of keys on instance B (a batch holds keys of both)
     */
    static List<Figure> figures(String client, List<LoadClient.Load> owners, List<LoadClient.Load> numbers,
                                List<LoadClient.Load> waits, Figure singleGets, Figure forwardedGets, Figure loginP99) {
        List<Figure> figures = new ArrayList<>();
        for (var batch : List.of(Map.entry("owner batches", owners), Map.entry("number batches", numbers))) {
            List<Double> items = batch.getValue().stream().map(l -> l.requestsPerSecond() * ITEMS).toList();
            double median = Stats.median(items);
            String note = String.format("batches measured by %s, single GETs by %s, same run; keys on both instances: "
                            + "%.1f x single forwarded GETs (%,.0f requests/s); p50 %.0f ms per batch; %s; %d answers "
                            + "not 2xx", client, singleGets.name().replaceAll(".*\\((.*)\\)$", "$1"),
                    median / forwardedGets.value(), forwardedGets.value(),
                    LookupFigures.median(batch.getValue(), LoadClient.Load::p50Ms),
                    LookupFigures.cpu(batch.getValue(), ITEMS, "an item"), LookupFigures.unexpected(batch.getValue()));
            Figure rate = Figure.info(LookupLoad.SECTION, batch.getKey() + " (" + ITEMS + " items)", median,
                    "items/s", items, note).relativeTo(singleGets);
            figures.add(rate.against(">= " + (int) BATCH_TARGET + " x single GETs", rate.ratio() >= BATCH_TARGET));
            figures.add(p99(batch.getKey() + " p99 per batch", batch.getValue()));
        }
        Figure wait = p99("POST /v1/logins?wait=PT2S p99", waits).relativeTo(loginP99);
        figures.add(wait.against("<= " + (int) WAIT_TARGET + " x login -> identity p99", wait.ratio() <= WAIT_TARGET));
        return figures;
    }

    private static Figure p99(String name, List<LoadClient.Load> loads) {
        List<Double> samples = loads.stream().map(LoadClient.Load::p99Ms).toList();
        return Figure.info(LookupLoad.SECTION, name, Stats.median(samples), "ms", samples,
                String.format("p50 %.1f ms; %d answers not 2xx", LookupFigures.median(loads, LoadClient.Load::p50Ms),
                        LookupFigures.unexpected(loads)));
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
