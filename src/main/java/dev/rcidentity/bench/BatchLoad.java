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
 * 1,000 number queries, in items per second beside the same lookups one at a time in the same run, keys on both
 * instances ({@code GET /v1/owners/{id}}, {@code GET /v1/accounts/{a}/extension-numbers/{n}?at=}; target: >= 10 x),
 * the notes also beside the section's single local and forwarded {@code GET /v1/identities/{id}}; and
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
    List<List<Map<String, String>>> numberQueries() {
        List<List<Map<String, String>>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, String>> queries = new ArrayList<>();
            for (int q = 0; q < ITEMS; q++) {
                ExtensionSnapshot extension = workload.extension(random.nextInt(workload.extensions()));
                queries.add(Map.of("accountId", extension.accountId(), "extensionNumber", extension.extensionNumber(),
                        "at", extension.observedAt().toString()));
            }
            batches.add(queries);
        }
        return batches;
    }

    /** The bodies of {@code POST /v1/numbers/resolve} asking for these batches. */
    static List<String> numberBodies(List<List<Map<String, String>>> batches) {
        return batches.stream().map(queries -> json(Map.of("queries", queries))).toList();
    }

    /** The same number queries one at a time: {@code GET /v1/accounts/{accountId}/extension-numbers/{number}?at=}. */
    static List<String> numberPaths(List<List<Map<String, String>>> batches) {
        return batches.stream().flatMap(List::stream).map(q -> "/v1/accounts/" + q.get("accountId")
                + "/extension-numbers/" + q.get("extensionNumber") + "?at=" + q.get("at")).toList();
    }

    /** The same owners one at a time: {@code GET /v1/owners/{ownerId}}. */
    static List<String> ownerPaths(List<String> ownerIds) {
        return ownerIds.stream().map(id -> "/v1/owners/" + id).toList();
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
     * The measured repetitions: the batches, the logins with ?wait, and the lookups of the batches one at a time (the
     * same owners, the same number queries, keys on both instances).
     */
    record Runs(List<LoadClient.Load> owners, List<LoadClient.Load> numbers, List<LoadClient.Load> waits,
                List<LoadClient.Load> ownerSingles, List<LoadClient.Load> numberSingles) {
        static Runs empty() {
            return new Runs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    /** A batch kind's loads, and its lookups one at a time, the figure the target holds it to. */
    private record Kind(String name, List<LoadClient.Load> batches, Figure oneAtATime) {
    }

    /**
     * Each batch kind against the same lookups one at a time (the target), with the single GETs of the section in the
     * note: {@code singleGets} of keys on instance A alone, the cheapest lookup there is, and {@code forwardedGets} of
     * keys on instance B.
     */
    static List<Figure> figures(String client, Runs runs, Figure singleGets, Figure forwardedGets, Figure loginP99) {
        List<Figure> figures = new ArrayList<>();
        List<Kind> kinds = List.of(
                new Kind("owner batches", runs.owners(), LookupFigures.rate("owners one at a time: GET /v1/owners/{id}",
                        client, runs.ownerSingles())),
                new Kind("number batches", runs.numbers(), LookupFigures.rate(
                        "number queries one at a time: GET .../extension-numbers/{n}?at=", client,
                        runs.numberSingles())));
        for (Kind kind : kinds) {
            List<LoadClient.Load> loads = kind.batches();
            Figure oneAtATime = kind.oneAtATime();
            List<Double> items = loads.stream().map(l -> l.requestsPerSecond() * ITEMS).toList();
            double median = Stats.median(items);
            String note = String.format("batches and single GETs measured by %s, same run; keys on both instances, "
                            + "as in the lookups one at a time; %.1f x single local GETs of identities (%,.0f "
                            + "requests/s), %.1f x single forwarded ones (%,.0f requests/s); p50 %.0f ms per batch; "
                            + "%s; %d answers not 2xx", client, median / singleGets.value(), singleGets.value(),
                    median / forwardedGets.value(), forwardedGets.value(),
                    LookupFigures.median(loads, LoadClient.Load::p50Ms), LookupFigures.cpu(loads, ITEMS, "an item"),
                    LookupFigures.unexpected(loads));
            Figure rate = Figure.info(LookupLoad.SECTION, kind.name() + " (" + ITEMS + " items)", median,
                    "items/s", items, note).relativeTo(oneAtATime);
            figures.add(oneAtATime);
            figures.add(rate.against(">= " + (int) BATCH_TARGET + " x the same lookups one at a time",
                    rate.ratio() >= BATCH_TARGET));
            figures.add(p99(kind.name() + " p99 per batch", loads));
        }
        Figure wait = p99("POST /v1/logins?wait=PT2S p99", runs.waits()).relativeTo(loginP99);
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
