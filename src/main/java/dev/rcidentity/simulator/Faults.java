package dev.rcidentity.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Misbehaviour to inject, for testing clients. Counted faults ({@code n} next requests) wear off by themselves;
 * the others stay until cleared ({@link #clear()} clears everything). Thread-safe.
 */
public final class Faults {
    /** Upper bound of {@link #slowResponses(Duration)}, so a forgotten fault cannot hang a server thread forever. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final TokenService tokens;
    private final Map<RateLimitGroup, Integer> rateLimitBursts = new EnumMap<>(RateLimitGroup.class);
    private final List<ServerErrorRule> serverErrors = new ArrayList<>();
    private final Map<Integer, Integer> malformedPages = new HashMap<>();
    private final Set<String> rejectedCredentials = new HashSet<>();
    private Duration delay = Duration.ZERO;
    private boolean endlessPaging;
    private int tokenEndpointFailures;

    Faults(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The next {@code n} requests in {@code group} (any caller) get 429 with Retry-After and start a penalty. */
    public synchronized Faults rateLimitBurst(RateLimitGroup group, int n) {
        Objects.requireNonNull(group, "group");
        rateLimitBursts.put(group, requireCount(n));
        return this;
    }

    /** The next {@code n} API requests (not the token endpoint) get 503. */
    public Faults serverErrors(int n) {
        return serverErrors(n, 503, null);
    }

    public Faults serverErrors(int n, int status) {
        return serverErrors(n, status, null);
    }

    /**
     * The next {@code n} API requests whose path (without query) matches {@code pathRegex} (null = any) get
     * {@code status} (a 5xx) with a RingCentral error body. Rules add up; the oldest matching rule is used first.
     */
    public synchronized Faults serverErrors(int n, int status, String pathRegex) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be 5xx, got " + status);
        }
        if (requireCount(n) > 0) {
            serverErrors.add(new ServerErrorRule(n, status, pathRegex == null ? null : Pattern.compile(pathRegex)));
        }
        return this;
    }

    /** Delays every response by {@code delay} (at most {@link #MAX_DELAY}); zero turns it off. */
    public synchronized Faults slowResponses(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        return this;
    }

    /** Page {@code page} of every extension list answers 200 with truncated JSON until cleared. */
    public synchronized Faults malformedPage(int page) {
        malformedPages.put(requirePage(page), Integer.MAX_VALUE);
        return this;
    }

    /** Page {@code page} of the extension list answers truncated JSON the next {@code times} times it is asked for. */
    public synchronized Faults malformedPage(int page, int times) {
        malformedPages.put(requirePage(page), requireCount(times));
        return this;
    }

    /** When on, every extension list page has a {@code nextPage} link, even past the end (with no records). */
    public synchronized Faults endlessPaging(boolean on) {
        endlessPaging = on;
        return this;
    }

    /**
     * The token endpoint answers 400 invalid_grant for this client id, or for the user (extension id = JWT subject,
     * also the owner of a refresh token), until {@link #acceptCredentials(String)} or {@link #clear()}.
     */
    public synchronized Faults rejectCredentials(String clientIdOrJwtSubject) {
        rejectedCredentials.add(Objects.requireNonNull(clientIdOrJwtSubject, "clientIdOrJwtSubject"));
        return this;
    }

    public synchronized Faults acceptCredentials(String clientIdOrJwtSubject) {
        rejectedCredentials.remove(clientIdOrJwtSubject);
        return this;
    }

    /** Invalidates every refresh token issued so far (a one-off action, not a standing fault). */
    public Faults revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
        return this;
    }

    /** Invalidates every access token issued so far: API calls with them get 401. */
    public Faults revokeAccessTokens() {
        tokens.revokeAccessTokens();
        return this;
    }

    /** The next {@code n} token endpoint calls get 503. */
    public synchronized Faults failTokenEndpoint(int n) {
        tokenEndpointFailures = requireCount(n);
        return this;
    }

    /** Removes every standing and counted fault (revoked tokens stay revoked). */
    public synchronized Faults clear() {
        rateLimitBursts.clear();
        serverErrors.clear();
        malformedPages.clear();
        rejectedCredentials.clear();
        delay = Duration.ZERO;
        endlessPaging = false;
        tokenEndpointFailures = 0;
        return this;
    }

    synchronized boolean takeRateLimitBurst(RateLimitGroup group) {
        Integer left = rateLimitBursts.get(group);
        if (left == null || left <= 0) {
            return false;
        }
        if (left == 1) {
            rateLimitBursts.remove(group);
        } else {
            rateLimitBursts.put(group, left - 1);
        }
        return true;
    }

    /** The status to fail this API request with, or 0. */
    synchronized int takeServerError(String path) {
        for (Iterator<ServerErrorRule> it = serverErrors.iterator(); it.hasNext(); ) {
            ServerErrorRule rule = it.next();
            if (rule.pattern == null || rule.pattern.matcher(path).matches()) {
                if (--rule.remaining <= 0) {
                    it.remove();
                }
                return rule.status;
            }
        }
        return 0;
    }

    synchronized Duration responseDelay() {
        return delay;
    }

    synchronized boolean takeMalformedPage(int page) {
        Integer left = malformedPages.get(page);
        if (left == null) {
            return false;
        }
        if (left != Integer.MAX_VALUE) {
            if (left <= 1) {
                malformedPages.remove(page);
            } else {
                malformedPages.put(page, left - 1);
            }
        }
        return true;
    }

    synchronized boolean endlessPaging() {
        return endlessPaging;
    }

    synchronized boolean isRejected(String credential) {
        return credential != null && rejectedCredentials.contains(credential);
    }

    synchronized boolean takeTokenEndpointFailure() {
        if (tokenEndpointFailures <= 0) {
            return false;
        }
        tokenEndpointFailures--;
        return true;
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + n);
        }
        return n;
    }

    private static int requirePage(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1, got " + page);
        }
        return page;
    }

    private static final class ServerErrorRule {
        int remaining;
        final int status;
        final Pattern pattern;

        ServerErrorRule(int remaining, int status, Pattern pattern) {
            this.remaining = remaining;
            this.status = status;
            this.pattern = pattern;
        }
    }
}
