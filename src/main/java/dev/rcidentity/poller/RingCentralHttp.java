package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.poller.LimitedBodySubscriber.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * One connection's way to RingCentral: every request waits for its rate-limit group, feeds the response's
 * {@code X-Rate-Limit-*} headers back, and is retried per {@link RetryPolicy}. Requests are bounded in time (connect
 * timeout, request timeout covering the body) and in size. Answers the parsed JSON of a 2xx response; anything else
 * ends as an {@link RingCentralApiException}.
 */
final class RingCentralHttp {
    private static final Logger log = LoggerFactory.getLogger(RingCentralHttp.class);

    private final String connection;
    private final String serverUrl;
    private final HttpClient client;
    private final RingCentralRateLimiter limiter;
    private final PollerOptions options;
    private final PollerMetrics metrics;
    private final RandomGenerator random = RandomGenerator.getDefault();

    RingCentralHttp(String connection, URI serverUrl, HttpClient client, RingCentralRateLimiter limiter, PollerOptions options,
                    PollerMetrics metrics) {
        this.connection = connection;
        String base = serverUrl.toString();
        this.serverUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = client;
        this.limiter = limiter;
        this.options = options;
        this.metrics = metrics;
    }

    static HttpClient newClient(Duration connectTimeout) {
        // Redirects are not followed: a bearer token must not travel to wherever a Location header points.
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A request for {@code pathAndQuery} (starting with "/") on the connection's server. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(serverUrl + pathAndQuery))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json");
    }

    /** Reads a 2xx response's JSON object, the parser standing on its opening brace. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(JsonParser object) throws IOException;
    }

    JsonNode send(Endpoint endpoint, HttpRequest request) throws InterruptedException {
        return send(endpoint, request, JsonParser::readValueAsTree);
    }

    /** Like {@link #send(Endpoint, HttpRequest)}, but {@code reader} reads the object as it streams from the body. */
    <T> T send(Endpoint endpoint, HttpRequest request, ObjectReader<T> reader) throws InterruptedException {
        HttpResponse<Body> response = call(endpoint, request);
        return ResponseJson.object(request, response.statusCode(), response.body(), reader);
    }

    /** For endpoints that answer 2xx with no JSON (revoke): succeeds on any 2xx, whatever the body. */
    void sendIgnoringBody(Endpoint endpoint, HttpRequest request) throws InterruptedException {
        call(endpoint, request);
    }

    private HttpResponse<Body> call(Endpoint endpoint, HttpRequest request) throws InterruptedException {
        RetryPolicy retry = options.retry();
        long deadline = limiter.nanoTime() + retry.deadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            ApiGroup group = limiter.groupOf(endpoint);
            GroupLimiter groupLimiter = limiter.limiter(group);
            GroupLimiter.Slot slot = groupLimiter.acquire(deadline);
            HttpResponse<Body> response;
            try {
                response = exchange(request);
            } catch (LimitedBodySubscriber.TooLargeException e) {
                groupLimiter.complete(slot, limiter.nanoTime());
                throw new RingCentralApiException(describe(request) + ": " + e.getMessage(), RingCentralApiException.NO_RESPONSE, null);
            } catch (IOException | TimeoutException e) {
                groupLimiter.complete(slot, limiter.nanoTime());
                metrics.request(group, RingCentralApiException.NO_RESPONSE);
                String what = describe(request) + ": no response (" + e.getClass().getSimpleName() + ")";
                pauseBeforeRetry(what, attempt, retry.backoff(attempt, random), deadline, RingCentralApiException.NO_RESPONSE,
                        null, e);
                continue;
            }
            long now = limiter.nanoTime();
            groupLimiter.complete(slot, now);
            int status = response.statusCode();
            ApiGroup answeredGroup = limiter.observe(endpoint, response.headers(), status);
            metrics.request(answeredGroup, status);
            if (status / 100 == 2) {
                return response;
            }
            String errorCode = ResponseJson.errorCode(response.body());
            Optional<Duration> retryAfter = RingCentralRateLimiter.retryAfter(response.headers());
            String what = describe(request) + ": HTTP " + status + (errorCode == null ? "" : " (" + errorCode + ")");
            if (status == 429) {
                metrics.rateLimited(answeredGroup);
                Duration penalty = retryAfter.orElse(retry.missingRetryAfter());
                limiter.limiter(answeredGroup).penalize(penalty, now);
                log.warn("Connection '{}': rate limited in group {}, sending nothing in that group for {} s",
                        connection, answeredGroup, penalty.toSeconds());
                // The next acquire() waits out the penalty, or fails at once when it ends after the deadline.
                failIfExhausted(what, attempt, status, errorCode);
            } else if (status >= 500) {
                pauseBeforeRetry(what, attempt, retryAfter.orElse(retry.backoff(attempt, random)), deadline, status,
                        errorCode, null);
            } else {
                throw new RingCentralApiException(what, status, errorCode);
            }
        }
    }

    private HttpResponse<Body> exchange(HttpRequest request)
            throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<HttpResponse<Body>> future =
                client.sendAsync(request, LimitedBodySubscriber.handler(options.maxResponseBytes()));
        try {
            // The request timeout covers the headers only; this bounds the body as well.
            return future.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            future.cancel(true);
        }
    }

    private void failIfExhausted(String what, int attempt, int status, String errorCode) {
        if (attempt >= options.retry().maxAttempts()) {
            throw new RingCentralApiException(what + " after " + attempt + " attempts", status, errorCode);
        }
    }

    private void pauseBeforeRetry(String what, int attempt, Duration pause, long deadline, int status,
                                  String errorCode, Throwable cause) throws InterruptedException {
        failIfExhausted(what, attempt, status, errorCode);
        if (limiter.nanoTime() + pause.toNanos() - deadline > 0) {
            throw new RingCentralApiException(what + ": retry deadline reached after " + attempt + " attempts", status,
                    errorCode, cause);
        }
        log.debug("Connection '{}': {}; retrying in {} ms", connection, what, pause.toMillis());
        TimeUnit.MILLISECONDS.sleep(pause.toMillis());
    }

    static String describe(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
