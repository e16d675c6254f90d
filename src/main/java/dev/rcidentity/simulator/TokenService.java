package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access and refresh tokens. Refresh tokens are single-use: redeeming one removes it. Both maps are bounded (the
 * oldest tokens are forgotten first), so a client that never stops logging in cannot grow the heap.
 */
final class TokenService {
    private static final int MAX_TOKENS = 200_000;

    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final IssuedSecrets issued;
    private final Map<String, Grant> accessTokens = bounded();
    private final Map<String, Grant> refreshTokens = bounded();

    TokenService(Clock clock, Duration accessTtl, Duration refreshTtl, IssuedSecrets issued) {
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.issued = issued;
    }

    /** Who a token acts for. {@code expiresAt} is the expiry of the token the grant is stored under. */
    record Grant(String accountId, String extensionId, String clientId, String sessionId, String endpointId,
                 Instant expiresAt) {
        Grant expiring(Instant at) {
            return new Grant(accountId, extensionId, clientId, sessionId, endpointId, at);
        }
    }

    record Issued(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn, Grant grant) {
    }

    enum Check { VALID, EXPIRED, UNKNOWN }

    record Lookup(Check check, Grant grant) {
    }

    Issued issue(String accountId, String extensionId, String clientId, String sessionId, String endpointId) {
        Instant now = clock.instant();
        Grant base = new Grant(accountId, extensionId, clientId, sessionId, endpointId, now);
        String access = newToken();
        String refresh = newToken();
        synchronized (this) {
            accessTokens.put(access, base.expiring(now.plus(accessTtl)));
            refreshTokens.put(refresh, base.expiring(now.plus(refreshTtl)));
        }
        return new Issued(access, accessTtl.toSeconds(), refresh, refreshTtl.toSeconds(), base);
    }

    synchronized Lookup access(String token) {
        Grant grant = token == null ? null : accessTokens.get(token);
        if (grant == null) {
            return new Lookup(Check.UNKNOWN, null);
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return new Lookup(Check.EXPIRED, grant);
        }
        return new Lookup(Check.VALID, grant);
    }

    /** Uses up a refresh token; VALID only when it existed and had not expired. */
    synchronized Lookup redeem(String refreshToken) {
        Grant grant = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (grant == null) {
            return new Lookup(Check.UNKNOWN, null);
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return new Lookup(Check.EXPIRED, grant);
        }
        return new Lookup(Check.VALID, grant);
    }

    /** Who a refresh token belongs to, without using it up (for rate limiting and rejections). */
    synchronized Grant peekRefresh(String refreshToken) {
        return refreshToken == null ? null : refreshTokens.get(refreshToken);
    }

    /** Who an access or refresh token acts for, or null when it is unknown (or revoked). */
    synchronized Grant peek(String token) {
        Grant grant = accessTokens.get(token);
        return grant != null ? grant : refreshTokens.get(token);
    }

    /**
     * Revokes the whole OAuth session of an access or refresh token (every token of that session, as RingCentral's
     * revoke does); false when the token is unknown.
     */
    synchronized boolean revokeSessionOf(String token) {
        Grant grant = peek(token);
        if (grant == null) {
            return false;
        }
        revokeSession(grant.sessionId());
        return true;
    }

    synchronized void revokeSession(String sessionId) {
        accessTokens.values().removeIf(g -> g.sessionId().equals(sessionId));
        refreshTokens.values().removeIf(g -> g.sessionId().equals(sessionId));
    }

    synchronized void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    synchronized void revokeAccessTokens() {
        accessTokens.clear();
    }

    private String newToken() {
        String token = "SIM01" + RandomIds.urlSafe(32);
        issued.add(token);
        return token;
    }

    private static Map<String, Grant> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Grant> eldest) {
                return size() > MAX_TOKENS;
            }
        };
    }
}
