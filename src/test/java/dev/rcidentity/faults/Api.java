package dev.rcidentity.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** GETs against an instance's HTTP API on 127.0.0.1, as a client would send them. */
final class Api {
    record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Api() {
    }

    /** The answer, or status 0 when the instance cannot be reached (not started yet, or gone). */
    static Answer get(int port, String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (java.io.IOException e) {
            return new Answer(0, null);
        }
    }
}
