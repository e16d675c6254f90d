package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a read (a GET, or a POST of a batch) to another instance with Jetty's HTTP/1.1 client (kept-alive
 * connections, bounded per instance), marked so that it is answered there and never forwarded again.
 */
final class InstanceClient implements Instances, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceClient.class);
    private static final List<String> PASSED_BACK = List.of(Headers.RETRY_AFTER, Headers.SERVED_BY, Headers.SERVED_FROM,
            Headers.STALE_MS, Headers.CONTENT_TYPE);
    private static final int MAX_CONNECTIONS_PER_INSTANCE = 64;
    private static final int MAX_QUEUED_PER_INSTANCE = 1_024;
    /** The most an answer may hold: what the blocking {@link Request#send()} buffers. */
    private static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;

    private final HttpClient http = new HttpClient();
    private final String self;
    private final Duration timeout;

    /** @param timeout for the whole exchange with the other instance, from sending to the last byte of the answer */
    InstanceClient(HostInfo self, Duration timeout) {
        this.self = self.host() + ":" + self.port();
        this.timeout = timeout;
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("forward");
        threads.setDaemon(true);
        http.setExecutor(threads);
        http.setConnectTimeout(1_000);
        http.setIdleTimeout(30_000);
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        http.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_INSTANCE);
        http.setMaxRequestsQueuedPerDestination(MAX_QUEUED_PER_INSTANCE);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the client that forwards to other instances", e);
        }
    }

    @Override
    public Optional<ApiResponse> exchange(HostInfo target, String method, String pathAndQuery, byte[] body,
                                          String authorization) {
        try {
            ContentResponse response = request(target, method, pathAndQuery, body, authorization).send();
            return Optional.of(answer(response, response.getContent()));
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("Instance {} did not answer: {}", target, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * {@link #exchange} sent with the client's own asynchronous send, so the caller goes on meanwhile (a batch reads its
     * own keys); the future completes on the client's thread with the answer, or empty as {@link #exchange} would be.
     */
    @Override
    public CompletableFuture<Optional<ApiResponse>> exchangeAsync(HostInfo target, String method, String pathAndQuery,
                                                                  byte[] body, String authorization) {
        CompletableFuture<Optional<ApiResponse>> answered = new CompletableFuture<>();
        request(target, method, pathAndQuery, body, authorization).send(new BufferingResponseListener(MAX_ANSWER_BYTES) {
            @Override
            public void onComplete(Result result) {
                if (result.isFailed()) {
                    LOG.debug("Instance {} did not answer: {}", target, result.getFailure().toString());
                    answered.complete(Optional.empty());
                } else {
                    answered.complete(Optional.of(answer(result.getResponse(), getContent())));
                }
            }
        });
        return answered;
    }

    private Request request(HostInfo target, String method, String pathAndQuery, byte[] body, String authorization) {
        Request request = http.newRequest("http://" + target.host() + ":" + target.port() + pathAndQuery)
                .method(method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    headers.put(Headers.FORWARDED_BY, self);
                    if (authorization != null) {
                        headers.put(Headers.AUTHORIZATION, authorization);
                    }
                });
        if (body != null) {
            request.body(new BytesRequestContent(ApiResponse.JSON, body));
        }
        return request;
    }

    private static ApiResponse answer(Response response, byte[] content) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : PASSED_BACK) {
            String value = response.getHeaders().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String contentType = headers.getOrDefault(Headers.CONTENT_TYPE, ApiResponse.JSON);
        headers.remove(Headers.CONTENT_TYPE);
        return new ApiResponse(response.getStatus(), headers, content, contentType);
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
