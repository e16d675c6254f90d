package dev.rcidentity.poller;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A running connection: its limiters, its one token, its client. Stopped for good when RingCentral rejects its
 * credentials, or when this instance lets it go ({@link #halt}); the other connections go on.
 */
final class RunningConnection {
    private final String key;
    private final ConnectionSettings settings;
    private final RingCentralHttp http;
    private final TokenManager tokens;
    private final RingCentralClient client;
    private final ExtensionSweep extensionSweep;
    /** One sweep at a time, whether scheduled or asked for. */
    private final ReentrantLock sweepLock = new ReentrantLock();
    private volatile String accountId;
    private volatile boolean stopped;
    /** RingCentral's error code when it rejected the credential (null when it gave none, or did not reject). */
    private volatile String rejection;
    private volatile boolean rejected;

    private RunningConnection(String key, ConnectionSettings settings, RingCentralHttp http, TokenManager tokens,
                       ExtensionSweep extensionSweep) {
        this.key = key;
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
        this.client = new RingCentralClient(http, tokens);
        this.extensionSweep = extensionSweep;
    }

    static RunningConnection open(ConnectionSettings settings, HttpClient httpClient, PollerOptions options, Clock clock,
                           PollerMetrics metrics) {
        return open(settings.name(), settings, CredentialSink.IN_MEMORY, httpClient, options, clock, System::nanoTime,
                metrics);
    }

    static RunningConnection open(ConnectionSettings settings, HttpClient httpClient, PollerOptions options, Clock clock,
                           LongSupplier nanoTime, PollerMetrics metrics) {
        return open(settings.name(), settings, CredentialSink.IN_MEMORY, httpClient, options, clock, nanoTime, metrics);
    }

    /**
     * @param key      how the poller knows it: the connectionId (the name for connections given as settings)
     * @param sink     where rotated refresh tokens are stored before use
     * @param nanoTime the monotonic time of rate limits and token renewal
     */
    static RunningConnection open(String key, ConnectionSettings settings, CredentialSink sink, HttpClient httpClient,
                           PollerOptions options, Clock clock, LongSupplier nanoTime, PollerMetrics metrics) {
        RingCentralRateLimiter limiter = new RingCentralRateLimiter(nanoTime);
        RingCentralHttp http = new RingCentralHttp(settings.name(), settings.serverUrl(), httpClient, limiter, options,
                metrics);
        TokenManager tokens = new TokenManager(settings, http, sink, clock, nanoTime);
        return new RunningConnection(key, settings, http, tokens,
                new ExtensionSweep(new RingCentralClient(http, tokens), clock, options.maxPages()));
    }

    String key() {
        return key;
    }

    String name() {
        return settings.name();
    }

    TokenManager tokens() {
        return tokens;
    }

    RingCentralClient client() {
        return client;
    }

    ExtensionSweep extensionSweep() {
        return extensionSweep;
    }

    ReentrantLock sweepLock() {
        return sweepLock;
    }

    /** Waits (bounded) for a sweep in progress to end; false when it did not. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!sweepLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        sweepLock.unlock();
        return true;
    }

    /** The account this connection's token acts in, once a sweep has read it; null before. */
    String accountId() {
        return accountId;
    }

    void accountId(String accountId) {
        this.accountId = accountId;
    }

    boolean stopped() {
        return stopped;
    }

    /** RingCentral rejected the credential: it sweeps no more. */
    void reject(String errorCode) {
        rejection = errorCode;
        rejected = true;
        stopped = true;
    }

    boolean rejected() {
        return rejected;
    }

    /** RingCentral's error code of the rejection; null when it gave none. */
    String rejection() {
        return rejection;
    }

    /** This instance lets the connection go: no sweep starts and no token exchange runs once this returns. */
    void halt() throws InterruptedException {
        stopped = true;
        tokens.halt();
    }

    /**
     * Revokes the connection's OAuth session at RingCentral ({@code POST /restapi/oauth/revoke}, the refresh token,
     * else the access token). Call after {@link #halt}, so no exchange makes a new token afterwards. False when there
     * was nothing to revoke.
     */
    boolean revoke() throws InterruptedException {
        String token = tokens.sessionToken();
        if (token == null) {
            return false;
        }
        http.sendIgnoringBody(Endpoint.REVOKE, TokenRequests.post(http, Endpoint.REVOKE, settings, Map.of("token", token)));
        return true;
    }
}
