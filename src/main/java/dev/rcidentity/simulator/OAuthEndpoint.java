package dev.rcidentity.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth endpoints: {@code POST /restapi/oauth/token} (JWT bearer, refresh token and authorization code grants,
 * with client authentication), and through {@link AuthorizeEndpoint} and {@link RevokeEndpoint} the authorize and
 * revoke endpoints. All are in the Auth rate-limit group.
 */
final class OAuthEndpoint {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String REFRESH_GRANT = "refresh_token";
    static final String SCOPE = "ReadAccounts";

    private final JwtCodec jwt;
    private final TokenService tokens;
    private final Directory directory;
    private final Faults faults;
    private final WireFormat wire;
    private final AuthorizationCodes codes;
    private final ClientAuthentication clients;
    private final AuthThrottle throttle;
    private final CodeGrant codeGrant;
    private final AuthorizeEndpoint authorize;
    private final RevokeEndpoint revoke;

    OAuthEndpoint(SimulatorCredentials app, JwtCodec jwt, TokenService tokens, Directory directory,
                  SimulatedRateLimits rateLimits, Faults faults, WireFormat wire, Consent consent, AuthorizationCodes codes) {
        this.jwt = jwt;
        this.tokens = tokens;
        this.directory = directory;
        this.faults = faults;
        this.wire = wire;
        this.codes = codes;
        this.clients = new ClientAuthentication(app);
        this.throttle = new AuthThrottle(rateLimits, faults);
        this.codeGrant = new CodeGrant(codes, tokens, directory, wire);
        this.authorize = new AuthorizeEndpoint(clients, directory, consent, codes, throttle);
        this.revoke = new RevokeEndpoint(clients, tokens, throttle);
    }

    void handle(HttpCall call) throws IOException {
        call.group = RateLimitGroup.AUTH;
        if (faults.takeTokenEndpointFailure()) {
            call.json(503, WireFormat.error("CMN-211", "Service temporarily unavailable", null));
            return;
        }
        Optional<Map<String, List<String>>> clientForm = clients.clientForm(call);
        if (clientForm.isEmpty()) {
            return;
        }
        Map<String, List<String>> form = clientForm.get();
        String grantType = first(form, "grant_type");
        Optional<JwtCodec.Subject> subject = JWT_GRANT.equals(grantType)
                ? jwt.verify(first(form, "assertion")) : Optional.empty();
        TokenService.Grant refreshGrant = REFRESH_GRANT.equals(grantType)
                ? tokens.peekRefresh(first(form, "refresh_token")) : null;
        String owner = subject.map(JwtCodec.Subject::extensionId)
                .orElse(refreshGrant != null ? refreshGrant.extensionId() : null);
        if (CodeGrant.GRANT.equals(grantType)) {
            owner = codes.peekOwner(first(form, "code"));
        }
        call.ownerId = owner;

        if (!throttle.admit(call, owner)) {
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
        } else if (CodeGrant.GRANT.equals(grantType)) {
            codeGrant.handle(call, form);
        } else {
            call.json(400, WireFormat.oauthError("unsupported_grant_type", "Unsupported grant type", "OAU-251"));
        }
    }

    /** {@code GET /restapi/oauth/authorize}. */
    void authorize(HttpCall call) {
        call.group = RateLimitGroup.AUTH;
        authorize.handle(call);
    }

    /** {@code POST /restapi/oauth/revoke}. */
    void revoke(HttpCall call) throws IOException {
        call.group = RateLimitGroup.AUTH;
        revoke.handle(call);
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
        if (!directory.canLogIn(s.accountId(), s.extensionId())) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Extension is not active", "OAU-144"));
            return;
        }
        TokenService.Issued issued = tokens.issue(s.accountId(), s.extensionId(), call.clientId,
                RandomIds.urlSafe(24), endpointId(form));
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
        if (!directory.canLogIn(grant.accountId(), grant.extensionId())) {
            call.json(400, WireFormat.oauthError("invalid_grant", "Extension is not active", "OAU-144"));
            return;
        }
        TokenService.Issued issued = tokens.issue(grant.accountId(), grant.extensionId(), call.clientId,
                grant.sessionId(), grant.endpointId());
        call.json(200, wire.token(issued, SCOPE));
    }

    /** The client's {@code endpoint_id} when it gave a sensible one, else a generated one. */
    static String endpointId(Map<String, List<String>> form) {
        String endpointId = first(form, "endpoint_id");
        return endpointId == null || endpointId.isBlank() || endpointId.length() > 64
                ? RandomIds.urlSafe(16) : endpointId;
    }

    private static String first(Map<String, List<String>> form, String name) {
        return HttpCall.first(form, name);
    }
}
