package dev.rcidentity.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code authorization_code} grant: the code must be unexpired, unused, issued to the calling client for the same
 * {@code redirect_uri}, and {@code code_verifier} must hash (S256) to the consent's {@code code_challenge}. Presenting
 * a used code also revokes the session its first exchange opened.
 */
final class CodeGrant {
    static final String GRANT = "authorization_code";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final AuthorizationCodes codes;
    private final TokenService tokens;
    private final Directory directory;
    private final WireFormat wire;

    CodeGrant(AuthorizationCodes codes, TokenService tokens, Directory directory, WireFormat wire) {
        this.codes = codes;
        this.tokens = tokens;
        this.directory = directory;
        this.wire = wire;
    }

    void handle(HttpCall call, Map<String, List<String>> form) {
        String code = HttpCall.first(form, "code");
        String redirectUri = HttpCall.first(form, "redirect_uri");
        if (code == null || redirectUri == null) {
            call.json(400, WireFormat.oauthError("invalid_request", "Required parameter ["
                    + (code == null ? "code" : "redirect_uri") + "] is missing", "OAU-101"));
            return;
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(code);
        String refusal = switch (redemption.outcome()) {
            case UNKNOWN -> "Authorization code is invalid";
            case EXPIRED -> "Authorization code is expired";
            case REUSED -> {
                String session = codes.sessionOf(code);
                if (session != null) {
                    tokens.revokeSession(session);
                }
                yield "Authorization code has already been used";
            }
            case VALID -> refusal(call, redemption.pending(), redirectUri, HttpCall.first(form, "code_verifier"));
        };
        if (refusal != null) {
            call.json(400, WireFormat.oauthError("invalid_grant", refusal, "OAU-140"));
            return;
        }
        AuthorizationCodes.Pending consent = redemption.pending();
        TokenService.Issued issued = tokens.issue(consent.accountId(), consent.extensionId(), call.clientId,
                RandomIds.urlSafe(24), OAuthEndpoint.endpointId(form));
        codes.opened(code, issued.grant().sessionId());
        call.json(200, wire.token(issued, OAuthEndpoint.SCOPE));
    }

    /** Why a fresh code cannot be exchanged, or null when it can. */
    private String refusal(HttpCall call, AuthorizationCodes.Pending consent, String redirectUri, String verifier) {
        if (!consent.clientId().equals(call.clientId)) {
            return "Authorization code was issued to another client";
        }
        if (!consent.redirectUri().equals(redirectUri)) {
            return "Parameter [redirect_uri] does not match the authorization request";
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return "Parameter [code_verifier] is missing or malformed";
        }
        if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                consent.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            return "Code verifier does not match the code challenge";
        }
        if (!directory.canLogIn(consent.accountId(), consent.extensionId())) {
            return "Extension is not active";
        }
        return null;
    }

    /** The PKCE S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))), unpadded. */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
