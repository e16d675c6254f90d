package dev.rcidentity.query;

import dev.rcidentity.console.ConsoleFiles;
import dev.rcidentity.model.Json;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API serves as it is, without a token: its OpenAPI document ({@code GET /openapi.json}) and the web console
 * ({@code GET /} and its files under {@code /console/}). Every answer carries an ETag and asks caches to revalidate, so
 * an upgraded instance is never shadowed by a stale copy; a matching {@code If-None-Match} gets a 304.
 */
final class StaticRoutes {
    /** The console talks to this origin only and runs no inline script: escaping mistakes cannot become code. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ConsoleFiles console = new ConsoleFiles();
    private final ConsoleFiles.File openApi;

    StaticRoutes() {
        try {
            byte[] document = Json.MAPPER.writeValueAsBytes(OpenApiDocument.load());
            openApi = new ConsoleFiles.File("openapi.json", document, ApiResponse.JSON, ConsoleFiles.etag(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(Router router) {
        router.add("GET", "/openapi.json", request -> serve(request, openApi));
        router.add("GET", "/", request -> file(request, ConsoleFiles.INDEX));
        router.add("GET", "/console/{file}", request -> file(request, request.pathParams().get("file")));
    }

    private ApiResponse file(ApiRequest request, String name) {
        return serve(request, console.find(name).orElseThrow(() -> ApiError.notFound("no such file: " + name)));
    }

    private static ApiResponse serve(ApiRequest request, ConsoleFiles.File file) {
        boolean cached = file.etag().equals(request.header("If-None-Match"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", file.etag());
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        if (file.contentType().startsWith("text/html")) {
            headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.put("Referrer-Policy", "no-referrer");
        }
        return new ApiResponse(cached ? 304 : 200, headers, cached ? new byte[0] : file.content(), file.contentType());
    }
}
