/**
 * The RingCentral poller: runs the connections of {@code rc.connections.v1}, sweeps each one's account info and whole
 * extension list through the REST API and publishes what changed to {@code rc.accounts.v1}, {@code rc.extensions.v1}
 * and, for every token it obtains, {@code rc.logins.v1}.
 *
 * <p>Entry points: {@link dev.rcidentity.poller.Poller#create} and {@link dev.rcidentity.poller.ConnectionRunner#start}
 * (the topics must exist; the poller reads the compacted ones first), then {@code close()}. Decisions worth knowing:
 * <ul>
 *   <li>Which connections an instance holds is behind {@code ConnectionAssignment}. The commands use
 *       {@code GroupAssignment}: the instances are members of consumer group {@code POLLER_GROUP_ID} on
 *       {@code rc.connections.v1} (cooperative-sticky, Kafka's group membership rather than a coordinator of ours)
 *       and each holds the connections of its partitions; {@code AllConnections} (every one) remains for a lone
 *       instance in tests. A revoked or lost partition's connections are stopped (sweeps interrupted, a token
 *       exchange in progress completed and stored) before the rebalance listener returns, so two instances never
 *       sweep or refresh one connection at once. A killed instance's connections move after the group's session
 *       timeout (Kafka's {@code session.timeout.ms}, 45 s by default). The group consumer only learns which
 *       connections are in which partition (each newly assigned partition is read from its beginning, no offset is
 *       committed); the records themselves come from the {@code ConnectionStore}, and a connection is told only once
 *       the store has its record, so an instance never acts on a record it has not read.</li>
 *   <li>Published state is per account ({@code StateLoading}): an account's is read before its first sweep on the
 *       instance, together with every account announced by the records of connections held meanwhile, and
 *       forgotten when its last connection is released, so memory follows the instance's share and a taker-over
 *       knows what the previous holder published. Start-up and takeover time still depend on the topics' size: a
 *       read scans {@code rc.extensions.v1} and {@code rc.accounts.v1} whole, filtering by account (a store keyed
 *       by account would remove that). Connections given by name ({@code Poller.create} with settings: bench,
 *       tests) read every account's state at start.</li>
 *   <li>Sweeps are paced per instance ({@code SweepPacing}): at most POLLER_MAX_CONCURRENT_SWEEPS (8) at once (the
 *       sweep threads), and connections held together start 100 ms apart, which spreads their fixed-rate schedules
 *       over the interval.</li>
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
 *   <li>Push ({@link dev.rcidentity.poller.Poller#enablePush}, when {@code WEBHOOK_BASE_URL} is set). Each held
 *       connection keeps one webhook subscription to {@code /restapi/v1.0/account/~/extension}, delivering to
 *       {@code WEBHOOK_BASE_URL/webhooks/ringcentral?connectionId=<id>}: the address names the connection, so the
 *       subscription's id need not be stored anywhere; after a restart or a handover the holder finds it by its
 *       address (one list call, Light). A new subscription gets a new random token, written into the connection's
 *       encrypted secrets (acks=all, under the token exchange lock so it never crosses a refresh-token rotation)
 *       before the create call, so any receiving instance knows it when the handshake and first delivery come; a
 *       rotation keeps the newest record's webhook token, and a new webhook token does not restart the connection.
 *       Every {@code SUBSCRIPTION_CHECK_INTERVAL} it is read back (Light), renewed when it expires within a day
 *       (Light), deleted and created again when Blacklisted (Medium), created when missing; the record's token is
 *       written again if another write of the record lost it. Removal deletes it before the token is revoked;
 *       DISABLED, REJECTED and handover leave it (the receivers refuse deliveries for a connection not ACTIVE).
 *       All calls go through the connection's own client and rate limiter.</li>
 *   <li>Consumption without offsets: one consumer per poller reads every partition of {@code rc.notifications.v1}
 *       from the end at start and keeps the notifications of the connections it holds received since it took each
 *       on; what came before is the first full sweep's. A 500 ms window per connection is coalesced; each named
 *       extension is fetched by id (Light) under the connection's sweep lock and published when it differs from
 *       the last published snapshot (the sweep's change detection, so duplicates, reorders and replays publish
 *       nothing twice); only a 404 from that fetch publishes {@code deleted: true}, never a Delete event alone. A
 *       window naming more than 100 extensions runs one full sweep instead. A failed fetch is left to the next
 *       full sweep.</li>
 *   <li>Full sweeps every {@code POLL_INTERVAL_WITH_PUSH} while the connection's subscription is healthy (its last
 *       check saw it Active): the schedule still ticks every {@code POLL_INTERVAL} and a tick skips the sweep until
 *       the last complete one is that old; a failed check puts the connection back on every tick.</li>
 * </ul>
 * Uses {@code dev.rcidentity.model}, {@code dev.rcidentity.kafka} and {@code dev.rcidentity.connections}.
 */
package dev.rcidentity.poller;
