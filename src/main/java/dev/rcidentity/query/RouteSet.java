package dev.rcidentity.query;

/** Routes another package contributes to the API (connection management, OAuth onboarding); cli hands them in. */
@FunctionalInterface
public interface RouteSet {
    void register(Router router);
}
