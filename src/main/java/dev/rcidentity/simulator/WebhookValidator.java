package dev.rcidentity.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The validation request RingCentral sends to a new webhook address: a POST with a {@code Validation-Token} header
 * that the receiver must echo in a 200 answer within 3 s, the whole response (status line, headers counted as
 * {@code name: value} lines, body) at most 1 KiB.
 */
final class WebhookValidator {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final int MAX_RESPONSE_BYTES = 1024;
    private static final int STATUS_LINE_BYTES = 17;

    /** Null when the receiver passed; otherwise the RingCentral-style error code and message. */
    record Failure(String errorCode, String message) {
    }

    private final HttpClient http;

    WebhookValidator(HttpClient http) {
        this.http = http;
    }

    Failure validate(String address) {
        String token = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                .timeout(TIMEOUT)
                .header("Validation-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        CompletableFuture<HttpResponse<Boolean>> sent = http.sendAsync(request, info -> {
            long headerBytes = STATUS_LINE_BYTES + info.headers().map().entrySet().stream()
                    .mapToLong(e -> e.getValue().stream().mapToLong(v -> e.getKey().length() + v.length() + 4).sum())
                    .sum();
            return new BoundedBody(MAX_RESPONSE_BYTES - headerBytes);
        });
        HttpResponse<Boolean> response;
        try {
            response = sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new Failure("SUB-521", "WebHook address is unreachable or did not answer within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("SUB-521", "WebHook validation was interrupted");
        } finally {
            sent.cancel(true);
        }
        if (response.statusCode() != 200) {
            return new Failure("SUB-522", "WebHook responds with incorrect HttpStatusCode " + response.statusCode());
        }
        if (!token.equals(response.headers().firstValue("Validation-Token").orElse(null))) {
            return new Failure("SUB-523", "WebHook responds with a missing or wrong Validation-Token header");
        }
        if (!response.body()) {
            return new Failure("SUB-524", "WebHook response is larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return null;
    }

    /** Reads at most {@code budget} bytes; completes with false (and stops reading) when the body is larger. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<Boolean> {
        private final CompletableFuture<Boolean> result = new CompletableFuture<>();
        private long budget;
        private Flow.Subscription subscription;

        BoundedBody(long budget) {
            this.budget = budget;
        }

        @Override
        public CompletionStage<Boolean> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (budget < 0) {
                result.complete(false);
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                budget -= buffer.remaining();
            }
            if (budget < 0 && result.complete(false)) {
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(budget >= 0);
        }
    }
}
