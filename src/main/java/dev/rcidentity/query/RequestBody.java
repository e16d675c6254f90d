package dev.rcidentity.query;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit and, past it, drops a bounded amount of the rest. A client that sends its whole
 * body before reading the answer (most do, unless they wait on {@code Expect: 100-continue}) gets a connection reset
 * instead of the 413 when the server closes with unread bytes in its socket: reading and dropping them first lets
 * the close be a clean one.
 */
final class RequestBody {
    private RequestBody() {
    }

    /** The body, or {@link ApiError} 413 when it is larger than {@code maxBytes}. */
    static byte[] read(Request request, int maxBytes) throws IOException {
        if (request.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = Request.asInputStream(request).readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    static ApiError tooLarge(int maxBytes) {
        return new ApiError(413, "payload_too_large", "request bodies are limited to " + maxBytes + " bytes");
    }

    /**
     * Reads and drops what is left of the body, up to {@code maxBytes} and until {@code deadlineNanos}. Nothing when the
     * client waits on {@code 100-continue}: it sends no body after a final answer, and reading would invite it to.
     */
    static void discard(Request request, long maxBytes, long deadlineNanos) {
        if (request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())
                && Request.getContentBytesRead(request) == 0) {
            return;
        }
        byte[] scratch = new byte[16 * 1024];
        long dropped = 0;
        try {
            InputStream in = Request.asInputStream(request);
            int n;
            while (dropped <= maxBytes && System.nanoTime() < deadlineNanos && (n = in.read(scratch)) >= 0) {
                dropped += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the connection timed out: nothing left to be graceful about
        }
    }
}
