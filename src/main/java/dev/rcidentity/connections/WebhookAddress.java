package dev.rcidentity.connections;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where RingCentral delivers a connection's notifications: {@code WEBHOOK_BASE_URL/webhooks/ringcentral?connectionId=}.
 * The connectionId in the address lets any instance find the connection (and its verification token) of a delivery
 * at once, even one that arrives before the subscription's id is known anywhere.
 */
public final class WebhookAddress {
    public static final String PATH = "/webhooks/ringcentral";
    public static final String CONNECTION_PARAMETER = "connectionId";

    private WebhookAddress() {
    }

    public static URI of(URI baseUrl, String connectionId) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + PATH + "?" + CONNECTION_PARAMETER + "="
                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
    }
}
