package dev.rcidentity.connections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** The two pieces every request to RingCentral's OAuth endpoints carries: a form body and the app's Basic auth. */
public final class OAuthRequests {
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private OAuthRequests() {
    }

    /** {@code application/x-www-form-urlencoded}, in the map's order. */
    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The {@code Authorization} header value of the app's client credentials. */
    public static String basicAuthorization(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }
}
