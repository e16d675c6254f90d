package dev.rcidentity.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import dev.rcidentity.query.BearerToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The onboarding routes over HTTP: admin auth apart from API_TOKEN, the contract's errors, the HTML pages. */
class OnboardingRoutesTest {
    private static final String ADMIN = "admin-token-1";
    private static final String API = "api-token-1";

    private final OnboardingFixture f = new OnboardingFixture();
    private ApiUnderTest api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        f.close();
    }

    private void startEnabled() throws Exception {
        api = new ApiUnderTest(API, f, f.onboarding.routes(BearerToken.of(ADMIN), f.simulator.baseUrl()));
        f.app.set(new OnboardingApp(f.simulator.baseUrl(), f.simulator.appCredentials().clientId(),
                f.simulator.appCredentials().clientSecret(), api.uri("/oauth/callback")));
    }

    private static JsonNode error(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        return error;
    }

    private String jwtBody(String name, String jwt) {
        return "{\"name\":\"" + name + "\",\"serverUrl\":\"" + f.simulator.baseUrl() + "\",\"clientId\":\""
                + f.simulator.appCredentials().clientId() + "\",\"clientSecret\":\""
                + f.simulator.appCredentials().clientSecret() + "\",\"jwt\":\"" + jwt + "\"}";
    }

    @Test
    void withoutAdminTokenEveryRouteSaysHowToEnableIt() throws Exception {
        api = new ApiUnderTest(null, f, Onboarding.disabledRoutes());
        for (String[] route : new String[][]{{"GET", "/v1/connections"}, {"POST", "/v1/connections"},
                {"POST", "/v1/connections/links"}, {"GET", "/v1/connections/1"}, {"DELETE", "/v1/connections/1"}}) {
            JsonNode e = error(api.send(route[0], route[1], "{}", ADMIN), 403, "forbidden");
            assertTrue(e.path("message").asText().contains("set ADMIN_TOKEN"), e.toString());
        }
        HttpResponse<String> page = api.get(api.uri("/oauth/authorize?link=x"));
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void theAdminTokenAuthorizesAndTheApiTokenDoesNot() throws Exception {
        startEnabled();
        error(api.send("GET", "/v1/connections", null, null), 401, "unauthorized");
        error(api.send("GET", "/v1/connections", null, API), 401, "unauthorized");
        error(api.send("GET", "/v1/connections", null, ADMIN + "x"), 401, "unauthorized");
        HttpResponse<String> list = api.send("GET", "/v1/connections", null, ADMIN);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("{\"connections\":[]}", list.body());
        error(api.send("POST", "/v1/logins", "{\"owner_id\":\"1\"}", ADMIN), 401, "unauthorized");
    }

    @Test
    void createListShowAndRemove() throws Exception {
        startEnabled();
        String jwt = f.simulator.adminJwt(f.accountId);
        HttpResponse<String> created = api.send("POST", "/v1/connections", jwtBody("acme", jwt), ADMIN);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode view = Json.MAPPER.readTree(created.body());
        String id = view.path("connectionId").asText();
        assertEquals("/v1/connections/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("ACTIVE", view.path("status").asText());
        assertEquals(f.accountId, view.path("ownerId").asText());
        assertFalse(view.has("credential"), view.toString());
        assertTrue(view.has("heldBy") && view.path("heldBy").isNull() && view.has("assignment")
                && view.path("assignment").isNull() && view.has("lastSweep") && view.has("nextSweepAt"));
        assertFalse(created.body().contains(jwt) || created.body().contains(f.simulator.appCredentials().clientSecret()));

        error(api.send("POST", "/v1/connections", jwtBody("acme", jwt), ADMIN), 409, "conflict");
        JsonNode refused = error(api.send("POST", "/v1/connections", jwtBody("bad", jwt + "x"), ADMIN), 422,
                "credential_rejected");
        assertTrue(refused.path("message").asText().contains("invalid_grant, OAU-144"), refused.toString());
        JsonNode missing = error(api.send("POST", "/v1/connections", "{\"name\":\"n\"}", ADMIN), 400, "bad_request");
        assertEquals("clientId is missing", missing.path("message").asText());
        error(api.send("POST", "/v1/connections", "{", ADMIN), 400, "bad_request");

        assertEquals(id, Json.MAPPER.readTree(api.send("GET", "/v1/connections", null, ADMIN).body())
                .path("connections").path(0).path("connectionId").asText());
        assertEquals(view, Json.MAPPER.readTree(api.send("GET", "/v1/connections/" + id, null, ADMIN).body()));
        error(api.send("GET", "/v1/connections/12x", null, ADMIN), 400, "bad_request");
        error(api.send("GET", "/v1/connections/42", null, ADMIN), 404, "not_found");

        HttpResponse<String> removed = api.send("DELETE", "/v1/connections/" + id, null, ADMIN);
        assertEquals(200, removed.statusCode());
        assertEquals(view, Json.MAPPER.readTree(removed.body()));
        error(api.send("DELETE", "/v1/connections/" + id, null, ADMIN), 404, "not_found");
        assertEquals(1, f.catalog.puts);
    }

    @Test
    void linksAndTheBrowserPages() throws Exception {
        startEnabled();
        error(api.send("POST", "/v1/connections/links", "{}", ADMIN), 400, "bad_request");
        error(api.send("POST", "/v1/connections/links", "{\"name\":7}", ADMIN), 400, "bad_request");
        String name = "<script>alert('x')</script> & Co";
        HttpResponse<String> issued = api.send("POST", "/v1/connections/links",
                Json.MAPPER.createObjectNode().put("name", name).toString(), ADMIN);
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode link = Json.MAPPER.readTree(issued.body());
        assertTrue(link.path("expiresAt").asText().endsWith("Z"));
        URI url = URI.create(link.path("url").asText());
        assertEquals(api.uri("/oauth/authorize").toString(), url.toString().substring(0, url.toString().indexOf('?')));

        HttpResponse<String> redirect = api.get(url);
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals("no-store", redirect.headers().firstValue("Cache-Control").orElseThrow());
        URI callback = f.consent(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> done = api.get(callback);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"), done.body());
        assertFalse(done.body().contains("<script>"));

        HttpResponse<String> replayed = api.get(callback);
        assertEquals(400, replayed.statusCode());
        assertTrue(replayed.body().contains("used already"), replayed.body());
        HttpResponse<String> usedLink = api.get(url);
        assertEquals(400, usedLink.statusCode());
        assertTrue(usedLink.body().contains("This connect link was used already."), usedLink.body());
        assertEquals(400, api.get(api.uri("/oauth/callback?code=c&state=forged.state")).statusCode());
        assertEquals(1, f.catalog.puts);
    }
}
