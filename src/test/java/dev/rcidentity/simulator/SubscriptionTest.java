package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook subscriptions over HTTP: the validation handshake, create/list/get/renew/delete, the limit, expiry. */
class SubscriptionTest extends WebhookTestBase {
    private SimClient.Response create(String accessToken, Long expiresIn) {
        return client.call("POST", "/restapi/v1.0/subscription", accessToken,
                request(receiver.address(), "vt-secret-1", expiresIn));
    }

    @Test
    void createValidatesTheAddressAndAnswersSubscriptionInfo() {
        SimClient.Response created = create(token, 3600L);
        assertEquals(200, created.status(), created.body());
        assertEquals(1, receiver.validations.get());
        assertEquals("Medium", created.header("X-Rate-Limit-Group"));
        JsonNode info = created.json();
        assertFalse(info.get("id").asText().isEmpty());
        assertTrue(info.get("uri").asText().endsWith("/restapi/v1.0/subscription/" + info.get("id").asText()));
        assertEquals("Active", info.get("status").asText());
        assertEquals("/restapi/v1.0/account/" + accountId + "/extension", info.get("eventFilters").get(0).asText());
        assertEquals(3600, info.get("expiresIn").asLong());
        assertEquals(Instant.parse(info.get("creationTime").asText()).plusSeconds(3600),
                Instant.parse(info.get("expirationTime").asText()));
        assertEquals("WebHook", info.get("deliveryMode").get("transportType").asText());
        assertEquals(receiver.address(), info.get("deliveryMode").get("address").asText());
        assertFalse(created.body().contains("vt-secret-1"), "the verification token is write-only");

        SimClient.Response fallback = create(token, null);
        assertEquals(604_800, fallback.json().get("expiresIn").asLong(), "a week unless told otherwise");
    }

    @Test
    void aFailedHandshakeCreatesNothing() throws IOException {
        assertHandshakeRefused(WebhookReceiver.Validation.NO_ECHO, "SUB-523");
        assertHandshakeRefused(WebhookReceiver.Validation.WRONG_ECHO, "SUB-523");
        assertHandshakeRefused(WebhookReceiver.Validation.TOO_LARGE, "SUB-524");
        assertHandshakeRefused(WebhookReceiver.Validation.NOT_FOUND, "SUB-522");
        assertHandshakeRefused(WebhookReceiver.Validation.HANG, "SUB-521");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SimClient.Response unreachable = client.call("POST", "/restapi/v1.0/subscription", token,
                request("http://127.0.0.1:" + closedPort + "/hook", null, null));
        assertEquals(400, unreachable.status());
        assertEquals("SUB-521", unreachable.json().get("errorCode").asText());
        assertEquals(0, list(token).size());
    }

    private void assertHandshakeRefused(WebhookReceiver.Validation validation, String errorCode) {
        receiver.validation = validation;
        SimClient.Response refused = create(token, null);
        assertEquals(400, refused.status(), validation + ": " + refused.body());
        assertEquals(errorCode, refused.json().get("errorCode").asText(), validation.toString());
        assertEquals(errorCode, refused.json().get("errors").get(0).get("errorCode").asText());
    }

