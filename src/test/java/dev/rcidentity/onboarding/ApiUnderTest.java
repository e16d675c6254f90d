package dev.rcidentity.onboarding;

import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.query.RouteSet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The HTTP API with only the given route sets (no topology), on a free port, and a client that follows no redirect. */
final class ApiUnderTest implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final ApiServer server;

    ApiUnderTest(String apiToken, OnboardingFixture f, List<RouteSet> routes) throws Exception {
        server = HttpApi.start("127.0.0.1", 0, apiToken, null, f.logins, List.of(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> { }, Clock.systemUTC(),
                HttpServerOptions.defaults(), routes);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
