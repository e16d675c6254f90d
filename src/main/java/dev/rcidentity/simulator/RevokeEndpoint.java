package dev.rcidentity.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /restapi/oauth/revoke} (RFC 7009): with Basic client authentication, revokes the whole OAuth session
 * of an access or refresh token ({@code token} in the form, or in the query). An unknown or already revoked token
 * answers 200 too, so a client cannot probe which tokens exist.
 */
final class RevokeEndpoint {
    private final ClientAuthentication clients;
    private final TokenService tokens;
    private final AuthThrottle throttle;

    RevokeEndpoint(ClientAuthentication clients, TokenService tokens, AuthThrottle throttle) {
        this.clients = clients;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    void handle(HttpCall call) throws IOException {
        Optional<Map<String, List<String>>> form = clients.clientForm(call);
        if (form.isEmpty()) {
            return;
        }
        String token = HttpCall.first(form.get(), "token");
        if (token == null) {
            try {
                token = HttpCall.first(call.query(), "token");
            } catch (IllegalArgumentException e) {
                // a malformed query names no token
            }
        }
        TokenService.Grant owner = token == null ? null : tokens.peek(token);
        call.ownerId = owner == null ? null : owner.extensionId();
        if (!throttle.admit(call, call.ownerId)) {
            return;
        }
        if (token == null || token.isBlank()) {
            call.json(400, WireFormat.oauthError("invalid_request", "Required parameter [token] is missing",
                    "OAU-101"));
            return;
        }
        tokens.revokeSessionOf(token);
        call.raw(200, new byte[0]);
    }
}
