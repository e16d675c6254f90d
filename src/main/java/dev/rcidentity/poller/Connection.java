package dev.rcidentity.poller;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A running connection: its limiters, its one token, its client. Stopped for good when RingCentral rejects its
 * credentials; the other connections go on.
 */
final class Connection {
    private final ConnectionSettings settings;
    private final TokenManager tokens;
    private final RingCentralClient client;
    private final ExtensionSweep extensionSweep;
    /** One sweep at a time, whether scheduled or asked for. */
    private final ReentrantLock sweepLock = new ReentrantLock();
    private volatile String accountId;
    private volatile boolean stopped;

    private Connection(ConnectionSettings settings, TokenManager tokens, RingCentralClient client,
                       ExtensionSweep extensionSweep) {
        this.settings = settings;
        this.tokens = tokens;
        this.client = client;
        this.extensionSweep = extensionSweep;
    }

    static Connection open(ConnectionSettings settings, HttpClient httpClient, PollerOptions options, Clock clock,
                           PollerMetrics metrics) {
        return open(settings, httpClient, options, clock, System::nanoTime, metrics);
    }

    /** {@code nanoTime} is the monotonic time of rate limits and token renewal. */
    static Connection open(ConnectionSettings settings, HttpClient httpClient, PollerOptions options, Clock clock,
                           LongSupplier nanoTime, PollerMetrics metrics) {
        RingCentralRateLimiter limiter = new RingCentralRateLimiter(nanoTime);
        RingCentralHttp http = new RingCentralHttp(settings.name(), settings.serverUrl(), httpClient, limiter, options,
                metrics);
        TokenManager tokens = new TokenManager(settings, http, clock, nanoTime);
        RingCentralClient client = new RingCentralClient(http, tokens);
        return new Connection(settings, tokens, client, new ExtensionSweep(client, clock, options.maxPages()));
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

    void stop() {
        stopped = true;
    }
}
