package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers a typed read wherever its data lives, in the order of its {@link ServePlan}: this instance when it holds the
 * active copy; else the active instance, once; else a standby copy whose staleness is within {@code maxLagMs}, here or
 * on another instance; else 503 with Retry-After. The answer says which instance served it and how.
 */
public final class QueryService implements AutoCloseable {
    private final HostInfo self;
    private final String selfName;
    private final int partitions;
    private final Placements placements;
    private final LocalReads reads;
    private final Staleness staleness;
    private final Instances instances;
    private final AutoCloseable resources;

    QueryService(HostInfo self, int partitions, Placements placements, LocalReads reads, Staleness staleness,
                 Instances instances, AutoCloseable resources) {
        this.self = self;
        this.selfName = self.host() + ":" + self.port();
        this.partitions = partitions;
        this.placements = placements;
        this.reads = reads;
        this.staleness = staleness;
        this.instances = instances;
        this.resources = resources;
    }

    /**
     * @param self this instance as other instances reach it (APPLICATION_SERVER)
     * @param partitionedTopic the input topic whose partitions number the tasks ({@code rc.extensions.v1})
     * @param partitions how many partitions it has
     * @param stateListeners registers a listener of the client's changes of state (what was found about its tasks is
     *                       kept until the next one)
     */
    public static QueryService forStreams(KafkaStreams streams, HostInfo self, String partitionedTopic, int partitions,
                                          Clock clock, Consumer<KafkaStreams.StateListener> stateListeners) {
        StandbyStaleness staleness = new StandbyStaleness(streams, clock);
        InstanceClient instances = new InstanceClient(self, Duration.ofSeconds(3));
        StreamsGeneration generation = StreamsGeneration.listening(streams);
        stateListeners.accept(generation);
        return new QueryService(self, partitions, new StreamsPlacements(streams, partitionedTopic, partitions, generation),
                new LocalStores(streams, generation),
                staleness, instances, () -> {
                    staleness.close();
                    instances.close();
                });
    }

    int partitions() {
        return partitions;
    }

    <T> Served<T> serve(StoreQuery.ByKey<T> query, ReadContext context) {
        Placement placement = placementOf(query);
        if (query.after() != null) {
            query.after().requirePartition(placement.partition());
        }
        return serve(query, placement, context);
    }

    <T> Served<T> serve(StoreQuery.ByPartition<T> query, ReadContext context) {
        return serve(query, placements.ofPartition(query.partition()), context);
    }

    private <T> Served<T> serve(StoreQuery<T> query, Placement placement, ReadContext context) {
        boolean activeOnly = query instanceof StoreQuery.ByKey<?> keyed && keyed.after() != null;
        for (ServePlan.Attempt attempt : ServePlan.of(self, placement, context.forwarded(), activeOnly)) {
            Optional<Served<T>> answer = attempt instanceof ServePlan.Ask ask ? ask(ask.instance(), query, context)
                    : readHere(query, placement.partition(), attempt, context);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw ApiError.unavailable("no instance can answer for partition " + placement.partition() + " of "
                + query.store() + " right now (starting, rebalancing or restoring)");
    }

    Placement placementOf(StoreQuery.ByKey<?> query) {
        return placements.ofKey(query.store(), query.key());
    }

    /** The placements of many keys of {@code store}, for one batch ({@link Placements#ofKeys}). */
    Function<String, Placement> placementsOf(String store) {
        return placements.ofKeys(store);
    }

    List<ServePlan.Attempt> plan(Placement placement, ReadContext context) {
        return ServePlan.of(self, placement, context.forwarded());
    }

    /** Reads on this instance: the active copy, or any copy within the caller's staleness bound; empty when it cannot. */
    <T> Optional<Served<T>> readHere(StoreQuery<T> query, int partition, ServePlan.Attempt attempt, ReadContext context) {
        return readHere(reads, query, partition, attempt, context);
    }

    /** Reads here for one batch ({@link LocalReads#forBatch}), for {@link #readHere(LocalReads, StoreQuery, int, ServePlan.Attempt, ReadContext)}. */
    LocalReads batchReads() {
        return reads.forBatch();
    }

    <T> Optional<Served<T>> readHere(LocalReads reads, StoreQuery<T> query, int partition, ServePlan.Attempt attempt,
                                     ReadContext context) {
        if (attempt instanceof ServePlan.ActiveHere) {
            return reads.read(query, partition, true).map(read -> new Served<>(read.value(), selfName, Served.From.LOCAL, null));
        }
        long stale = staleness.stalenessMs(query.store(), partition);
        if (stale > context.maxLagMs()) {
            return Optional.empty();
        }
        return reads.read(query, partition, false).map(read -> new Served<>(read.value(), selfName, Served.From.STANDBY, stale));
    }

    String selfName() {
        return selfName;
    }

    Instances instances() {
        return instances;
    }

    /** Asks another instance; empty when it cannot be reached or cannot answer now (503). */
    private <T> Optional<Served<T>> ask(HostInfo target, StoreQuery<T> query, ReadContext context) {
        String path = query.forwardPath();
        path += (path.contains("?") ? "&" : "?") + context.forwardParams();
        Optional<ApiResponse> answer = instances.get(target, path, context.authorization());
        if (answer.isEmpty() || answer.get().status() == 503) {
            return Optional.empty();
        }
        ApiResponse response = answer.get();
        String servedBy = response.headers().getOrDefault(Headers.SERVED_BY, target.host() + ":" + target.port());
        boolean standby = Served.From.STANDBY == Served.From.ofHeader(response.headers().get(Headers.SERVED_FROM));
        String stale = response.headers().get(Headers.STALE_MS);
        Served.From from = standby ? Served.From.STANDBY : Served.From.FORWARDED;
        Long staleMs = standby && stale != null ? Long.valueOf(stale) : null;
        if (response.status() == 404) {
            return Optional.of(new Served<>(null, servedBy, from, staleMs));
        }
        if (response.status() != 200) {
            throw ApiError.relayed(response.status(), response.body());
        }
        return Optional.of(Served.relayed(response.body(), query, servedBy, from, staleMs));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
