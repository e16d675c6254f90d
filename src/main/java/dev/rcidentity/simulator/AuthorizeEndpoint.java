package dev.rcidentity.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /restapi/oauth/authorize}: the 3-legged flow's browser step. A request RingCentral would refuse (unknown
 * client, a missing or unregistered {@code redirect_uri}, no PKCE S256 challenge) gets a 400 error page and no
 * redirect. Otherwise the {@link Consent} answers at once and the browser is sent (302) to
 * {@code redirect_uri?code=..&state=..}, or {@code ?error=access_denied&state=..}.
 */
final class AuthorizeEndpoint {
    static final String DENY_PARAM = "simulator_deny";
    static final String ACCOUNT_PARAM = "simulator_account";
    static final String EXTENSION_PARAM = "simulator_extension";
    private static final int MAX_STATE = 2_048;
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ClientAuthentication clients;
    private final Directory directory;
    private final Consent consent;
    private final AuthorizationCodes codes;
    private final AuthThrottle throttle;

    AuthorizeEndpoint(ClientAuthentication clients, Directory directory, Consent consent, AuthorizationCodes codes,
                      AuthThrottle throttle) {
        this.clients = clients;
        this.directory = directory;
        this.consent = consent;
        this.codes = codes;
        this.throttle = throttle;
    }

    void handle(HttpCall call) {
        Map<String, List<String>> query;
        try {
            query = call.query();
        } catch (IllegalArgumentException e) {
            refuse(call, "invalid_request", "Malformed query string");
            return;
        }
        String clientId = HttpCall.first(query, "client_id");
        if (!clients.knowsClient(clientId)) {
            refuse(call, "invalid_client", "Parameter [client_id] is missing or names no application");
            return;
        }
        call.clientId = clientId;
        String redirectUri = HttpCall.first(query, "redirect_uri");
        String state = HttpCall.first(query, "state");
        String challenge = HttpCall.first(query, "code_challenge");
        String problem = redirectUri == null || !acceptableRedirect(redirectUri) || !consent.redirectAllowed(redirectUri)
                ? "Parameter [redirect_uri] is missing or not registered for the application"
                : !"code".equals(HttpCall.first(query, "response_type")) ? "Parameter [response_type] must be code"
                : challenge == null || !CHALLENGE.matcher(challenge).matches()
                        ? "Parameter [code_challenge] is required: PKCE with a S256 challenge"
                : !"S256".equals(HttpCall.first(query, "code_challenge_method"))
                        ? "Parameter [code_challenge_method] must be S256"
                : state != null && state.length() > MAX_STATE ? "Parameter [state] is too long"
                : null;
        if (problem != null) {
            refuse(call, "invalid_request", problem);
            return;
        }
        // Before the user signs in only the application is known: the Auth limit applies per application here.
        if (!throttle.admit(call, null)) {
            return;
        }
        Consent.Decision decision = decision(query);
        if (decision == null) {
            refuse(call, "invalid_request", "Parameter [" + ACCOUNT_PARAM + "] names no account");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (decision.deny()) {
            params.put("error", "access_denied");
            params.put("error_description", "The user denied the authorization request");
        } else if (!directory.canLogIn(decision.accountId(), decision.extensionId())) {
            call.ownerId = decision.extensionId();
            refuse(call, "access_denied", "The consenting extension does not exist or is not Enabled");
            return;
        } else {
            call.ownerId = decision.extensionId();
            params.put("code", codes.issue(clientId, redirectUri, challenge, decision.accountId(),
                    decision.extensionId()));
        }
        if (state != null) {
            params.put("state", state);
        }
        call.header("Location", withParams(redirectUri, params));
        call.raw(302, new byte[0]);
    }

    /** The query's simulator-only override, else the next queued or rotating consent; null for an unknown account. */
    private Consent.Decision decision(Map<String, List<String>> query) {
        if ("true".equalsIgnoreCase(HttpCall.first(query, DENY_PARAM))) {
            return new Consent.Decision(true, null, null);
        }
        String accountId = HttpCall.first(query, ACCOUNT_PARAM);
        if (accountId == null) {
            return consent.take();
        }
        if (directory.account(accountId).isEmpty()) {
            return null;
        }
        String extensionId = HttpCall.first(query, EXTENSION_PARAM);
        return new Consent.Decision(false, accountId, extensionId == null ? accountId : extensionId);
    }

    static boolean acceptableRedirect(String redirectUri) {
        try {
            return acceptableRedirect(URI.create(redirectUri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean acceptableRedirect(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawFragment() == null;
    }

    private static String withParams(String redirectUri, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return redirectUri + (redirectUri.contains("?") ? "&" : "?") + query;
    }

    private static void refuse(HttpCall call, String error, String description) {
        call.json(400, WireFormat.oauthError(error, description, "OAU-101"));
    }
}
