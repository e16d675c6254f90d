/**
 * A RingCentral REST API simulator for tests and demos: {@link dev.rcidentity.simulator.RingCentralSimulator}.
 *
 * <p>It is an independent implementation of the wire format (it shares no code with the poller) so that it catches
 * the poller's mistakes. Endpoints, all on {@code http://127.0.0.1:<port>}:
 * <ul>
 *   <li>{@code POST /restapi/oauth/token} (Auth): JWT bearer and refresh token grants, Basic client authentication;</li>
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
 * <pre>{@code
 * try (RingCentralSimulator rc = RingCentralSimulator.start(SimulatorOptions.builder().accounts(2).build())) {
 *     rc.writeConnectionsFile(Path.of("connections.json"));   // RC_CONNECTIONS_FILE for the poller
 *     rc.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);     // make the next extension list call a 429
 *     SimulatorChanges changes = rc.tick();                     // hires, departures, recycled numbers...
 * }
 * }</pre>
 */
package dev.rcidentity.simulator;
