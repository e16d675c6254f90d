package dev.rcidentity.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.connections.OAuthRequests;
import dev.rcidentity.model.Ids;
import dev.rcidentity.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static dev.rcidentity.onboarding.OnboardingException.Kind.REFUSED;
import static dev.rcidentity.onboarding.OnboardingException.Kind.RINGCENTRAL_UNAVAILABLE;

/**
 * One exchange at RingCentral's token endpoint ({@code POST /restapi/oauth/token}, Basic client authentication) for
 * onboarding: the JWT bearer, refresh token and authorization code grants. Never retried: a refresh token or code is
 * single-use, so a retry after a lost answer is refused anyway; the caller reports and the admin tries again. Bounded
 * in connect time, total time (body included) and answer size. Redirects are not followed: the client secret must
 * not travel wherever a {@code Location} header points.
 */
public final class TokenClient {
    public static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String REFRESH_GRANT = "refresh_token";
    public static final String CODE_GRANT = "authorization_code";
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final HttpClient http;
    private final Duration timeout;

    public TokenClient(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
    }

    public static TokenClient withDefaults() {
        return new TokenClient(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public TokenAnswer jwt(URI server, String clientId, String clientSecret, String jwt) {
        return exchange(server, clientId, clientSecret, form("grant_type", JWT_GRANT, "assertion", jwt));
    }

    /** Rotates the refresh token: the one presented stops working, the answer holds its successor. */
    public TokenAnswer refresh(URI server, String clientId, String clientSecret, String refreshToken) {
        return exchange(server, clientId, clientSecret, form("grant_type", REFRESH_GRANT, "refresh_token", refreshToken));
    }

    public TokenAnswer authorizationCode(URI server, String clientId, String clientSecret, String code,
                                         URI redirectUri, String codeVerifier) {
        return exchange(server, clientId, clientSecret, form("grant_type", CODE_GRANT, "code", code,
                "redirect_uri", redirectUri.toString(), "code_verifier", codeVerifier));
    }

    private TokenAnswer exchange(URI server, String clientId, String clientSecret, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(endpoint(server))
                .timeout(timeout)
                .header("Authorization", OAuthRequests.basicAuthorization(clientId, clientSecret))
                .header("Content-Type", OAuthRequests.FORM_CONTENT_TYPE)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OAuthRequests.formBody(form)))
                .build();
        HttpResponse<byte[]> response = send(request, server);
        int status = response.statusCode();
        if (status == 200) {
            return answer(response.body(), server);
        }
        String error = errorCode(response.body());
        String said = error == null ? "" : " (" + error + ")";
        if (status == 400 || status == 401 || status == 403) {
            throw new OnboardingException(REFUSED, "RingCentral at " + server + " refused the "
                    + form.get("grant_type") + " grant: HTTP " + status + said, error == null ? "HTTP_" + status : error);
        }
        String retry = response.headers().firstValue("Retry-After").filter(s -> s.matches("\\d{1,6}")).map(s -> "; retry after " + s + " s").orElse("");
        throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "RingCentral's token endpoint at " + server
                + " answered HTTP " + status + said + retry);
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI server) {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> bounded());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "No answer from RingCentral's token endpoint at "
                    + server + " (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "Interrupted while waiting for RingCentral");
        } finally {
            future.cancel(true);
        }
    }

    /** Collects at most {@link #MAX_ANSWER_BYTES}; a longer body reads as null (and is not kept in memory). */
    private static HttpResponse.BodySubscriber<byte[]> bounded() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean[] tooLarge = {false};
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk ->
                chunk.ifPresent(bytes -> {
                    if (tooLarge[0] || buffer.size() + bytes.length > MAX_ANSWER_BYTES) {
                        tooLarge[0] = true;
                        buffer.reset();
                    } else {
                        buffer.writeBytes(bytes);
                    }
                })), ignored -> tooLarge[0] ? null : buffer.toByteArray());
    }

    private static TokenAnswer answer(byte[] body, URI server) {
        JsonNode node = json(body);
        String access = node == null ? null : Json.text(node, "access_token");
        if (access == null || access.isEmpty()) {
            throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "RingCentral at " + server
                    + " answered the token request without an access token"
                    + (body == null ? " (the answer is larger than " + MAX_ANSWER_BYTES + " bytes)" : ""));
        }
        String ownerId = Json.text(node, "owner_id");
        return new TokenAnswer(access, Json.text(node, "refresh_token"), Ids.isValid(ownerId) ? ownerId : null,
                Json.text(node, "endpoint_id"), Json.text(node, "scope"));
    }

    /** The text when it is a plain error code (letters, digits, {@code _.-}, at most 64), else "unknown". */
    static String plainCode(String text) {
        return text != null && ERROR_CODE.matcher(text).matches() ? text : "unknown";
    }

    /**
     * RingCentral's error codes, comma-separated: the OAuth {@code error} and the platform's {@code errorCode}
     * ({@code invalid_grant, OAU-144}), those that are plain codes only; null when there are none. Never the body.
     */
    static String errorCode(byte[] body) {
        JsonNode node = json(body);
        if (node == null) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : new String[]{Json.text(node, "error"), Json.text(node, "errorCode"),
                Json.text(node.path("errors").path(0), "errorCode")}) {
            if (code != null && ERROR_CODE.matcher(code).matches()) {
                codes.add(code);
            }
        }
        return codes.isEmpty() ? null : String.join(", ", codes);
    }

    private static JsonNode json(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static URI endpoint(URI server) {
        return URI.create(withoutTrailingSlash(server) + "/restapi/oauth/token");
    }

    static String withoutTrailingSlash(URI server) {
        String text = server.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
