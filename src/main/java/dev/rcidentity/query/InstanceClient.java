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

/** Forwards a read to another instance, marked so that it is answered there and never forwarded again. */
final class InstanceClient {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceClient.class);
    /** Set on forwarded requests: answer from local stores only. */
    static final String FORWARDED_BY = "X-Forwarded-By";
    /** Set on requests forwarded to a standby: a copy within {@code maxLagMs} may answer. */
    static final String READ_STANDBY = "X-Read-Standby";
    private static final List<String> PASSED_BACK = List.of("Retry-After", ApiServer.SERVED_BY, ApiServer.SERVED_FROM,
            QueryService.STALE_MS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String self;
    private final Duration timeout;

    InstanceClient(HostInfo self, Duration timeout) {
        this.self = self.host() + ":" + self.port();
        this.timeout = timeout;
    }

    /**
     * GETs {@code pathAndQuery} from {@code target}, carrying the caller's Authorization header. Empty when the
     * instance cannot be reached in time.
     */
    Optional<ApiResponse> get(HostInfo target, String pathAndQuery, ApiRequest original, boolean standby) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.port() + pathAndQuery))
                .timeout(timeout)
                .header(FORWARDED_BY, self)
                .GET();
        String authorization = original.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (standby) {
            request.header(READ_STANDBY, "1");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : PASSED_BACK) {
                response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
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
