package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Forwards a read (a GET, or a POST of a batch) to another instance over HTTP/1.1, marked so that it is answered there and never forwarded again. */
final class InstanceClient implements Instances {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceClient.class);
    private static final List<String> PASSED_BACK = List.of(Headers.RETRY_AFTER, Headers.SERVED_BY, Headers.SERVED_FROM,
            Headers.STALE_MS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final String self;
    private final Duration timeout;

    /** @param timeout for the whole exchange with the other instance, from sending to the last byte of the answer */
    InstanceClient(HostInfo self, Duration timeout) {
        this.self = self.host() + ":" + self.port();
        this.timeout = timeout;
    }

    @Override
    public Optional<ApiResponse> exchange(HostInfo target, String method, String pathAndQuery, byte[] body,
                                          String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.port()
                        + pathAndQuery))
                .timeout(timeout)
                .header(Headers.FORWARDED_BY, self)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header(Headers.CONTENT_TYPE, ApiResponse.JSON);
        }
        if (authorization != null) {
            request.header(Headers.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : PASSED_BACK) {
                response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
            }
            String contentType = response.headers().firstValue(Headers.CONTENT_TYPE).orElse(ApiResponse.JSON);
            return Optional.of(new ApiResponse(response.statusCode(), headers, response.body(), contentType));
        } catch (IOException e) {
            LOG.debug("Instance {} did not answer: {}", target, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
