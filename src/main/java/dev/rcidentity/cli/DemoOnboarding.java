package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.connections.CredentialKeyFile;
import dev.rcidentity.model.Json;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's customers' admins: each simulated company is connected the way a real one would be, through the API and
 * a browser. An admin asks for a connect link ({@code POST /v1/connections/links}), a browser (an HTTP client
 * following redirects) opens it, is sent to the simulator's consent, which the company's main admin gives, and back
 * to {@code /oauth/callback}, which stores the connection. Connections of an earlier run's simulator (another port,
 * tokens it no longer knows) are removed first.
 */
final class DemoOnboarding {
    static final String NAME_PREFIX = "simulator-";
    static final String KEY_FILE = "credentials.key";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final String adminToken;
    private final RingCentralSimulator simulator;
    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    DemoOnboarding(URI api, String adminToken, RingCentralSimulator simulator) {
        this.api = api;
        this.adminToken = adminToken;
        this.simulator = simulator;
    }

    /**
     * The demo's onboarding settings: a generated {@code ADMIN_TOKEN} when none is set (printed by the demo), a
     * credentials key file under DATA_DIR when no key is set (created once, owner-only), and with the simulator, its
     * app as the integration's app ({@code RC_CLIENT_ID}, {@code RC_CLIENT_SECRET}, {@code RC_SERVER_URL}).
     */
    static Settings prepare(Settings settings, RingCentralSimulator simulator, Console console) {
        if (!settings.isSet(SettingKeys.ADMIN_TOKEN)) {
            byte[] token = new byte[24];
            new SecureRandom().nextBytes(token);
            settings = settings.with(SettingKeys.ADMIN_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        }
        if (!settings.isSet(SettingKeys.CREDENTIALS_KEY) && !settings.isSet(SettingKeys.CREDENTIALS_KEY_FILE)) {
            Path keyFile = settings.dataDir().resolve(KEY_FILE).toAbsolutePath();
            if (CredentialKeyFile.createIfMissing(keyFile)) {
                console.out().println("Created the credentials key " + keyFile + " (owner-only): it encrypts the "
                        + "connections' credentials in rc.connections.v1; keep it with the data");
            }
            settings = settings.with(SettingKeys.CREDENTIALS_KEY_FILE, keyFile.toString());
        }
        if (simulator != null) {
            settings = settings.with(SettingKeys.RC_SERVER_URL, simulator.baseUrl().toString())
                    .with(SettingKeys.RC_CLIENT_ID, simulator.appCredentials().clientId())
                    .with(SettingKeys.RC_CLIENT_SECRET, simulator.appCredentials().clientSecret());
        }
        return settings;
    }

    RingCentralSimulator simulator() {
        return simulator;
    }

    static String nameOf(SimulatedAccount account) {
        return NAME_PREFIX + account.accountId();
    }

    /** Connects each of {@code accounts} not connected to this simulator yet; answers the names it connected. */
    List<String> connect(List<SimulatedAccount> accounts) throws IOException, InterruptedException {
        Set<String> connected = currentConnections();
        List<String> done = new ArrayList<>();
        for (SimulatedAccount account : accounts) {
            if (connected.add(nameOf(account))) {
                simulator.consent().nextByAdmin(account.accountId());
                HttpResponse<String> page = send(HttpRequest.newBuilder(link(nameOf(account))).GET());
                if (page.statusCode() != 200) {
                    throw new IOException("connecting " + nameOf(account) + " through OAuth ended with HTTP "
                            + page.statusCode() + " at " + page.uri().getPath());
                }
                done.add(nameOf(account));
            }
        }
        return done;
    }

    /** A one-time connect link for the name, as {@code POST /v1/connections/links} answers it. */
    URI link(String name) throws IOException, InterruptedException {
        HttpResponse<String> issued = send(admin(api.resolve("/v1/connections/links"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.createObjectNode().put("name", name).toString())));
        if (issued.statusCode() != 201) {
            throw new IOException("POST /v1/connections/links answered " + issued.statusCode() + ": " + issued.body());
        }
        return URI.create(Json.MAPPER.readTree(issued.body()).path("url").asText());
    }

    /** The names connected to this simulator; removes those an earlier run's simulator held. */
    Set<String> currentConnections() throws IOException, InterruptedException {
        HttpResponse<String> listed = send(admin(api.resolve("/v1/connections")).GET());
        if (listed.statusCode() != 200) {
            throw new IOException("GET /v1/connections answered " + listed.statusCode() + ": " + listed.body());
        }
        Set<String> names = new HashSet<>();
        for (JsonNode connection : Json.MAPPER.readTree(listed.body()).path("connections")) {
            String name = connection.path("name").asText();
            boolean stale = name.startsWith(NAME_PREFIX)
                    && !simulator.baseUrl().toString().equals(connection.path("serverUrl").asText());
            if (stale) {
                send(admin(api.resolve("/v1/connections/" + connection.path("connectionId").asText())).DELETE());
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private HttpRequest.Builder admin(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