    @Test
    void listGetRenewAndDelete() {
        String first = create(token, 3600L).json().get("id").asText();
        String second = create(token, 3600L).json().get("id").asText();
        assertEquals(2, list(token).size());

        SimClient.Response got = client.call("GET", "/restapi/v1.0/subscription/" + first, token, null);
        assertEquals(200, got.status());
        assertEquals("Light", got.header("X-Rate-Limit-Group"));
        assertEquals(first, got.json().get("id").asText());

        clock.advance(Duration.ofSeconds(1000));
        assertEquals(2600, client.call("GET", "/restapi/v1.0/subscription/" + first, token, null)
                .json().get("expiresIn").asLong());
        SimClient.Response renewed = client.call("POST", "/restapi/v1.0/subscription/" + first + "/renew", token, null);
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("Light", renewed.header("X-Rate-Limit-Group"));
        assertEquals(3600, renewed.json().get("expiresIn").asLong());
        assertNotEquals(got.json().get("expirationTime").asText(), renewed.json().get("expirationTime").asText());

        SimClient.Response updated = client.call("PUT", "/restapi/v1.0/subscription/" + first, token,
                "{\"eventFilters\":[\"/restapi/v1.0/account/~/extension\"],\"expiresIn\":120}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(120, updated.json().get("expiresIn").asLong());

        String otherUser = client.adminToken(simulator.accounts().get(1).accountId());
        assertEquals(404, client.call("GET", "/restapi/v1.0/subscription/" + first, otherUser, null).status());
        assertEquals(0, list(otherUser).size());

        SimClient.Response deleted = client.call("DELETE", "/restapi/v1.0/subscription/" + first, token, null);
        assertEquals(204, deleted.status());
        assertEquals("Medium", deleted.header("X-Rate-Limit-Group"));
        assertEquals(404, client.call("GET", "/restapi/v1.0/subscription/" + first, token, null).status());
        assertEquals(second, list(token).get(0).get("id").asText());
        assertEquals(405, client.call("PATCH", "/restapi/v1.0/subscription/" + second, token, "{}").status());
    }

    @Test
    void atMostThirtyPerUserAndApplication() {
        for (int i = 0; i < 30; i++) {
            assertEquals(200, create(token, null).status());
        }
        SimClient.Response over = create(token, null);
        assertEquals(400, over.status());
        assertEquals("SUB-406", over.json().get("errorCode").asText());

        String otherUser = client.adminToken(simulator.accounts().get(1).accountId());
        assertEquals(200, create(otherUser, null).status(), "the limit is per user");
        String id = list(token).get(0).get("id").asText();
        client.call("DELETE", "/restapi/v1.0/subscription/" + id, token, null);
        assertEquals(200, create(token, null).status());
    }

    @Test
    void anExpiredSubscriptionIsGone() {
        String id = create(token, 60L).json().get("id").asText();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(200, client.call("GET", "/restapi/v1.0/subscription/" + id, token, null).status());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(404, client.call("GET", "/restapi/v1.0/subscription/" + id, token, null).status());
        assertEquals(404, client.call("POST", "/restapi/v1.0/subscription/" + id + "/renew", token, null).status());
        assertEquals(0, list(token).size());
    }

    @Test
    void badRequestsNameTheParameter() {
        String address = receiver.address();
        assertInvalid("{\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"" + address + "\"}}",
                "eventFilters");
        assertInvalid(request(address, null, null).replace("/account/~/extension", "/account/~/presence"),
                "eventFilters");
        assertInvalid(request(address, null, null).replace("/account/~/", "/account/"
                + simulator.accounts().get(1).accountId() + "/"), "eventFilters");
        assertInvalid(request(address, null, null).replace("WebHook", "PubNub"), "deliveryMode.transportType");
        assertInvalid(request("not a url", null, null), "deliveryMode.address");
        assertInvalid(request(address, null, 0L), "expiresIn");
        SimClient.Response malformed = client.call("POST", "/restapi/v1.0/subscription", token, "{oops");
        assertEquals(400, malformed.status());
        assertEquals(0, receiver.validations.get(), "nothing was validated");
        assertEquals(401, client.call("GET", "/restapi/v1.0/subscription", "no-such-token", null).status());
    }

    private void assertInvalid(String body, String parameter) {
        SimClient.Response response = client.call("POST", "/restapi/v1.0/subscription", token, body);
        assertEquals(400, response.status(), body);
        assertEquals(parameter, response.json().get("errors").get(0).get("parameterName").asText(), body);
    }

    private JsonNode list(String accessToken) {
        SimClient.Response listed = client.call("GET", "/restapi/v1.0/subscription", accessToken, null);
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.json().get("uri").asText().endsWith("/restapi/v1.0/subscription"));
        return listed.json().get("records");
    }
}
