/**
 * A RingCentral REST API simulator for tests and demos: {@link dev.rcidentity.simulator.RingCentralSimulator}.
 *
 * <p>It is an independent implementation of the wire format (it shares no code with the poller) so that it catches
 * the poller's mistakes. Endpoints, all on {@code http://127.0.0.1:<port>}:
 * <ul>
 *   <li>{@code GET /restapi/oauth/authorize} (Auth): the 3-legged flow, consenting at once (see below);</li>
 *   <li>{@code POST /restapi/oauth/token} (Auth): JWT bearer, refresh token and authorization code grants, Basic
 *       client authentication;</li>
 *   <li>{@code POST /restapi/oauth/revoke} (Auth): revokes the token's whole session; unknown tokens answer 200;</li>
 *   <li>{@code GET /restapi/oauth/userinfo} (Auth);</li>
 *   <li>{@code GET /restapi/v1.0/account/{~|id}} and {@code .../business-address} (Light);</li>
 *   <li>{@code GET /restapi/v2/accounts/{~|id}} (Light);</li>
 *   <li>{@code GET /restapi/v1.0/account/{~|id}/extension} (Medium): paging, navigation, status/type/number/email filters;</li>
 *   <li>{@code GET /restapi/v1.0/account/{~|id}/extension/{~|id}} (Light);</li>
 *   <li>{@code /restapi/v1.0/subscription[/{id}[/renew]]}: WebHook subscriptions to the extension list filter; create,
 *       update, delete Medium; list, get, renew Light.</li>
 * </ul>
 * Rate limits follow RingCentral: a sliding window per application, token owner and group, the
 * {@code X-Rate-Limit-*} headers, 429 with {@code Retry-After}, and a penalty that every request during it restarts.
 * All time comes from {@link dev.rcidentity.simulator.SimulatorOptions#clock()}, so tests move time by hand.
 *
 * <p>OAuth. Refresh tokens are single-use and rotate. {@code /restapi/oauth/authorize} is stricter than RingCentral
 * so that it catches clients' mistakes: {@code redirect_uri} and a PKCE {@code S256} challenge are required (no
 * {@code plain}); a bad request gets a 400 error body and no redirect. Any absolute http(s) {@code redirect_uri} is
 * accepted until one is registered with {@link dev.rcidentity.simulator.Consent#registerRedirectUri}. Who consents:
 * the oldest decision queued on {@link dev.rcidentity.simulator.RingCentralSimulator#consent()} ({@code next},
 * {@code nextByAdmin}, {@code denyNext}), else the accounts' main admins in turn; the simulator-only query parameters
 * {@code simulator_account}, {@code simulator_extension}, {@code simulator_deny=true} override that for one request.
 * Codes live 60 s and allow one attempt (a wrong verifier uses the code up); a used code presented again revokes the
 * session it opened. The request log shows {@code ***} for credential-bearing query values;
 * {@link dev.rcidentity.simulator.RingCentralSimulator#issuedTokens()} lists every credential handed out so tests
 * can scan topics and logs for leaks.
 *
 * <p>Webhooks. Creating a subscription first POSTs a {@code Validation-Token} to the address; anything but a 200 echoing
 * it within 3 s in at most 1 KiB refuses the creation with 400 and a {@code SUB-521} (unreachable or slow),
 * {@code SUB-522} (status), {@code SUB-523} (token) or {@code SUB-524} (size) code: plausible codes, RingCentral does
 * not publish them. At most 30 per user and app ({@code SUB-406}); {@code expiresIn} defaults to 7 days; an expired
 * subscription is gone (404). Only {@code /restapi/v1.0/account/~/extension} is accepted as a filter. Every
 * {@link dev.rcidentity.simulator.RingCentralSimulator#tick()} sends each active subscription of a changed account
 * one notification in the guide's shape ({@code body.extensions[]}, hire = Create, departure = Delete, anything else
 * = Update), or with {@link dev.rcidentity.simulator.Webhooks#flatBodies} one per extension in the spec's flat shape,
 * with the {@code Verification-Token} header. Delivery runs on its own threads, in order per subscription, with a
 * timeout; {@link dev.rcidentity.simulator.Webhooks#faults()} drops, duplicates, delays or reorders notifications;
 * {@link dev.rcidentity.simulator.Webhooks#blacklistAfter} failures in a row (non-2xx or timeout) make the
 * subscription {@code Blacklisted} ({@code blacklistedData}; renew refused with {@code SUB-525}) until deleted and
 * created again; {@link dev.rcidentity.simulator.Webhooks#deliveries()} logs every outcome.
 *
 * <pre>{@code
 * try (RingCentralSimulator rc = RingCentralSimulator.start(SimulatorOptions.builder().accounts(2).build())) {
 *     rc.writeConnectionsFile(Path.of("connections.json"));   // RC_CONNECTIONS_FILE for the poller
 *     rc.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);     // make the next extension list call a 429
 *     rc.consent().nextByAdmin(accountId);                     // who consents at the next /restapi/oauth/authorize
 *     rc.webhooks().faults().duplicate(1);                      // the next notification is sent twice
 *     SimulatorChanges changes = rc.tick();                     // hires, departures, recycled numbers...
 *     Set<String> secrets = rc.issuedTokens();                  // scan topics for these: none may appear
 * }
 * }</pre>
 */
package dev.rcidentity.simulator;
