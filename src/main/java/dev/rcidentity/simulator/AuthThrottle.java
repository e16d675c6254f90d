package dev.rcidentity.simulator;

/** The Auth rate-limit group of the OAuth endpoints, per application and user, with the injected bursts. */
final class AuthThrottle {
    private final SimulatedRateLimits rateLimits;
    private final Faults faults;

    AuthThrottle(SimulatedRateLimits rateLimits, Faults faults) {
        this.rateLimits = rateLimits;
        this.faults = faults;
    }

    /** Counts the call of {@code call.clientId} for {@code owner}; false (a 429 answered) when over the limit. */
    boolean admit(HttpCall call, String owner) {
        String caller = call.clientId + "|" + owner;
        var decision = faults.takeRateLimitBurst(RateLimitGroup.AUTH)
                ? rateLimits.forcePenalty(caller, RateLimitGroup.AUTH)
                : rateLimits.acquire(caller, RateLimitGroup.AUTH);
        call.rateLimitHeaders(decision);
        if (!decision.allowed()) {
            call.json(429, SimulatorHandler.rateExceeded());
            return false;
        }
        return true;
    }
}
