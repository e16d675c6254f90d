package dev.rcidentity.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console and the OpenAPI document on a real server: content types, no token needed even when the API has one,
 * revalidation with ETags, a content security policy on the page, and no way out of the console's directory.
 */
class StaticRoutesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        Router router = new Router();
        new StaticRoutes().register(router);
        router.add("GET", "/v1/secret", request -> ApiResponse.text(200, "secret", "text/plain"));
        server = ApiServer.start("127.0.0.1", 0, router, "api-token", new SimpleMeterRegistry(), HttpServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypesAndWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("/console/app.js"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'"), policy);
        for (String file : List.of("app.js", "dom.js", "api.js", "owner.js", "account.js", "history.js", "number.js",
                "connections.js", "ui.js")) {
            HttpResponse<String> script = get("/console/" + file);
            assertEquals(200, script.statusCode(), file);
            assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow(), file);
            assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
        assertEquals("text/css; charset=utf-8", get("/console/style.css").headers().firstValue("Content-Type").orElseThrow());
        assertEquals(401, get("/v1/secret").statusCode(), "the API itself still needs its token");
    }

    @Test
    void aCachedCopyIsRevalidatedByItsETag() throws Exception {
        HttpResponse<String> first = get("/console/app.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> again = get("/console/app.js", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, get("/console/app.js", "If-None-Match", "\"other\"").statusCode());
        assertEquals(304, get("/openapi.json", "If-None-Match", get("/openapi.json").headers().firstValue("ETag").orElseThrow())
                .statusCode());
    }

    @Test
    void nothingOutsideTheConsoleDirectoryIsReachable() throws Exception {
        for (String path : List.of("/console/../log4j2.xml", "/console/..%2flog4j2.xml", "/console/%2e%2e/log4j2.xml",
                "/console/log4j2.xml", "/console/", "/console/app.js.bak", "/console/App.js", "/console/.hidden.js",
                "/console/dev/rcidentity/cli/Main.class", "/console/..%5clog4j2.xml", "/console/index.html%00.js",
                "/docs/openapi.json", "/topics/rc.logins.v1.properties")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertTrue(status.matches("HTTP/1\\.1 (400|404) .*"), path + ": " + status);
            assertFalse(answer.contains("Configuration") || answer.contains("cleanup.policy"), path + " leaked: " + answer);
        }
    }

    /** Sends the request line exactly as written (an HTTP client would normalise or encode it). */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
