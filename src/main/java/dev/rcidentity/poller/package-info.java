/**
 * The RingCentral poller: sweeps each connection's account info and whole extension list through the REST API and
 * publishes what changed to {@code rc.accounts.v1}, {@code rc.extensions.v1} and, for every token it obtains,
 * {@code rc.logins.v1}.
 *
 * <p>Entry point: {@link dev.rcidentity.poller.Poller#fromSettings}, then {@code start()} (the topics must exist; it
 * reads the compacted ones first) and {@code close()}. Decisions worth knowing:
 * <ul>
 *   <li>A sweep whose extension list could not be read to its end still publishes the changed snapshots it read,
 *       but never a deletion.</li>
 *   <li>Only what Kafka acknowledged counts as published; the rest is published again by the next sweep.</li>
 *   <li>A connection with both a refresh token and a JWT uses the refresh token first, the JWT when it is refused.
 *       Rotated refresh tokens live in memory only: after a restart, a refresh-token-only connection needs a fresh
 *       one.</li>
 *   <li>Rate limits are tracked per connection; two connections with the same app and user do not share a limiter.</li>
 * </ul>
 * Only {@code dev.rcidentity.model} and {@code dev.rcidentity.kafka} are used here.
 */
package dev.rcidentity.poller;
