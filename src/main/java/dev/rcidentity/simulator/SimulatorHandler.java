package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request and runs the common pipeline of API calls: bearer token, rate limit, injected server
 * errors, then the endpoint. Each request is recorded once its status is known.
 */
final class SimulatorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);
    private static final String ACCOUNT_PREFIX = "/restapi/v1.0/account/";
    private static final String ACCOUNT_V2_PREFIX = "/restapi/v2/accounts/";
    private static final int MAX_URI_LENGTH = 8 * 1024;

    private final Clock clock;
    private final Directory directory;
    private final TokenService tokens;
    private final SimulatedRateLimits rateLimits;
    private final Faults faults;
    private final RequestLog log;
    private final WireFormat wire;
    private final OAuthEndpoint oauth;
    private final ExtensionListEndpoint extensionList;
    private final SubscriptionEndpoint subscriptions;

    SimulatorHandler(Clock clock, Directory directory, TokenService tokens, SimulatedRateLimits rateLimits, Faults faults,
                     RequestLog log, WireFormat wire, OAuthEndpoint oauth, SubscriptionEndpoint subscriptions) {
        this.clock = clock;
        this.directory = directory;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.faults = faults;
        this.log = log;
        this.wire = wire;
        this.oauth = oauth;
        this.extensionList = new ExtensionListEndpoint(directory, faults, wire);
        this.subscriptions = subscriptions;
    }

    static ObjectNode rateExceeded() {
        return WireFormat.error("CMN-301", "Request rate exceeded", null);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = clock.instant();
        HttpCall call = new HttpCall(exchange);
        try {
            route(call);
        } catch (IOException e) {
            // the client went away while its body was being read: answer anyway, it may still be listening
            call.json(400, WireFormat.error("CMN-101", "Unreadable request", null));
        } catch (RuntimeException e) {
            // never echo the request: it may carry credentials
            LOG.warn("simulator failed on {} {}: {}", call.method(), call.path(), e.toString());
            call.json(500, WireFormat.error("CMN-201", "Internal server error", null));
        } finally {
            if (!call.responded()) {
                call.json(500, WireFormat.error("CMN-201", "Internal server error", null));
            }
            log.add(new RecordedRequest(received, call.method(), Redaction.pathAndQuery(call), call.group,
                    call.status(),
                    call.clientId, call.ownerId, call.tokenId));
            try {
                call.send(faults.responseDelay());
            } catch (IOException e) {
                // the client gave up (a timeout during an injected delay, typically): nothing left to do
                exchange.close();
            }
        }
    }

    private void route(HttpCall call) throws IOException {
        String path = call.path();
        if (call.pathAndQuery().length() > MAX_URI_LENGTH) {
            call.json(414, WireFormat.error("CMN-414", "Request URI too long", null));
            return;
        }
        if (path.equals("/restapi/oauth/token")) {
            if (requireMethod(call, "POST")) {
                oauth.handle(call);
            }
            return;
        }
        if (path.equals("/restapi/oauth/authorize")) {
            if (requireMethod(call, "GET")) {
                oauth.authorize(call);
            }
            return;
        }
        if (path.equals("/restapi/oauth/revoke")) {
            if (requireMethod(call, "POST")) {
                oauth.revoke(call);
            }
            return;
        }
        if (path.equals("/restapi/oauth/userinfo")) {
            if (requireMethod(call, "GET")) {
                api(call, RateLimitGroup.AUTH, null, (grant, account, query) -> userInfo(call, grant));
            }
            return;
        }
        if (path.equals(SubscriptionEndpoint.PATH) || path.startsWith(SubscriptionEndpoint.PATH + "/")) {
            subscription(call, path.substring(SubscriptionEndpoint.PATH.length()));
            return;
        }
        if (path.startsWith(ACCOUNT_V2_PREFIX) && path.indexOf('/', ACCOUNT_V2_PREFIX.length()) < 0) {
            apiGet(call, RateLimitGroup.LIGHT, path.substring(ACCOUNT_V2_PREFIX.length()), (grant, account, query) ->
                    call.json(200, wire.accountV2(account)));
            return;
        }
        if (path.startsWith(ACCOUNT_PREFIX)) {
            String[] parts = path.substring(ACCOUNT_PREFIX.length()).split("/", -1);
            String accountRef = parts[0];
            if (parts.length == 1) {
                apiGet(call, RateLimitGroup.LIGHT, accountRef, (grant, account, query) ->
                        call.json(200, wire.account(account)));
                return;
            }
            if (parts.length == 2 && parts[1].equals("business-address")) {
                apiGet(call, RateLimitGroup.LIGHT, accountRef, (grant, account, query) ->
                        call.json(200, wire.businessAddress(account)));
                return;
            }
            if (parts.length == 2 && parts[1].equals("extension")) {
                apiGet(call, RateLimitGroup.MEDIUM, accountRef, (grant, account, query) ->
                        extensionList.handle(call, account, query));
                return;
            }
            if (parts.length == 3 && parts[1].equals("extension") && !parts[2].isEmpty()) {
                String extensionRef = parts[2];
                apiGet(call, RateLimitGroup.LIGHT, accountRef, (grant, account, query) ->
                        extension(call, grant, account, extensionRef));
                return;
            }
        }
        call.json(404, WireFormat.error("CMN-102", "Resource for parameter [path] is not found", null));
    }

    private void subscription(HttpCall call, String rest) {
        RateLimitGroup group = SubscriptionEndpoint.group(call.method(), rest);
        if (group == null) {
            if (SubscriptionEndpoint.isResource(rest)) {
                call.json(405, WireFormat.error("CMN-405", "Method not allowed", null));
            } else {
                call.json(404, WireFormat.error("CMN-102", "Resource for parameter [path] is not found", null));
            }
            return;
        }
        api(call, group, null, (grant, account, query) -> subscriptions.handle(call, grant, rest));
    }

    private void apiGet(HttpCall call, RateLimitGroup group, String accountRef, Endpoint endpoint) {
        if (requireMethod(call, "GET")) {
            api(call, group, accountRef, endpoint);
        }
    }

    private interface Endpoint {
        void serve(TokenService.Grant grant, SimulatedAccount account, Map<String, List<String>> query);
    }

    /** The pipeline of an authenticated API call. {@code accountRef} is "~", an account id, or null (no account in the path). */
    private void api(HttpCall call, RateLimitGroup group, String accountRef, Endpoint endpoint) {
        Optional<TokenService.Grant> grant = authenticate(call);
        if (grant.isEmpty()) {
            return;
        }
        call.clientId = grant.get().clientId();
        call.ownerId = grant.get().extensionId();
        call.group = group;
        SimulatedRateLimits.Decision decision = faults.takeRateLimitBurst(group)
                ? rateLimits.forcePenalty(call.clientId + "|" + call.ownerId, group)
                : rateLimits.acquire(call.clientId + "|" + call.ownerId, group);
        call.rateLimitHeaders(decision);
        if (!decision.allowed()) {
            call.json(429, rateExceeded());
            return;
        }
        int failure = faults.takeServerError(call.path());
        if (failure != 0) {
            call.json(failure, failure == 503
                    ? WireFormat.error("CMN-211", "Service temporarily unavailable", null)
                    : WireFormat.error("CMN-201", "Internal server error", null));
            return;
        }
        Map<String, List<String>> query;
        try {
            query = call.query();
        } catch (IllegalArgumentException e) {
            call.json(400, WireFormat.error("CMN-101", "Malformed query string", null));
            return;
        }
        SimulatedAccount account = null;
        if (accountRef != null) {
            Optional<SimulatedAccount> resolved = resolveAccount(call, grant.get(), accountRef);
            if (resolved.isEmpty()) {
                return;
            }
            account = resolved.get();
        }
        endpoint.serve(grant.get(), account, query);
    }

    private Optional<TokenService.Grant> authenticate(HttpCall call) {
        String header = call.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            call.header("WWW-Authenticate", "Bearer realm=\"RingCentral REST API\"");
            call.json(401, WireFormat.error("AGW-401", "Authorization header is not specified", null));
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        call.tokenId = tokenId(token);
        TokenService.Lookup lookup = tokens.access(token);
        switch (lookup.check()) {
            case VALID:
                return Optional.of(lookup.grant());
            case EXPIRED:
                call.header("WWW-Authenticate", "Bearer realm=\"RingCentral REST API\", error=\"invalid_token\"");
                call.json(401, WireFormat.error("TokenExpired", "Access token expired", null));
                return Optional.empty();
            default:
                call.header("WWW-Authenticate", "Bearer realm=\"RingCentral REST API\", error=\"invalid_token\"");
                call.json(401, WireFormat.error("TokenInvalid", "Token not found", null));
                return Optional.empty();
        }
    }

    /** The first 12 hex digits of the token's SHA-256: names it in the request log without revealing it. */
    private static String tokenId(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<SimulatedAccount> resolveAccount(HttpCall call, TokenService.Grant grant, String accountRef) {
        String accountId = accountRef.equals("~") ? grant.accountId() : accountRef;
        Optional<SimulatedAccount> account = directory.account(accountId);
        if (account.isEmpty()) {
            call.json(404, WireFormat.error("CMN-102", "Resource for parameter [accountId] is not found", "accountId"));
            return Optional.empty();
        }
        if (!accountId.equals(grant.accountId())) {
            call.json(403, WireFormat.error("CMN-408",
                    "In order to call this API endpoint, user needs to have [ReadAccounts] permission for requested resource.",
                    null));
            return Optional.empty();
        }
        return account;
    }

    private void extension(HttpCall call, TokenService.Grant grant, SimulatedAccount account, String extensionRef) {
        String extensionId = extensionRef.equals("~") ? grant.extensionId() : extensionRef;
        Optional<SimulatedExtension> extension = directory.extension(account.accountId(), extensionId);
        if (extension.isEmpty()) {
            call.json(404, WireFormat.error("CMN-102", "Resource for parameter [extensionId] is not found",
                    "extensionId"));
            return;
        }
        call.json(200, wire.extension(extension.get(), account.companyName(), true));
    }

    private void userInfo(HttpCall call, TokenService.Grant grant) {
        Optional<SimulatedExtension> extension = directory.extension(grant.accountId(), grant.extensionId());
        if (extension.isEmpty()) {
            call.json(401, WireFormat.error("TokenInvalid", "Token owner no longer exists", null));
            return;
        }
        call.json(200, wire.userInfo(extension.get()));
    }

    private static boolean requireMethod(HttpCall call, String method) {
        if (call.method().equals(method)) {
            return true;
        }
        call.header("Allow", method);
        call.json(405, WireFormat.error("CMN-405", "Method not allowed", null));
        return false;
    }
}
