package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that answers like RingCentral's REST API for what rc-identity uses: OAuth (authorize, token
 * with the JWT, refresh and authorization code grants, revoke), userinfo, account info (v1 and v2), business address,
 * extension list and extension info, webhook subscriptions, with RingCentral's rate limiting and injectable faults.
 * Data is generated from the seed and changes on {@link #tick()}, which also sends the webhook notifications.
 * Listens on 127.0.0.1 only.
 */
public final class RingCentralSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingCentralSimulator.class);
    /**
     * Threads answering requests. A delayed answer ({@link Faults#slowResponses}, RingCentral's latency in the poller
     * bench) holds its thread while it waits, so there are enough for the requests of two pollers' concurrent sweeps
     * (8 each) to wait side by side: the delay models latency, not a cap on concurrent requests.
     */
    private static final int HTTP_THREADS = 32;

    private final SimulatorOptions options;
    private final Directory directory;
    private final TokenService tokens;
    private final IssuedSecrets issued = new IssuedSecrets();
    private final Consent consent;
    private final Webhooks webhooks;
    private final Faults faults;
    private final RequestLog requestLog;
    private final JwtCodec jwt;
    private final SimulatorCredentials credentials;
    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService ticker;
    private final URI baseUrl;

    static {
        // The JDK server leaves Nagle's algorithm on unless told, and a response written in two pieces then waits for
        // the client's delayed ACK (40 ms a request). Read once, when the process creates its first JDK server.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
    }

    private RingCentralSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.directory = new Directory(options.seed(), options.accounts(), options.extensionsPerAccount(),
                options.clock());
        this.tokens = new TokenService(options.clock(), options.accessTokenTtl(), options.refreshTokenTtl(), issued);
        this.consent = new Consent(directory);
        this.webhooks = new Webhooks(options.clock());
        this.faults = new Faults(tokens);
        this.requestLog = new RequestLog(options.requestLogCapacity());
        // Secrets derive from the seed so a restarted simulator accepts the same credentials.
        this.jwt = new JwtCodec(derive(options.seed(), "jwt-signing-key"));
        this.credentials = new SimulatorCredentials(
                "sim" + HexFormat.of().formatHex(derive(options.seed(), "client-id"), 0, 11),
                HexFormat.of().formatHex(derive(options.seed(), "client-secret"), 0, 24));
        SimulatedRateLimits rateLimits = new SimulatedRateLimits(options.clock(), options.rateLimitWindow(),
                options.rateLimitPenalty(), options::limit);

        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        WireFormat wire = new WireFormat(baseUrl.toString());
        OAuthEndpoint oauth = new OAuthEndpoint(credentials, jwt, tokens, directory, rateLimits, faults, wire,
                consent, new AuthorizationCodes(options.clock(), issued));
        server.createContext("/", new SimulatorHandler(options.clock(), directory, tokens, rateLimits, faults,
                requestLog, wire, oauth, new SubscriptionEndpoint(options.clock(), webhooks, baseUrl.toString())));
        this.httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("rc-simulator-http"));
        server.setExecutor(httpExecutor);
        server.start();

        if (options.autoTickInterval() != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("rc-simulator-tick"));
            long millis = Math.max(1, options.autoTickInterval().toMillis());
            ticker.scheduleAtFixedRate(this::autoTick, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Starts the server on 127.0.0.1:{@code options.port()} (0 = a free port). */
    public static RingCentralSimulator start(SimulatorOptions options) {
        try {
            return new RingCentralSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the RingCentral simulator on 127.0.0.1:" + options.port(), e);
        }
    }

    public static RingCentralSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** For example {@code http://127.0.0.1:43121}: the {@code serverUrl} of a RingCentral connection. */
    public URI baseUrl() {
        return baseUrl;
    }

    public SimulatorOptions options() {
        return options;
    }

    public List<SimulatedAccount> accounts() {
        return directory.accounts();
    }

    /** The current extensions of an account ordered by id, as the extension list would return them. */
    public List<SimulatedExtension> extensions(String accountId) {
        return directory.extensions(accountId);
    }

    public SimulatorCredentials appCredentials() {
        return credentials;
    }

    /**
     * A JWT credential for the user extension (the {@code assertion} of the JWT bearer grant). It is issued for any
     * extension id, so tests can also make credentials of users who left or never existed: the token endpoint
     * accepts only those of existing, Enabled extensions.
     */
    public String jwtFor(String accountId, String extensionId) {
        if (directory.account(accountId).isEmpty()) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        String credential = jwt.issue(accountId, extensionId, options.clock().instant().getEpochSecond());
        issued.add(credential);
        return credential;
    }

    /** The JWT credential of the account's system extension (the main administrator; id == account id). */
    public String adminJwt(String accountId) {
        return jwtFor(accountId, accountId);
    }

    /**
     * Writes an {@code RC_CONNECTIONS_FILE}: one connection per account with the admin JWT, {@code serverUrl} = this
     * simulator. The file holds credentials, so it is written owner-readable only where the file system allows.
     */
    public void writeConnectionsFile(Path file) {
        ArrayNode connections = WireFormat.MAPPER.createArrayNode();
        for (SimulatedAccount account : accounts()) {
            ObjectNode connection = connections.addObject();
            connection.put("name", "simulator-" + account.accountId());
            connection.put("serverUrl", baseUrl.toString());
            connection.put("clientId", credentials.clientId());
            connection.put("clientSecret", credentials.clientSecret());
            connection.put("jwt", adminJwt(account.accountId()));
        }
        try {
            Path target = file.toAbsolutePath();
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, ".connections", ".tmp");
            try {
                restrictToOwner(tmp);
                Files.write(tmp, WireFormat.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(connections));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write connections file " + file, e);
        }
    }

    /** Applies one seeded round of changes to every account. */
    public SimulatorChanges tick() {
        SimulatorChanges changes = directory.tick();
        webhooks.publish(changes);
        return changes;
    }

    /** How many rounds of changes were applied so far (manual and automatic ticks). */
    public int round() {
        return directory.round();
    }

    public Faults faults() {
        return faults;
    }

    /** Webhook subscriptions' notifications: delivery faults, body shape, blacklisting, the delivery log. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Who answers the next authorizations of {@code /restapi/oauth/authorize}, and the registered redirect URIs. */
    public Consent consent() {
        return consent;
    }

    /**
     * Every credential the simulator handed out so far: access and refresh tokens, authorization codes and the JWTs
     * of {@link #jwtFor}, so a test can check that none of them leaked anywhere (topics, logs, responses).
     */
    public Set<String> issuedTokens() {
        return issued.snapshot();
    }

    /** The most recent requests (up to the configured capacity), oldest first. */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /** Base URL, app client id and accounts; never a secret. Suitable for printing at startup. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("RingCentral simulator at ").append(baseUrl).append('\n');
        text.append("  app client id: ").append(credentials.clientId()).append(" (secret and JWTs: see the connections file)\n");
        for (SimulatedAccount account : accounts()) {
            text.append(String.format("  account %s  %-24s main %s  %d extensions%n", account.accountId(),
                    account.companyName(), account.mainNumber(), directory.extensions(account.accountId()).size()));
        }
        text.append(String.format("  rate limits per %ds: Light %d, Medium %d, Heavy %d, Auth %d; penalty %ds%n",
                options.rateLimitWindow().toSeconds(), options.lightLimit(), options.mediumLimit(),
                options.heavyLimit(), options.authLimit(), options.rateLimitPenalty().toSeconds()));
        if (options.autoTickInterval() != null) {
            text.append("  data changes every ").append(options.autoTickInterval()).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.stop(0);
        httpExecutor.shutdownNow();
        webhooks.close();
    }

    @Override
    public String toString() {
        return "RingCentralSimulator[" + baseUrl + ", " + options.accounts() + " accounts]";
    }

    private void autoTick() {
        try {
            SimulatorChanges changes = tick();
            LOG.debug("simulator tick {}: {} changes", changes.round(), changes.changes().size());
        } catch (RuntimeException e) {
            LOG.warn("simulator tick failed", e);
        }
    }

    private static byte[] derive(long seed, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest((purpose + ":" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
