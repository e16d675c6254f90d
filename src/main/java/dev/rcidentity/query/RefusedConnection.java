package dev.rcidentity.query;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * A connection beyond the server's bound: it writes {@code 503} with {@code Retry-After} and the contract's JSON error
 * as soon as it is accepted, without waiting for the request, then closes gracefully: it ends its side of the
 * connection and reads and drops what the client sends (its request) until the client closes, at most
 * {@link #MAX_DISCARD_BYTES} or {@link #LINGER_MS}, so that the client reads the answer instead of a reset.
 */
final class RefusedConnection extends AbstractConnection {
    static final long LINGER_MS = 1_000;
    private static final int MAX_DISCARD_BYTES = 64 * 1024;

    private final ByteBuffer answer;
    private final ByteBuffer discard = BufferUtil.allocate(4096);
    private int discarded;

    RefusedConnection(EndPoint endPoint, Executor executor, int max) {
        super(endPoint, executor);
        this.answer = ByteBuffer.wrap(answer(max));
    }

    static byte[] answer(int max) {
        ApiResponse error = ApiResponse.error(ApiError.unavailable(
                "the server holds its maximum of " + max + " connections; retry later"));
        StringBuilder head = new StringBuilder("HTTP/1.1 503 Service Unavailable\r\n");
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Content-Type: ").append(error.contentType()).append("\r\n")
                .append("Content-Length: ").append(error.body().length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[headBytes.length + error.body().length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(error.body(), 0, bytes, headBytes.length, error.body().length);
        return bytes;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(LINGER_MS);
        getEndPoint().write(Callback.from(() -> {
            getEndPoint().shutdownOutput();
            fillInterested();
        }, failure -> getEndPoint().close(failure)), answer);
    }

    @Override
    public void onFillable() {
        try {
            while (true) {
                BufferUtil.clear(discard);
                int read = getEndPoint().fill(discard);
                if (read < 0 || discarded > MAX_DISCARD_BYTES) {
                    getEndPoint().close();
                    return;
                }
                if (read == 0) {
                    fillInterested();
                    return;
                }
                discarded += read;
            }
        } catch (IOException e) {
            getEndPoint().close(e);
        }
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return true; // the linger is over: close
    }
}
