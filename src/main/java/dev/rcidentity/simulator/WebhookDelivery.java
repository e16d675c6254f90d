package dev.rcidentity.simulator;

import dev.rcidentity.simulator.DeliveryAttempt.Outcome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends notifications on its own bounded threads, never the simulator's request threads: each subscription's in
 * order, one at a time, each with a timeout. Applies the {@link DeliveryFaults} and blacklists a subscription after
 * too many failures in a row.
 */
final class WebhookDelivery implements AutoCloseable {
    private static final int SENDERS = 4;
    private static final int MAX_LOG = 10_000;

    private final Clock clock;
    private final DeliveryFaults faults;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(SENDERS, SENDERS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), RingCentralSimulator.daemonThreads("rc-simulator-webhook"));
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2,
            RingCentralSimulator.daemonThreads("rc-simulator-webhook-http"));
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(
            RingCentralSimulator.daemonThreads("rc-simulator-webhook-delay"));
    private final HttpClient http = HttpClient.newBuilder().executor(httpThreads)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Held> held = new ArrayList<>();
    private final ArrayDeque<DeliveryAttempt> log = new ArrayDeque<>();
    private volatile Duration timeout = Duration.ofSeconds(5);
    private volatile int blacklistAfter = 5;

    private record Held(Subscription subscription, Notification notification) {
    }

    WebhookDelivery(Clock clock, DeliveryFaults faults) {
        this.clock = clock;
        this.faults = faults;
        senders.allowCoreThreadTimeOut(true);
    }

    HttpClient http() {
        return http;
    }

    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    void blacklistAfter(int failures) {
        this.blacklistAfter = failures;
    }

    /** Hands a notification over, applying the next delivery fault. Returns at once. */
    synchronized void submit(Subscription subscription, Notification notification) {
        DeliveryFaults.Kind fault = faults.take();
        if (fault != DeliveryFaults.Kind.HOLD && fault != DeliveryFaults.Kind.RELEASE) {
            held.forEach(h -> enqueue(h.subscription(), h.notification()));
            held.clear();
        }
        switch (fault) {
            case DROP -> record(notification, Outcome.DROPPED, 0, "dropped by a delivery fault");
            case DUPLICATE -> {
                enqueue(subscription, notification);
                enqueue(subscription, notification);
            }
            case DELAY -> delayer.schedule(() -> enqueue(subscription, notification),
                    faults.delay().toMillis(), TimeUnit.MILLISECONDS);
            case HOLD -> held.add(new Held(subscription, notification));
            case RELEASE -> {
                enqueue(subscription, notification);
                for (int i = held.size() - 1; i >= 0; i--) {
                    enqueue(held.get(i).subscription(), held.get(i).notification());
                }
                held.clear();
            }
            case NONE -> enqueue(subscription, notification);
        }
    }

    synchronized List<DeliveryAttempt> attempts() {
        return List.copyOf(log);
    }

    private void enqueue(Subscription subscription, Notification notification) {
        switch (subscription.offer(notification)) {
            case FULL -> record(notification, Outcome.DROPPED, 0, "the subscription's queue is full");
            case START_DRAIN -> {
                try {
                    senders.execute(() -> drain(subscription));
                } catch (RejectedExecutionException e) {
                    subscription.drainRefused();
                }
            }
            case QUEUED -> { }
        }
    }

    private void drain(Subscription subscription) {
        for (Notification n = subscription.next(); n != null; n = subscription.next()) {
            if (!subscription.active(clock.instant())) {
                record(n, Outcome.SKIPPED, 0, "the subscription is no longer active");
                continue;
            }
            int status = 0;
            String failure = null;
            try {
                status = send(subscription, n);
                if (status < 200 || status > 299) {
                    failure = "HTTP " + status;
                }
            } catch (TimeoutException e) {
                failure = "no answer within " + timeout;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof HttpTimeoutException ? "no answer within " + timeout
                        : "connection failed: " + e.getCause().getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            record(n, failure == null ? Outcome.DELIVERED : Outcome.FAILED, status, failure);
            subscription.delivered(failure == null, blacklistAfter, clock.instant(), failure);
        }
    }

    private int send(Subscription subscription, Notification n)
            throws TimeoutException, ExecutionException, InterruptedException {
        Duration limit = timeout;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.address))
                .timeout(limit)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(n.json()));
        if (subscription.verificationToken != null) {
            request.header("Verification-Token", subscription.verificationToken);
        }
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        try {
            return response.get(limit.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } finally {
            response.cancel(true);
        }
    }

    private synchronized void record(Notification n, Outcome outcome, int status, String detail) {
        if (log.size() >= MAX_LOG) {
            log.pollFirst();
        }
        log.addLast(new DeliveryAttempt(clock.instant(), n.subscriptionId(), n.uuid(), n.extensionIds(), outcome,
                status, detail));
    }

    @Override
    public void close() {
        delayer.shutdownNow();
        senders.shutdownNow();
        httpThreads.shutdownNow();
    }
}
