package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a typed read wherever its data lives, in this order: this instance when it holds the active copy; else the
 * active instance, once (a forwarded request is never forwarded again, so instances with stale metadata cannot
 * ping-pong); else a standby copy whose staleness is within {@code maxLagMs}, here or on another instance; else 503
 * with Retry-After. The answer says which instance served it and how.
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
     */
    public static QueryService forStreams(KafkaStreams streams, HostInfo self, String partitionedTopic, int partitions,
                                          Clock clock) {
        StandbyStaleness staleness = new StandbyStaleness(streams, clock);
        InstanceClient instances = new InstanceClient(self, Duration.ofSeconds(3));
        return new QueryService(self, partitions, new StreamsPlacements(streams, partitionedTopic), new LocalStores(streams),
                staleness, instances, () -> {
                    staleness.close();
                    instances.close();
                });
    }

    int partitions() {
        return partitions;
    }

    <T> Served<T> serve(StoreQuery.ByKey<T> query, ReadContext context) {
        return serve(query, placements.ofKey(query.store(), query.key()), context);
    }

    <T> Served<T> serve(StoreQuery.ByPartition<T> query, ReadContext context) {
        return serve(query, placements.ofPartition(query.partition()), context);
    }

    private <T> Served<T> serve(StoreQuery<T> query, Placement placement, ReadContext context) {
        boolean selfActive = self.equals(placement.active());
        int partition = placement.partition();
        if (selfActive) {
            Optional<LocalStores.Read<T>> local = reads.read(query, partition, true);
            if (local.isPresent()) {
                return new Served<>(local.get().value(), selfName, Served.From.LOCAL, null);
            }
        } else if (!context.forwarded() && placement.active() != null) {
            Optional<Served<T>> remote = ask(placement.active(), query, context);
            if (remote.isPresent()) {
                return remote.get();
            }
        }
        if (selfActive || placement.standbys().contains(self)) {
            long stale = staleness.stalenessMs(query.store(), partition);
            if (stale <= context.maxLagMs()) {
                Optional<LocalStores.Read<T>> local = reads.read(query, partition, false);
                if (local.isPresent()) {
                    return new Served<>(local.get().value(), selfName, Served.From.STANDBY, stale);
                }
            }
        }
        if (!context.forwarded()) {
            for (HostInfo standby : placement.standbys()) {
                if (!standby.equals(self)) {
                    Optional<Served<T>> remote = ask(standby, query, context);
                    if (remote.isPresent()) {
                        return remote.get();
                    }
                }
            }
        }
        throw ApiError.unavailable("no instance can answer for partition " + partition + " of " + query.store()
                + " right now (starting, rebalancing or restoring)");
    }

    /** Asks another instance; empty when it cannot be reached or cannot answer now (503). */
    private <T> Optional<Served<T>> ask(HostInfo target, StoreQuery<T> query, ReadContext context) {
        String path = query.forwardPath();
        path += (path.contains("?") ? "&" : "?") + "maxLagMs=" + context.maxLagMs();
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
        try {
            return Optional.of(new Served<>(query.decode(response.body()), servedBy, from, staleMs));
        } catch (IOException e) {
            throw new IllegalStateException("instance " + servedBy + " answered " + query.forwardPath()
                    + " with a body that is not a " + query.answerType(), e);
        }
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
