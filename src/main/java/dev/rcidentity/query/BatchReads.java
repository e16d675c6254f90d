package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.state.HostInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Answers many keyed reads at once with the serve decision of single reads ({@link ServePlan}), taken per partition and
 * carried out per instance: the keys are grouped by partition, and all the keys whose next attempt is the same other
 * instance go to it in one request, which that instance answers from its own stores (a forwarded batch is never
 * forwarded again). When every partition is served by its active copy, that is one request per other instance.
 */
final class BatchReads {
    private static final class Group {
        final Iterator<ServePlan.Attempt> attempts;
        final List<Integer> indices = new ArrayList<>();

        Group(Iterator<ServePlan.Attempt> attempts) {
            this.attempts = attempts;
        }
    }

    private final QueryService queries;

    BatchReads(QueryService queries) {
        this.queries = queries;
    }

    /** The answers in the order of {@code parsed}; a malformed item answers its 400. */
    <Q extends StoreQuery.ByKey<T>, T> List<BatchItem<T>> serveParsed(BatchKind<Q, T> kind, List<BatchBody.Parsed<Q>> parsed,
                                                                      ReadContext context) {
        List<Q> valid = parsed.stream().filter(p -> p.query() != null).map(BatchBody.Parsed::query).toList();
        Iterator<BatchItem<T>> answers = serve(kind, valid, context).iterator();
        return parsed.stream().map(p -> p.query() != null ? answers.next() : BatchItem.<T>failed(p.error(), null)).toList();
    }

