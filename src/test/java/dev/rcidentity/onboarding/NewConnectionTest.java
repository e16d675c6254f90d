package dev.rcidentity.onboarding;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The body of POST /v1/connections: every refusal names the field. */
class NewConnectionTest {
    private static final URI DEFAULT = URI.create("https://platform.ringcentral.com");

    private static NewConnection parse(String json) {
        return NewConnection.parse(json.getBytes(StandardCharsets.UTF_8), DEFAULT);
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void aJwtConnectionWithTheDefaultServer() {
        NewConnection c = parse("{\"name\":\" acme \",\"clientId\":\"id\",\"clientSecret\":\"s3cret\",\"jwt\":\"j.w.t\"}");
        assertEquals("acme", c.name());
        assertEquals(DEFAULT, c.serverUrl());
        assertEquals("jwt", c.grantType());
        assertNull(c.refreshToken());
        assertFalse(c.toString().contains("s3cret") || c.toString().contains("j.w.t"), c.toString());
    }

    @Test
    void aRefreshTokenConnectionOnItsOwnServer() {
        NewConnection c = parse("{\"name\":\"a\",\"serverUrl\":\"http://127.0.0.1:9/\",\"clientId\":\"id\","
                + "\"clientSecret\":\"s\",\"refreshToken\":\"r\"}");
        assertEquals(URI.create("http://127.0.0.1:9/"), c.serverUrl());
        assertEquals("refresh_token", c.grantType());
    }

    @Test
    void refusalsNameTheField() {
        assertEquals("the body is not JSON", refusal("{nope"));
        assertEquals(true, refusal("").startsWith("the body must be a JSON object"));
        assertEquals(true, refusal("[]").startsWith("the body must be a JSON object"));
        assertEquals("name is missing: it names the connection", refusal("{\"clientId\":\"i\",\"clientSecret\":\"s\",\"jwt\":\"j\"}"));
        assertEquals("name must be a string", refusal("{\"name\":3}"));
        assertEquals("clientId is missing", refusal("{\"name\":\"n\",\"clientSecret\":\"s\",\"jwt\":\"j\"}"));
        assertEquals("clientSecret is missing", refusal("{\"name\":\"n\",\"clientId\":\"i\",\"jwt\":\"j\"}"));
        assertEquals("clientSecret must be a string", refusal("{\"name\":\"n\",\"clientId\":\"i\",\"clientSecret\":{}}"));
        assertEquals("jwt or refreshToken is missing: give the credential, one of the two",
                refusal("{\"name\":\"n\",\"clientId\":\"i\",\"clientSecret\":\"s\"}"));
        assertEquals("jwt and refreshToken are both given: give one of the two",
                refusal("{\"name\":\"n\",\"clientId\":\"i\",\"clientSecret\":\"s\",\"jwt\":\"j\",\"refreshToken\":\"r\"}"));
        assertEquals("jwt is longer than 16384 characters", refusal("{\"name\":\"n\",\"clientId\":\"i\","
                + "\"clientSecret\":\"s\",\"jwt\":\"" + "j".repeat(16_385) + "\"}"));
        for (String url : new String[]{"ftp://x", "/relative", "https://user:pw@host", "https://h/?q=1", "http://h/#f", "::"}) {
            assertEquals(true, refusal("{\"name\":\"n\",\"serverUrl\":\"" + url + "\",\"clientId\":\"i\","
                    + "\"clientSecret\":\"s\",\"jwt\":\"j\"}").startsWith("serverUrl"), url);
        }
    }
}
