package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rcidentity.model.Json;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plain key reads forwarded to the same instance with the same credential travel together: while {@link #MAX_IN_FLIGHT}
 * sends to it are under way, later reads wait, and the next send carries all of them ({@link SendQueue}: no added
 * wait, a lone read goes alone as the single GET). Several go as one {@code POST} {@link LookupRoute#PATH}, which the
 * other instance answers item by item as it would answer each GET ({@link LookupFrames}); an item it does not answer,
 * or a batch it refuses, is sent alone; when it cannot be reached or answers 503, every item goes on to its next
 * attempt as a single GET would. Reads of different credentials never share a request. Everything else is sent as it
 * comes by the wrapped {@link Instances}.
 */
final class CoalescedLookups implements Instances {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescedLookups.class);
    static final int MAX_IN_FLIGHT = 2;
    static final int MAX_ITEMS = 256;
    private static final int MAX_QUEUED = 4_096;

    /** Where a read goes, and with which credential (never printed). */
    private record Destination(HostInfo target, String authorization) {
        @Override
        public String toString() {
            return target.toString();
        }
    }

    private record Pending(String pathAndQuery, CompletableFuture<Optional<ApiResponse>> answer) {
    }

    private final Instances instances;
    private final long waitMillis;
    private final Map<Destination, SendQueue<Pending>> queues = new ConcurrentHashMap<>();

    /** @param timeout of one exchange with another instance; a read waits for at most three (queued, sent, sent alone) */
    CoalescedLookups(Instances instances, Duration timeout) {
        this.instances = instances;
        this.waitMillis = 3 * timeout.toMillis();
    }

    @Override
    public Optional<ApiResponse> exchange(HostInfo target, String method, String pathAndQuery, byte[] body,
                                          String authorization) {
        return instances.exchange(target, method, pathAndQuery, body, authorization);
    }

    @Override
    public CompletableFuture<Optional<ApiResponse>> exchangeAsync(HostInfo target, String method, String pathAndQuery,
                                                                  byte[] body, String authorization) {
        return instances.exchangeAsync(target, method, pathAndQuery, body, authorization);
    }

    @Override
    public Optional<ApiResponse> lookup(HostInfo target, String pathAndQuery, String authorization) {
        Destination destination = new Destination(target, authorization);
        Pending pending = new Pending(pathAndQuery, new CompletableFuture<>());
        List<List<Pending>> toSend = new ArrayList<>(1);
        queues.compute(destination, (d, queue) -> {
            SendQueue<Pending> q = queue != null ? queue : new SendQueue<>(MAX_IN_FLIGHT, MAX_ITEMS, MAX_QUEUED);
            toSend.add(q.add(pending));
            return q;
        });
        if (toSend.get(0) == null) {
            return instances.get(target, pathAndQuery, authorization); // the queue is full: as if not coalesced
        }
        if (!toSend.get(0).isEmpty()) {
            send(destination, toSend.get(0));
        }
        try {
            return pending.answer().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("forwarding " + pathAndQuery + " to " + target + " failed", e.getCause());
        }
    }

    /** How many reads to {@code target} with {@code authorization} wait for a send under way. */
    int waiting(HostInfo target, String authorization) {
        int[] waiting = {0};
        queues.computeIfPresent(new Destination(target, authorization), (d, queue) -> {
            waiting[0] = queue.queued();
            return queue;
        });
        return waiting[0];
    }

    /** Sends a batch; when it is done, the reads that waited meanwhile go. */
    private void send(Destination destination, List<Pending> batch) {
        CompletableFuture<Void> sent;
        try {
            sent = batch.size() == 1 ? alone(destination, batch.get(0)) : together(destination, batch);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((done, failure) -> {
            if (failure != null) {
                batch.forEach(pending -> pending.answer().completeExceptionally(failure));
            }
            List<List<Pending>> next = new ArrayList<>(1);
            queues.computeIfPresent(destination, (d, queue) -> {
                next.add(queue.finished());
                return queue.idle() ? null : queue;
            });
            if (!next.isEmpty() && !next.get(0).isEmpty()) {
                send(destination, next.get(0));
            }
        });
    }

    private CompletableFuture<Void> alone(Destination destination, Pending pending) {
        return instances.exchangeAsync(destination.target(), "GET", pending.pathAndQuery(), null,
                destination.authorization()).thenAccept(pending.answer()::complete);
    }

    private CompletableFuture<Void> together(Destination destination, List<Pending> batch) {
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(Map.of("paths", batch.stream().map(Pending::pathAndQuery).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a batch of lookups", e);
        }
        return instances.exchangeAsync(destination.target(), "POST", LookupRoute.PATH, body, destination.authorization())
                .thenCompose(answer -> answered(destination, batch, answer));
    }

    /** Each item's answer to its caller; the items the other instance did not answer are sent alone. */
    private CompletableFuture<Void> answered(Destination destination, List<Pending> batch, Optional<ApiResponse> answer) {
        if (answer.isEmpty() || answer.get().status() == 503) {
            batch.forEach(pending -> pending.answer().complete(Optional.empty()));
            return CompletableFuture.completedFuture(null);
        }
        List<ApiResponse> items = null;
        if (answer.get().status() == 200) {
            try {
                items = LookupFrames.read(answer.get().body(), batch.size());
            } catch (IOException e) {
                LOG.warn("Instance {} answered {} with no frames of {} items: {}", destination, LookupRoute.PATH,
                        batch.size(), e.toString());
            }
        } else {
            LOG.debug("Instance {} answered {} with {}: its items go alone", destination, LookupRoute.PATH,
                    answer.get().status());
        }
        List<CompletableFuture<Void>> alone = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ApiResponse item = items == null ? null : items.get(i);
            if (item != null) {
                batch.get(i).answer().complete(Optional.of(item));
            } else {
                alone.add(alone(destination, batch.get(i)));
            }
        }
        return CompletableFuture.allOf(alone.toArray(CompletableFuture[]::new));
    }
}
