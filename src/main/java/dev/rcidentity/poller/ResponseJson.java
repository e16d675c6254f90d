package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import dev.rcidentity.poller.LimitedBodySubscriber.Body;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;

/** What the poller reads from RingCentral's response bodies: the JSON object of a 2xx, the error code of the rest. */
final class ResponseJson {
    private ResponseJson() {
    }

    /** The body's JSON object, read by {@code reader}; a body that is not one fails naming the request. */
    static <T> T object(HttpRequest request, int status, Body body, RingCentralHttp.ObjectReader<T> reader) {
        try (JsonParser parser = Json.MAPPER.createParser(body.stream())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first != null) {
                    // As a whole-tree read did: JSON that is not even well-formed is reported as such.
                    parser.skipChildren();
                    parser.finishToken();
                }
                throw new RingCentralApiException(RingCentralHttp.describe(request) + ": response is not a JSON object",
                        status, null);
            }
            return reader.read(parser);
        } catch (IOException e) {
            throw new RingCentralApiException(RingCentralHttp.describe(request) + ": response is not valid JSON",
                    status, null);
        }
    }

    /** RingCentral's error code from an error body (API {@code errorCode} or OAuth {@code error}); never the body. */
    static String errorCode(Body body) {
        try (InputStream in = body.stream()) {
            JsonNode node = Json.MAPPER.readTree(in);
            if (node == null || !node.isObject()) {
                return null;
            }
            for (JsonNode candidate : new JsonNode[]{node.get("errorCode"), node.get("error"),
                    node.path("errors").path(0).get("errorCode")}) {
                if (candidate != null && candidate.isTextual() && candidate.asText().length() <= 64) {
                    return candidate.asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
