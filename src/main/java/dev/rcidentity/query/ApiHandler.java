package dev.rcidentity.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a Jetty request into an {@link ApiRequest} for the route it matches and writes the route's answer: bearer-token
 * auth on {@code /v1} and {@code /internal} when a token is set, bounded bodies, a deadline per request (503 when it
 * passes), the contract's error body, and a timer per route, status and how the answer was served.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, "close");

    private final Router router;
    private final BearerToken apiToken;
    private final MeterRegistry registry;
    private final HttpServerOptions options;
    private final Scheduler scheduler;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    ApiHandler(Router router, String apiToken, MeterRegistry registry, HttpServerOptions options, Scheduler scheduler) {
        this.router = router;
        this.apiToken = BearerToken.ofNullable(apiToken);
        this.registry = registry;
        this.options = options;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        long deadline = start + options.requestTimeout().toNanos();
        String method = request.getMethod();
        AtomicBoolean answered = new AtomicBoolean();
        Scheduler.Task timeout = scheduler.schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                write(response, late(), true, callback);
            }
        }, options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);

        String template = "unmatched";
        ApiResponse answer;
        boolean bodyLeft = hasBody(request);
        try {
            String path = request.getHttpURI().getPath();
            Router.Match match = router.match(method, path);
            template = match.template();
            if (apiToken != null && !match.authorizedByRoute()
                    && (path.startsWith("/v1/") || path.startsWith("/internal/"))
                    && !apiToken.matches(request.getHeaders().get(Headers.AUTHORIZATION))) {
                throw new ApiError(401, "unauthorized", "missing or wrong bearer token");
            }
            int maxBody = match.maxBodyBytes() != null ? match.maxBodyBytes() : options.maxBodyBytes();
            byte[] body = bodyLeft ? RequestBody.read(request, maxBody) : new byte[0];
            bodyLeft = false;
            String rawQuery = request.getHttpURI().getQuery();
            ApiRequest apiRequest = new ApiRequest(method, path, rawQuery, match.pathParams(),
                    ApiRequest.parseQuery(rawQuery), name -> request.getHeaders().get(name), body);
            answer = match.handler().handle(apiRequest);
        } catch (ApiError e) {
            answer = ApiResponse.error(e);
        } catch (Exception e) {
            LOG.error("{} {} failed", method, template, e);
            answer = ApiResponse.error(ApiError.internal());
        }
        if (!answered.compareAndSet(false, true)) {
            record(template, method, late(), start); // the deadline answered first
            return true;
        }
        timeout.cancel();
        if (bodyLeft) {
            answerThenDiscard(request, response, answer, deadline, callback);
        } else {
            write(response, answer, false, callback);
        }
        record(template, method, answer, start);
        return true;
    }

    private ApiResponse late() {
        return ApiResponse.error(ApiError.unavailable("not answered within " + options.requestTimeout().toMillis() + " ms"));
    }

    /**
     * An answer given before the body was read (401, 404, 413...) is written and flushed before the rest of the body is
     * discarded, so the client has it whatever happens to the connection afterwards; then the connection closes.
     */
    private void answerThenDiscard(Request request, Response response, ApiResponse answer, long deadline, Callback callback) {
        try (Blocker.Callback written = Blocker.callback()) {
            write(response, answer, true, written);
            written.block();
        } catch (Exception e) {
            LOG.debug("Client went away: {}", e.toString());
        }
        RequestBody.discard(request, options.maxDiscardBytes(), deadline);
        callback.succeeded();
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Writes the answer; {@code close} asks for the connection to be closed after it. */
    private static void write(Response response, ApiResponse answer, boolean close, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        if (close) {
            headers.put(CLOSE);
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** The timer of one route, method, status and way of serving; looked up once, not built per request. */
    private record TimerKey(String route, String method, int status, String served) {
    }

    private void record(String template, String method, ApiResponse answer, long start) {
        TimerKey key = new TimerKey(template, method, answer.status(),
                answer.headers().getOrDefault(Headers.SERVED_FROM, "local"));
        timers.computeIfAbsent(key, k -> Timer.builder("rc_identity_http_requests")
                        .tag("route", k.route())
                        .tag("method", k.method())
                        .tag("status", String.valueOf(k.status()))
                        .tag("served", k.served())
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
