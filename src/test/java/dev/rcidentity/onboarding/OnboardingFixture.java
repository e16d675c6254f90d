package dev.rcidentity.onboarding;

import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.testing.MutableClock;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serdes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Onboarding against the real simulator, with the connections in memory and the logins in Kafka's MockProducer; the
 * onboarding's clock is moved by hand (state and link expiry).
 */
final class OnboardingFixture implements AutoCloseable {
    static final URI REDIRECT = URI.create("https://integration.example/base/oauth/callback");

    final RingCentralSimulator simulator = RingCentralSimulator.start(SimulatorOptions.builder()
            .accounts(2).extensionsPerAccount(20).limit(RateLimitGroup.AUTH, 1000).build());
    final MutableClock clock = MutableClock.atDefaultStart();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final CredentialKeys keys = CredentialKeys.of(randomKey(), List.of());
    final MockProducer<String, LoginEvent> logins = new MockProducer<>(true, null, Serdes.String().serializer(),
            (topic, event) -> new byte[0]);
    final AtomicReference<OnboardingApp> app = new AtomicReference<>(new OnboardingApp(simulator.baseUrl(),
            simulator.appCredentials().clientId(), simulator.appCredentials().clientSecret(), REDIRECT));
    final TokenClient tokens = new TokenClient(Duration.ofSeconds(5), Duration.ofSeconds(10));
    final Onboarding onboarding = Onboarding.create(catalog, keys, app::get, tokens, ConnectionStatusSource.NONE,
            logins, clock);
    final String accountId = simulator.accounts().get(0).accountId();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static byte[] randomKey() {
        return CredentialKeys.generate();
    }

    Secrets secretsOf(Connection connection) {
        return new CredentialCipher(keys).decrypt(connection.connectionId(), connection.credential());
    }

    /** Follows RingCentral's consent like a browser (no cookies needed): answers the callback URL it redirects to. */
    URI consent(URI authorizeUrl) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(authorizeUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new AssertionError("the simulator's consent answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
