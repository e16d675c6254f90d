package dev.rcidentity.poller;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory, and gives up (cancelling the stream) once it passes {@code maxBytes}. The body
 * is kept as the chunks it arrived in and read as one stream: an extension page of 1,000 records is ~1 MB, which as
 * one array (grown by doubling, then copied once more) cost ~4 MB of allocation per page, each array larger than a G1
 * region (a humongous allocation, each one starting a concurrent cycle); the chunks are one copy of the body, each a
 * few KB.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<LimitedBodySubscriber.Body> {
    /** Not a network hiccup: the same request would get the same body, so it is not retried. */
    static final class TooLargeException extends IOException {
        TooLargeException(int maxBytes) {
            super("response body larger than " + maxBytes + " bytes");
        }
    }

    /** A received body, in the chunks it arrived in. */
    static final class Body {
        private final List<byte[]> chunks;

        private Body(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        InputStream stream() {
            List<InputStream> streams = new ArrayList<>(chunks.size());
            for (byte[] chunk : chunks) {
                streams.add(new ByteArrayInputStream(chunk));
            }
            return new SequenceInputStream(Collections.enumeration(streams));
        }
    }

    private final int maxBytes;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBodySubscriber(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    static HttpResponse.BodyHandler<Body> handler(int maxBytes) {
        return info -> new LimitedBodySubscriber(maxBytes);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (size + item.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(maxBytes));
                return;
            }
            if (item.hasRemaining()) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                chunks.add(bytes);
                size += bytes.length;
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(List.copyOf(chunks)));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }
}
