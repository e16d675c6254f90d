/**
 * The RingCentral poller: runs the connections of {@code rc.connections.v1}, sweeps each one's account info and whole
 * extension list through the REST API and publishes what changed to {@code rc.accounts.v1}, {@code rc.extensions.v1}
 * and, for every token it obtains, {@code rc.logins.v1}.
 *
 * <p>Entry points: {@link dev.rcidentity.poller.Poller#create} and {@link dev.rcidentity.poller.ConnectionRunner#start}
 * (the topics must exist; the poller reads the compacted ones first), then {@code close()}. Decisions worth knowing:
 * <ul>
 *   <li>Which connections an instance holds is behind {@code ConnectionAssignment}: every one today, the partitions a
 *       consumer group assigns to the instance once several instances share the work. A dropped connection is
 *       stopped before the call returns.</li>
 *   <li>Rotation is durable before use: a token exchange that returns a new refresh token (the presented one is then
 *       spent) writes the connection record, re-encrypted, acks=all, before the new access token leaves
 *       {@code TokenManager}; a failed write is retried a bounded number of times and the connection does not sweep
 *       until it succeeds. A halt waits for an exchange in progress, so stopping never loses a rotated token. A
 *       process killed between RingCentral's answer and Kafka's acknowledgement loses that token: the window is one
 *       round trip to Kafka.</li>
 *   <li>Removal (a tombstone) stops the connection, then revokes its session at RingCentral
 *       ({@code /restapi/oauth/revoke}). DISABLED or REJECTED stop it without revoking. A credential RingCentral
 *       refuses, or a record no configured key opens, makes the record REJECTED with a reason naming the error code
 *       or the key id; a record REJECTED for its key is ACTIVE again once a configured key opens it.</li>
 *   <li>Configured connections (file, environment) are imported by name with a fingerprint of the imported
 *       credential kept inside the encrypted secrets, so the same file never overwrites a rotated token.</li>
 *   <li>A sweep whose extension list could not be read to its end still publishes the changed snapshots it read,
 *       but never a deletion. Only what Kafka acknowledged counts as published.</li>
 *   <li>Rate limits are tracked per connection; two connections with the same app and user do not share a limiter.</li>
 * </ul>
 * Uses {@code dev.rcidentity.model}, {@code dev.rcidentity.kafka} and {@code dev.rcidentity.connections}.
 */
package dev.rcidentity.poller;
