package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorization codes of the 3-legged flow: short-lived and single-use. Any redemption attempt uses the code up,
 * a failed one included (a wrong PKCE verifier cannot be retried). A code presented again is remembered with the
 * session its exchange opened, so that session can be revoked (RFC 6749 section 4.1.2). Both maps are bounded.
 */
final class AuthorizationCodes {
    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_CODES = 10_000;

    private final Clock clock;
    private final IssuedSecrets issued;
    private final Map<String, Pending> pending = bounded();
    /** Codes presented once, with the session their exchange opened ("" when it failed). */
    private final Map<String, String> redeemed = bounded();

    AuthorizationCodes(Clock clock, IssuedSecrets issued) {
        this.clock = clock;
        this.issued = issued;
    }

    /** What the consent bound the code to. */
    record Pending(String clientId, String redirectUri, String codeChallenge, String accountId, String extensionId,
                   Instant expiresAt) {
    }

    enum Outcome { VALID, EXPIRED, REUSED, UNKNOWN }

    record Redemption(Outcome outcome, Pending pending) {
    }

    String issue(String clientId, String redirectUri, String codeChallenge, String accountId, String extensionId) {
        String code = "SIMC1" + RandomIds.urlSafe(24);
        issued.add(code);
        synchronized (this) {
            pending.put(code, new Pending(clientId, redirectUri, codeChallenge, accountId, extensionId,
                    clock.instant().plus(TTL)));
        }
        return code;
    }

    /** Who a code would log in, without using it up (for rate limiting and the request log). */
    synchronized String peekOwner(String code) {
        Pending p = code == null ? null : pending.get(code);
        return p == null ? null : p.extensionId();
    }

    /** Uses the code up. A code presented before is REUSED (the caller revokes what it opened). */
    synchronized Redemption redeem(String code) {
        if (code == null) {
            return new Redemption(Outcome.UNKNOWN, null);
        }
        Pending p = pending.remove(code);
        if (p == null) {
            return new Redemption(redeemed.containsKey(code) ? Outcome.REUSED : Outcome.UNKNOWN, null);
        }
        redeemed.put(code, "");
        return new Redemption(clock.instant().isBefore(p.expiresAt()) ? Outcome.VALID : Outcome.EXPIRED, p);
    }

    /** Remembers the session a successful exchange of {@code code} opened. */
    synchronized void opened(String code, String sessionId) {
        redeemed.computeIfPresent(code, (c, none) -> sessionId);
    }

    /** The session opened by a code, when it was exchanged successfully. */
    synchronized String sessionOf(String code) {
        String sessionId = redeemed.get(code);
        return sessionId == null || sessionId.isEmpty() ? null : sessionId;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_CODES;
            }
        };
    }
}