    /** The answers in the order of {@code items}; items no copy can answer now are {@code unavailable}. */
    <Q extends StoreQuery.ByKey<T>, T> List<BatchItem<T>> serve(BatchKind<Q, T> kind, List<Q> items, ReadContext context) {
        List<BatchItem<T>> results = new ArrayList<>(Collections.nCopies(items.size(), null));
        Map<Integer, Group> groups = new TreeMap<>();
        LocalReads here = queries.batchReads();
        Map<String, Function<String, Placement>> placements = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Q item = items.get(i);
            Placement placement = placements.computeIfAbsent(item.store(), queries::placementsOf).apply(item.key());
            groups.computeIfAbsent(placement.partition(), p -> new Group(queries.plan(placement, context).iterator()))
                    .indices.add(i);
        }
        while (!groups.isEmpty()) {
            Map<HostInfo, List<Integer>> asks = new LinkedHashMap<>();
            Map<Integer, ServePlan.Attempt> readsHere = new LinkedHashMap<>();
            for (Map.Entry<Integer, Group> entry : groups.entrySet()) {
                Group group = entry.getValue();
                if (!group.attempts.hasNext()) {
                    ApiError none = ApiError.unavailable("no instance can answer for partition " + entry.getKey()
                            + " right now (starting, rebalancing or restoring)");
                    group.indices.forEach(i -> results.set(i, BatchItem.failed(none, null)));
                    continue;
                }
                ServePlan.Attempt attempt = group.attempts.next();
                if (attempt instanceof ServePlan.Ask ask) {
                    asks.computeIfAbsent(ask.instance(), host -> new ArrayList<>()).addAll(group.indices);
                } else {
                    readsHere.put(entry.getKey(), attempt);
                }
            }
            // the other instances read their keys while this one reads its own
            Map<HostInfo, CompletableFuture<Optional<ApiResponse>>> asked = new LinkedHashMap<>();
            asks.forEach((host, indices) -> asked.put(host, ask(kind, host, items, indices, context)));
            readsHere.forEach((partition, attempt) ->
                    readHere(here, kind, items, partition, groups.get(partition).indices, attempt, context, results));
            asks.forEach((host, indices) -> answered(kind, host, asked.get(host).join(), indices, results));
            groups.values().forEach(group -> group.indices.removeIf(i -> results.get(i) != null));
            groups.values().removeIf(group -> group.indices.isEmpty());
        }
        return results;
    }

    private <Q extends StoreQuery.ByKey<T>, T> void readHere(LocalReads here, BatchKind<Q, T> kind, List<Q> items,
                                                             int partition, List<Integer> indices,
                                                             ServePlan.Attempt attempt, ReadContext context,
                                                             List<BatchItem<T>> results) {
        for (int i : indices) {
            Optional<Served<T>> read = queries.readHere(here, items.get(i), partition, attempt, context);
            if (read.isEmpty()) {
                return; // this copy cannot answer for the partition now: its keys go on to the next attempt
            }
            results.set(i, item(kind, items.get(i), read.get()));
        }
    }

    /** What a read of {@code query} answered, as a batch item: its value, or not_found naming the query. */
    static <Q extends StoreQuery.ByKey<T>, T> BatchItem<T> item(BatchKind<Q, T> kind, Q query, Served<T> served) {
        return served.value() != null ? new BatchItem<>(served.value(), served.servedBy())
                : BatchItem.failed(ApiError.notFound(kind.notFound(query)), served.servedBy());
    }

    /** One request to {@code host} for all these items, sent now and answered later ({@link #answered}). */
    private <Q extends StoreQuery.ByKey<T>, T> CompletableFuture<Optional<ApiResponse>> ask(
            BatchKind<Q, T> kind, HostInfo host, List<Q> items, List<Integer> indices, ReadContext context) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + indices.size() * 96);
        try (JsonGenerator out = Json.MAPPER.createGenerator(body)) {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            for (int i : indices) {
                kind.write(out, items.get(i));
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a batch", e);
        }
        return queries.instances().exchangeAsync(host, "POST", kind.path() + "?" + context.forwardParams(), body.toByteArray(),
                context.authorization());
    }

    /** The answer of {@code host} to {@link #ask}; the items it cannot answer now stay unanswered. */
    private <Q extends StoreQuery.ByKey<T>, T> void answered(BatchKind<Q, T> kind, HostInfo host,
                                                             Optional<ApiResponse> answer, List<Integer> indices,
                                                             List<BatchItem<T>> results) {
        if (answer.isEmpty() || answer.get().status() == 503) {
            return;
        }
        if (answer.get().status() != 200) {
            throw ApiError.relayed(answer.get().status(), answer.get().body());
        }
        String servedBy = answer.get().headers().getOrDefault(Headers.SERVED_BY, host.host() + ":" + host.port());
        List<BatchItem<T>> answered;
        try {
            answered = BatchAnswers.read(answer.get().body(), servedBy);
        } catch (IOException e) {
            throw new IllegalStateException("instance " + host + " answered " + kind.path() + " with no batch", e);
        }
        if (answered.size() != indices.size()) {
            throw new IllegalStateException("instance " + host + " answered " + kind.path() + " for another batch");
        }
        for (int j = 0; j < indices.size(); j++) {
            if (!answered.get(j).unavailable()) {
                results.set(indices.get(j), answered.get(j));
            }
        }
    }

    /** The internal route: a batch forwarded by another instance, answered from this instance's stores. */
    <Q extends StoreQuery.ByKey<T>, T> ApiResponse answer(BatchKind<Q, T> kind, ApiRequest request) {
        return forwardedAnswer(serveParsed(kind, BatchBody.parse(kind, BatchBody.items(request.body(), "items")),
                ReadContext.of(request)));
    }

    /** The answer of the internal route to the instance that forwarded the batch ({@link BatchAnswers}). */
    ApiResponse forwardedAnswer(List<? extends BatchItem<?>> results) {
        return new ApiResponse(200, new LinkedHashMap<>(), BatchAnswers.write(results), ApiResponse.JSON)
                .withHeader(Headers.SERVED_BY, queries.selfName());
    }

    /** The instances that answered, for {@code X-Served-By}. */
    static String servedBy(List<? extends BatchItem<?>> items) {
        return String.join(", ", items.stream().map(BatchItem::servedBy).filter(s -> s != null).distinct().sorted().toList());
    }
}
