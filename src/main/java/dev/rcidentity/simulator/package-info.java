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
 *   <li>{@code GET /restapi/v1.0/account/{~|id}/extension/{~|id}} (Light).</li>
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
 * <pre>{@code
 * try (RingCentralSimulator rc = RingCentralSimulator.start(SimulatorOptions.builder().accounts(2).build())) {
 *     rc.writeConnectionsFile(Path.of("connections.json"));   // RC_CONNECTIONS_FILE for the poller
 *     rc.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);     // make the next extension list call a 429
 *     SimulatorChanges changes = rc.tick();                     // hires, departures, recycled numbers...
 * }
 * }</pre>
 */
package dev.rcidentity.simulator;
