package dev.rcidentity.query;

import dev.rcidentity.model.LoginEvent;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.Producer;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Puts the routes together: the store queries when this process runs the topology, login ingest, health, metrics,
 * the OpenAPI document, the web console, and the route sets other packages contribute.
 */
public final class HttpApi {
    private HttpApi() {
    }

    /**
     * @param queries null when this process runs no topology (the {@code poller} command)
     * @param logins the producer of ingested logins
     * @param more routes of other packages (connection management, onboarding)
     * @param applicationId binds the consistency tokens of login writes to this application's stores
     */
    public static ApiServer start(String host, int port, String apiToken, String applicationId, QueryService queries,
                                  Producer<String, LoginEvent> logins, List<HealthCheck> checks,
                                  PrometheusMeterRegistry registry, Runnable beforeScrape, Clock clock,
                                  HttpServerOptions options, List<RouteSet> more) throws IOException {
        Router router = new Router();
        ConsistencyTokens tokens = new ConsistencyTokens(applicationId);
        ConsistentReads reads = queries == null ? null : new ConsistentReads(queries, tokens, options.maxThreads() / 2);
        if (queries != null) {
            new IdentityRoutes(reads).register(router);
            new OwnerRoutes(reads).register(router);
            new ExtensionRoutes(queries, clock).register(router);
            new AccountRoutes(queries).register(router);
            new BatchRoutes(queries, clock).register(router);
        }
        new LoginRoutes(logins, clock, tokens, reads).register(router);
        new OpsRoutes(checks, registry, beforeScrape).register(router);
        more.forEach(routes -> routes.register(router));
        new StaticRoutes().register(router);
        return ApiServer.start(host, port, router, apiToken, registry, options);
    }
}
