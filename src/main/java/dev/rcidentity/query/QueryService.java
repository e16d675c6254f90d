package dev.rcidentity.query;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a read wherever its data lives, in this order: this instance when it holds the active copy; else the active
 * instance, once (a forwarded request is never forwarded again, so instances with stale metadata cannot ping-pong);
 * else a standby copy whose staleness is within {@code ?maxLagMs=}, here or on another instance; else 503 with
 * Retry-After. {@code X-Served-By} names the instance that answered, {@code X-Served-From} says how.
 */
public final class QueryService implements AutoCloseable {
    public static final String STALE_MS = "X-Stale-Ms";
    public static final long DEFAULT_MAX_LAG_MS = 30_000;

    /** Reads one partition on this instance; empty when this instance cannot answer for it now. */
    @FunctionalInterface
    interface LocalRead {
        Optional<ApiResponse> read(int partition, boolean activeOnly);
    }

    private final HostInfo self;
    private final String selfName;
    private final int partitions;
    final LocalStores stores;
    private final Placements placements;
    private final StandbyStaleness staleness;
    private final InstanceClient instances;

    /**
     * @param self this instance as other instances reach it (APPLICATION_SERVER)
     * @param partitionedTopic the input topic whose partitions number the tasks ({@code rc.extensions.v1})
     * @param partitions how many partitions it has
     */
    public QueryService(KafkaStreams streams, HostInfo self, String partitionedTopic, int partitions, Clock clock) {
        this.self = self;
        this.selfName = self.host() + ":" + self.port();
        this.partitions = partitions;
        this.stores = new LocalStores(streams);
        this.placements = new Placements(streams, partitionedTopic);
        this.staleness = new StandbyStaleness(streams, clock);
        this.instances = new InstanceClient(self, Duration.ofSeconds(3));
    }

    int partitions() {
        return partitions;
    }

    /** Answers a read of {@code key} in {@code store}; {@code forwardTo} is the path and query another instance answers. */
    <K> ApiResponse answerKey(ApiRequest request, String store, K key, Serializer<K> serializer, String forwardTo, LocalRead read) {
        return answer(request, store, placements.ofKey(store, key, serializer), forwardTo, read);
    }

    /** Answers a read of one partition of the partition-wide stores (the account listings). */
    ApiResponse answerPartition(ApiRequest request, String store, int partition, String forwardTo, LocalRead read) {
        return answer(request, store, placements.ofPartition(partition), forwardTo, read);
    }

    private ApiResponse answer(ApiRequest request, String store, Placement placement, String forwardTo, LocalRead read) {
        boolean forwarded = request.header(InstanceClient.FORWARDED_BY) != null;
        long maxLagMs = request.longParam("maxLagMs", DEFAULT_MAX_LAG_MS, 0, Long.MAX_VALUE);
        boolean selfActive = self.equals(placement.active());
        int partition = placement.partition();

        if (selfActive) {
            Optional<ApiResponse> local = read.read(partition, true);
            if (local.isPresent()) {
                return served(local.get(), "local");
            }
        } else if (!forwarded && placement.active() != null) {
            Optional<ApiResponse> remote = instances.get(placement.active(), forwardTo, request, false);
            if (remote.isPresent() && remote.get().status() != 503) {
                boolean fromStandby = "standby".equals(remote.get().headers().get(ApiServer.SERVED_FROM));
                return fromStandby ? remote.get() : remote.get().withHeader(ApiServer.SERVED_FROM, "forwarded");
            }
        }
        if (selfActive || placement.standbys().contains(self)) {
            long stale = staleness.stalenessMs(store, partition);
            if (stale <= maxLagMs) {
                Optional<ApiResponse> local = read.read(partition, false);
                if (local.isPresent()) {
                    return served(local.get(), "standby").withHeader(STALE_MS, String.valueOf(stale));
                }
            }
        }
        if (!forwarded) {
            for (HostInfo standby : placement.standbys()) {
                if (standby.equals(self)) {
                    continue;
                }
                Optional<ApiResponse> remote = instances.get(standby, withMaxLag(forwardTo, maxLagMs), request, true);
                if (remote.isPresent() && remote.get().status() != 503) {
                    return remote.get();
                }
            }
        }
        throw ApiException.unavailable("no instance can answer for partition " + partition + " of " + store
                + " right now (starting, rebalancing or restoring)");
    }

    private ApiResponse served(ApiResponse response, String how) {
        return response.withHeader(ApiServer.SERVED_BY, selfName).withHeader(ApiServer.SERVED_FROM, how);
    }

    private static String withMaxLag(String pathAndQuery, long maxLagMs) {
        if (pathAndQuery.contains("maxLagMs=")) {
            return pathAndQuery;
        }
        return pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "maxLagMs=" + maxLagMs;
    }

    @Override
    public void close() {
        staleness.close();
    }
}
