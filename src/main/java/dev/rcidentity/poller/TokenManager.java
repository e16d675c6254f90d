package dev.rcidentity.poller;

import dev.rcidentity.model.LoginEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The one access token of a connection. Obtains it with the refresh-token grant while a refresh token is usable, else
 * with the JWT bearer grant; renews it ahead of {@code expires_in}; keeps each rotated refresh token (they are
 * single-use) and hands it to the {@link CredentialSink} before the new access token is handed out: until the sink
 * stored it, no access token leaves. Every token obtained leaves a {@link LoginEvent} to be published
 * ({@link #logins()}). Exchanges run under this object's lock, so {@link #halt()} never cuts one in half.
 */
final class TokenManager {
    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String REFRESH_GRANT = "refresh_token";
    private static final Duration DEFAULT_ACCESS_TTL = Duration.ofHours(1);
    private static final Duration MAX_RENEWAL_LEAD = Duration.ofMinutes(1);
    private static final Duration HALT_WAIT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(TokenManager.class);

    private final ConnectionSettings connection;
    private final TokenExchange tokenEndpoint;
    private final CredentialSink sink;
    private final LongSupplier nanoTime;
    private final PendingLogins logins;

    private String access;
    private long renewAt;
    private String refresh;
    /** When the refresh token stops working; only meaningful while {@link #refresh} is set and the server said. */
    private Long refreshUsableUntil;
    /** A rotated refresh token the sink has not stored yet: no access token is handed out meanwhile. */
    private boolean unsaved;
    private volatile boolean halted;
    /** Held while a token is obtained, so a halt waits for an exchange (and its durable write) to end. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String ownerId;

    TokenManager(ConnectionSettings connection, RingCentralHttp http, CredentialSink sink, Clock clock,
                 LongSupplier nanoTime) {
        this.connection = connection;
        this.tokenEndpoint = new TokenExchange(connection, http, nanoTime);
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.logins = new PendingLogins(connection, clock);
        this.refresh = connection.refreshToken();
    }

    /** A token valid for a while yet, obtaining a new one when the current one is due for renewal. */
    String accessToken() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (halted) {
                throw new InterruptedException("connection '" + connection.name() + "' was released");
            }
            if (unsaved) {
                save();
            }
            if (access == null || nanoTime.getAsLong() - renewAt >= 0) {
                obtain();
            }
            return access;
        } finally {
            lock.unlock();
        }
    }

    /**
     * No exchange starts after this; one in progress is waited for (bounded), so a refresh token RingCentral just
     * rotated is stored rather than lost with an interrupted response.
     */
    void halt() throws InterruptedException {
        halted = true;
        if (lock.tryLock(HALT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            lock.unlock();
        } else {
            log.warn("Connection '{}': a token exchange still runs {} after the halt", connection.name(), HALT_WAIT);
        }
    }

    /**
     * Runs {@code task} while no token exchange runs, so that another write of the connection's record (its webhook
     * verification token) never crosses the write of a rotated refresh token.
     */
    <T> T exclusive(java.util.concurrent.Callable<T> task) throws Exception {
        lock.lockInterruptibly();
        try {
            return task.call();
        } finally {
            lock.unlock();
        }
    }

    /** The token that names this connection's OAuth session for a revocation: the refresh token, else the access. */
    String sessionToken() {
        lock.lock();
        try {
            return refresh != null ? refresh : access;
        } finally {
            lock.unlock();
        }
    }

    /** The extension the tokens act for ({@code owner_id}), once a token answer named it. */
    String ownerId() {
        return ownerId;
    }

    /** The server refused {@code token} (401): the next {@link #accessToken()} obtains a new one. */
    void invalidate(String token) {
        lock.lock();
        try {
            if (Objects.equals(access, token)) {
                access = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The logins of the tokens obtained, to be published. */
    PendingLogins logins() {
        return logins;
    }

    private void obtain() throws InterruptedException {
        if (refresh != null && (refreshUsableUntil == null || nanoTime.getAsLong() - refreshUsableUntil < 0)) {
            try {
                exchange(REFRESH_GRANT, Map.of("grant_type", REFRESH_GRANT, "refresh_token", refresh));
                return;
            } catch (CredentialRejectedException e) {
                refresh = null;
                if (connection.jwt() == null) {
                    throw e;
                }
                log.warn("Connection '{}': the token endpoint refused a refresh (HTTP {}), signing in again",
                        connection.name(), e.status());
            }
        }
        if (connection.jwt() == null) {
            throw new CredentialRejectedException("the refresh credential has expired and no JWT is configured",
                    RingCentralApiException.NO_RESPONSE, null);
        }
        exchange(JWT_BEARER_GRANT, Map.of("grant_type", JWT_BEARER_GRANT, "assertion", connection.jwt()));
    }

    private void exchange(String grantType, Map<String, String> form) throws InterruptedException {
        TokenResponse response = tokenEndpoint.post(form);
        long now = response.receivedAt();
        access = response.accessToken();
        Duration ttl = response.accessLifetime().orElse(DEFAULT_ACCESS_TTL);
        renewAt = now + ttl.minus(renewalLead(ttl)).toNanos();
        String rotated = response.rotatedRefreshToken();
        if (rotated != null) {
            refresh = rotated;
            refreshUsableUntil = response.refreshLifetime()
                    .map(d -> now + d.minus(renewalLead(d)).toNanos()).orElse(null);
            unsaved = true;
        }
        ownerId = response.ownerId(ownerId);
        logins.add(response.body(), grantType);
        if (unsaved) {
            save();
        }
    }

    /** The presented refresh token is spent: the rotated one must be stored before any access token is used. */
    private void save() throws InterruptedException {
        sink.rotated(refresh);
        unsaved = false;
    }

    /** Renew a minute ahead, or a quarter of the lifetime ahead for short-lived tokens. */
    static Duration renewalLead(Duration ttl) {
        Duration quarter = ttl.dividedBy(4);
        return quarter.compareTo(MAX_RENEWAL_LEAD) < 0 ? quarter : MAX_RENEWAL_LEAD;
    }
}
