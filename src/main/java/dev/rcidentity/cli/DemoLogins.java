package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Json;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;
import dev.rcidentity.simulator.SimulatedExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's stand-in for an integration's users: every few seconds a simulated user logs in at the simulator (JWT
 * grant) and the integration reports the token response to {@code POST /v1/logins}, exactly as a real integration
 * would. Only the login's non-secret fields are kept by the endpoint.
 */
final class DemoLogins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLogins.class);
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final RingCentralSimulator simulator;
    private final URI loginsEndpoint;
    private final String apiToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(7);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-logins");
        t.setDaemon(true);
        return t;
    });

    DemoLogins(RingCentralSimulator simulator, URI apiBase, String apiToken) {
        this.simulator = simulator;
        this.loginsEndpoint = apiBase.resolve("/v1/logins");
        this.apiToken = apiToken;
    }

    void start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::loginSomeone, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void loginSomeone() {
        try {
            List<SimulatedAccount> accounts = simulator.accounts();
            SimulatedAccount account = accounts.get(random.nextInt(accounts.size()));
            List<SimulatedExtension> users = simulator.extensions(account.accountId()).stream()
                    .filter(e -> "User".equals(e.type()) && "Enabled".equals(e.status())).toList();
            if (users.isEmpty()) {
                return;
            }
            SimulatedExtension user = users.get(random.nextInt(users.size()));
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/restapi/oauth/token"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((simulator.appCredentials().clientId()
                            + ":" + simulator.appCredentials().clientSecret()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode(JWT_GRANT, StandardCharsets.UTF_8)
                            + "&assertion=" + URLEncoder.encode(simulator.jwtFor(account.accountId(), user.id()), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                LOG.debug("Demo login of extension {} refused by the simulator: HTTP {}", user.id(), token.statusCode());
                return;
            }
            ObjectNode report = (ObjectNode) Json.MAPPER.readTree(token.body());
            report.put("accountId", account.accountId());
            HttpRequest.Builder post = HttpRequest.newBuilder(loginsEndpoint).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(report)));
            if (apiToken != null) {
                post.header("Authorization", "Bearer " + apiToken);
            }
            HttpResponse<Void> reported = http.send(post.build(), HttpResponse.BodyHandlers.discarding());
            LOG.debug("Demo login of extension {}: HTTP {}", user.id(), reported.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Demo login failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
