package dev.rcidentity.query;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code /health/live}, {@code /health/ready} (200 or 503 with each part's status) and {@code /metrics}. */
final class OpsRoutes {
    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    /** @param beforeScrape registers meters that appeared since the last scrape (counters keyed by what was seen) */
    OpsRoutes(List<HealthCheck> checks, PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.checks = checks;
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    void register(Router router) {
        router.add("GET", "/health/live", request -> health(HealthCheck::live));
        router.add("GET", "/health/ready", request -> health(HealthCheck::ready));
        router.add("GET", "/metrics", request -> {
            beforeScrape.run();
            return ApiResponse.text(200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8");
        });
    }

    private ApiResponse health(Function<HealthCheck, HealthCheck.Status> probe) {
        boolean up = true;
        Map<String, Object> parts = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthCheck.Status status = probe.apply(check);
            up &= status.up();
            parts.put(check.name(), Map.of("status", status.up() ? "UP" : "DOWN", "detail", status.detail()));
        }
        return ApiResponse.json(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "checks", parts));
    }
}
