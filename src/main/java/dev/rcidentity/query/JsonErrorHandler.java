package dev.rcidentity.query;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors the server answers before any route sees the request (a malformed request line, headers over the limit, a
 * bad URI) in the contract's JSON error body instead of Jetty's HTML page.
 */
final class JsonErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        ApiResponse answer = ApiResponse.error(ApiError.ofStatus(status, message == null ? null : message.toString()));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }
}
