package dev.rcidentity.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /restapi/oauth/token}: the JWT bearer and refresh token grants, with client authentication. */
final class OAuthEndpoint {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String REFRESH_GRANT = "refresh_token";
    static final String SCOPE = "ReadAccounts";
    private static final int MAX_BODY = 16 * 1024;

    private final SimulatorCredentials app;
    private final JwtCodec jwt;
    private final TokenService tokens;
    private final Directory directory;
    private final SimulatedRateLimits rateLimits;
    private final Faults faults;
    private final WireFormat wire;
    private final SecureRandom random = new SecureRandom();

    OAuthEndpoint(SimulatorCredentials app, JwtCodec jwt, TokenService tokens, Directory directory,
                  SimulatedRateLimits rateLimits, Faults faults, WireFormat wire) {
        this.app = app;
        this.jwt = jwt;
        this.tokens = tokens;
        this.directory = directory;
        this.rateLimits = rateLimits;
        this.faults = faults;
        this.wire = wire;
    }

    void handle(HttpCall call) throws IOException {
        call.group = RateLimitGroup.AUTH;
        if (faults.takeTokenEndpointFailure()) {
            call.json(503, WireFormat.error("CMN-211", "Service temporarily unavailable", null));
            return;
        }
        Optional<String> clientId = authenticateClient(call);
        if (clientId.isEmpty()) {
            call.header("WWW-Authenticate", "Basic realm=\"RingCentral\"");
            call.json(401, WireFormat.oauthError("invalid_client", "Invalid client", "OAU-123"));
            return;
        }
        call.clientId = clientId.get();
        String contentType = call.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            call.json(400, WireFormat.oauthError("invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded", "OAU-250"));
            return;
        }
        Optional<byte[]> body = call.body(MAX_BODY);
        if (body.isEmpty()) {
            call.json(413, WireFormat.error("CMN-413", "Request entity too large", null));
            return;
        }
        Map<String, List<String>> form;
        try {
            form = HttpCall.parseForm(new String(body.get(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            call.json(400, WireFormat.oauthError("invalid_request", "Malformed form body", "OAU-250"));
            return;
        }
        String grantType = first(form, "grant_type");
        Optional<JwtCodec.Subject> subject = JWT_GRANT.equals(grantType)
                ? jwt.verify(first(form, "assertion")) : Optional.empty();
        TokenService.Grant refreshGrant = REFRESH_GRANT.equals(grantType)
                ? tokens.peekRefresh(first(form, "refresh_token")) : null;
        String owner = subject.map(JwtCodec.Subject::extensionId)
                .orElse(refreshGrant != null ? refreshGrant.extensionId() : null);
        call.ownerId = owner;

        SimulatedRateLimits.Decision decision = faults.takeRateLimitBurst(RateLimitGroup.AUTH)
                ? rateLimits.forcePenalty(call.clientId + "|" + owner, RateLimitGroup.AUTH)
                : rateLimits.acquire(call.clientId + "|" + owner, RateLimitGroup.AUTH);
        call.rateLimitHeaders(decision);
        if (!decision.allowed()) {
            call.json(429, SimulatorHandler.rateExceeded());
            return;
        }
        if (faults.isRejected(call.clientId) || faults.isRejected(owner)) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Invalid grant", "OAU-140"));
            return;
        }
        if (grantType == null) {
            call.json(400, WireFormat.oauthError("invalid_request", "Unsupported grant type", "OAU-250"));
        } else if (JWT_GRANT.equals(grantType)) {
            jwtGrant(call, form, subject);
        } else if (REFRESH_GRANT.equals(grantType)) {
            refreshGrant(call, form);
        } else {
            call.json(400, WireFormat.oauthError("unsupported_grant_type", "Unsupported grant type", "OAU-251"));
        }
    }

    private void jwtGrant(HttpCall call, Map<String, List<String>> form, Optional<JwtCodec.Subject> subject) {
        if (first(form, "assertion") == null) {
            call.json(400, WireFormat.oauthError("invalid_request", "Required parameter [assertion] is missing",
                    "OAU-101"));
            return;
        }
        if (subject.isEmpty()) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Invalid assertion signature", "OAU-144"));
            return;
        }
        JwtCodec.Subject s = subject.get();
        if (!canLogIn(s.accountId(), s.extensionId())) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Extension is not active", "OAU-144"));
            return;
        }
        String endpointId = first(form, "endpoint_id");
        if (endpointId == null || endpointId.isBlank() || endpointId.length() > 64) {
            endpointId = randomId(16);
        }
        TokenService.Issued issued = tokens.issue(s.accountId(), s.extensionId(), call.clientId, randomId(24),
                endpointId);
        call.json(200, wire.token(issued, SCOPE));
    }

    private void refreshGrant(HttpCall call, Map<String, List<String>> form) {
        String refreshToken = first(form, "refresh_token");
        if (refreshToken == null) {
            call.json(400, WireFormat.oauthError("invalid_request", "Required parameter [refresh_token] is missing",
                    "OAU-101"));
            return;
        }
        TokenService.Lookup lookup = tokens.redeem(refreshToken);
        if (lookup.check() == TokenService.Check.EXPIRED) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Token is expired", "OAU-211"));
            return;
        }
        if (lookup.check() != TokenService.Check.VALID || !lookup.grant().clientId().equals(call.clientId)) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Token not found", "OAU-211"));
            return;
        }
        TokenService.Grant grant = lookup.grant();
        if (!canLogIn(grant.accountId(), grant.extensionId())) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Extension is not active", "OAU-144"));
            return;
        }
        TokenService.Issued issued = tokens.issue(grant.accountId(), grant.extensionId(), call.clientId,
                grant.sessionId(), grant.endpointId());
        call.json(200, wire.token(issued, SCOPE));
    }

    /** Only existing, Enabled extensions can obtain tokens (a departed or disabled user cannot log in). */
    private boolean canLogIn(String accountId, String extensionId) {
        return directory.extension(accountId, extensionId)
                .filter(e -> SimulatedExtension.ExtensionStatus.ENABLED.equals(e.status()))
                .isPresent();
    }

    private Optional<String> authenticateClient(HttpCall call) {
        String header = call.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        boolean ok = MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), app.clientId().getBytes(StandardCharsets.UTF_8))
                & MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), app.clientSecret().getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.of(id) : Optional.empty();
    }

    private String randomId(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
