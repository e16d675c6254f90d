package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.model.Json;
import dev.rcidentity.simulator.DeliveryAttempt;
import dev.rcidentity.simulator.RingCentralSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Push in the demo: the simulator delivers its webhook notifications to the demo's own receiver on loopback, and every
 * so often the demo prints how fresh the last pushed change was: once the HTTP API serves the changed extension
 * (through rc.extensions.v1 and the topology), the time from the notification's delivery to the snapshot's
 * {@code observedAt}.
 */
final class DemoPush implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPush.class);
    static final Duration DEMO_CHECK_INTERVAL = Duration.ofSeconds(10);

    private final RingCentralSimulator simulator;
    private final URI apiBase;
    private final String apiToken;
    private final Console console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-push");
        t.setDaemon(true);
        return t;
    });
    private String reported;

    DemoPush(RingCentralSimulator simulator, URI apiBase, String apiToken, Console console) {
        this.simulator = simulator;
        this.apiBase = apiBase;
        this.apiToken = apiToken;
        this.console = console;
    }

    /**
     * With the simulator and no {@code WEBHOOK_BASE_URL}, push to this demo's own API (a fixed {@code HTTP_PORT}
     * only: the address must be known before the API listens), its subscriptions checked every 10 s.
     */
    static Settings prepare(Settings settings, RingCentralSimulator simulator, Console console) {
        if (simulator == null || settings.isSet(SettingKeys.WEBHOOK_BASE_URL) || settings.get(SettingKeys.HTTP_PORT) == 0) {
            return settings;
        }
        String host = settings.get(SettingKeys.HTTP_HOST);
        String base = "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + settings.get(SettingKeys.HTTP_PORT);
        console.out().println("Push on: the simulator delivers webhook notifications to " + base
                + "/webhooks/ringcentral; full sweeps every " + settings.get(SettingKeys.POLL_INTERVAL_WITH_PUSH)
                + " while a connection's subscription is healthy");
        Settings push = settings.with(SettingKeys.WEBHOOK_BASE_URL, base);
        return settings.isSet(SettingKeys.SUBSCRIPTION_CHECK_INTERVAL) ? push
                : push.with(SettingKeys.SUBSCRIPTION_CHECK_INTERVAL, DEMO_CHECK_INTERVAL.toString());
    }

    DemoPush start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void report() {
        try {
            List<DeliveryAttempt> deliveries = simulator.webhooks().deliveries();
            for (int i = deliveries.size() - 1; i >= 0; i--) {
                DeliveryAttempt d = deliveries.get(i);
                if (d.outcome() == DeliveryAttempt.Outcome.DELIVERED && !d.extensionIds().isEmpty()) {
                    report(d);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("push freshness not measured: {}", e.toString());
        }
    }

    private void report(DeliveryAttempt delivery) throws Exception {
        String extensionId = delivery.extensionIds().get(0);
        if ((delivery.uuid() + extensionId).equals(reported)) {
            return;
        }
        HttpRequest.Builder get = HttpRequest.newBuilder(apiBase.resolve("/v1/extensions/" + extensionId))
                .timeout(Duration.ofSeconds(5)).GET();
        if (apiToken != null) {
            get.header("Authorization", "Bearer " + apiToken);
        }
        HttpResponse<String> answer = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return;
        }
        JsonNode snapshot = Json.MAPPER.readTree(answer.body());
        Instant observed = Instant.parse(snapshot.path("observedAt").asText());
        if (observed.isBefore(delivery.at().minusSeconds(1))) {
            return; // not served yet: the next report looks again
        }
        reported = delivery.uuid() + extensionId;
        console.out().printf("Push: extension %s changed (notification delivered %s); GET /v1/extensions/%s serves "
                        + "it as observed %s, %d ms after the delivery%s%n", extensionId, delivery.at(), extensionId,
                observed, Duration.between(delivery.at(), observed).toMillis(),
                snapshot.path("deleted").asBoolean() ? " (deleted)" : "");
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
