package dev.rcidentity.simulator;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param group    the rate-limit group, null when the request never reached one (unknown path, missing token)
 * @param clientId the application, when known (null for a request without valid credentials)
 * @param ownerId  the extension the token acts for, when known
 * @param tokenId  which access token authenticated it (a digest, not the token), null for none: tells the
 *                 holders of one connection apart, since each obtains its own
 */
public record RecordedRequest(
        Instant time,
        String method,
        String pathAndQuery,
        RateLimitGroup group,
        int status,
        String clientId,
        String ownerId,
        String tokenId) {
}
