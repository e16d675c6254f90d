/**
 * The receiving end of RingCentral's push: {@code POST /webhooks/ringcentral}
 * ({@link dev.rcidentity.webhooks.WebhookReceiver}), a route set the HTTP API serves without bearer token.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Each subscription is created with the address {@code WEBHOOK_BASE_URL/webhooks/ringcentral?connectionId=<id>}
 *       ({@link dev.rcidentity.connections.WebhookAddress}): any instance finds the delivery's connection at once from
 *       its view of {@code rc.connections.v1}, also for a delivery that arrives before the subscription's id is known
 *       anywhere. The connection holds the subscription's random verification token inside its encrypted secrets
 *       (the poller writes it, durably, before creating the subscription); the receiver decrypts it with the
 *       credentials key and compares it with the {@code Verification-Token} header (or {@code Validation-Token}, which
 *       some RingCentral docs name) as SHA-256 digests with {@code MessageDigest.isEqual}: constant time, whatever
 *       the lengths. The token is the authentication; the envelope's {@code subscriptionId} is kept in the record.</li>
 *   <li>Durable before the 200: the notification is appended to {@code rc.notifications.v1} (key connectionId,
 *       idempotent producer, acks=all) and the answer waits for the acknowledgement (at most 10 s, then 503, which
 *       RingCentral retries). An instance killed right after its 200 has lost nothing.</li>
 *   <li>The handshake (a {@code Validation-Token} header and no body) is answered by every instance, even one that
 *       receives no deliveries: an empty body and the echoed header, tokens over 512 characters refused, so the whole
 *       answer stays under RingCentral's 1 KiB.</li>
 *   <li>Refusals write nothing and are counted by outcome in {@code rc_identity_webhook_requests_total}: missing or
 *       wrong token 403, unknown connection (or one without a subscription token, or not ACTIVE) 404, malformed
 *       envelope 400 naming the field, over 128 KiB 413 (the server reads at most 256 KiB). Tokens never appear in
 *       logs, metrics or answers (except the handshake's own echo).</li>
 *   <li>An instance receives deliveries when {@code WEBHOOK_BASE_URL} and a credentials key are set.</li>
 * </ul>
 * Uses {@code dev.rcidentity.model}, {@code dev.rcidentity.kafka}, {@code dev.rcidentity.connections} and the route
 * types of {@code dev.rcidentity.query}.
 */
package dev.rcidentity.webhooks;
