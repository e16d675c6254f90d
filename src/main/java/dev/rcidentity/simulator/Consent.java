package dev.rcidentity.simulator;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who answers the consent screen of {@code GET /restapi/oauth/authorize}, which consents at once. Each authorization
 * takes the oldest queued decision ({@link #next}, {@link #nextByAdmin}, {@link #denyNext}); with none queued, the
 * main admins of the accounts consent in turn. The simulator-only query parameters {@code simulator_account},
 * {@code simulator_extension} and {@code simulator_deny=true} override both for one request. Thread-safe.
 */
public final class Consent {
    private static final int MAX_QUEUED = 10_000;

    private final Directory directory;
    private final ArrayDeque<Decision> queue = new ArrayDeque<>();
    private final Set<String> redirectUris = new HashSet<>();
    private int rotation;

    Consent(Directory directory) {
        this.directory = directory;
    }

    /** One answer of the consent screen: deny, or consent as the extension. */
    record Decision(boolean deny, String accountId, String extensionId) {
    }

    /** Queues a consent by the extension (it must exist and be Enabled when the authorization comes). */
    public synchronized Consent next(String accountId, String extensionId) {
        if (directory.account(Objects.requireNonNull(accountId, "accountId")).isEmpty()) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        return enqueue(new Decision(false, accountId, Objects.requireNonNull(extensionId, "extensionId")));
    }

    /** Queues a consent by the account's main admin (its system extension). */
    public Consent nextByAdmin(String accountId) {
        return next(accountId, accountId);
    }

    /** Queues a denial: that authorization redirects with {@code error=access_denied}. */
    public synchronized Consent denyNext() {
        return enqueue(new Decision(true, null, null));
    }

    /**
     * Registers a redirect URI of the simulator's app. With none registered, any absolute http(s) URI without a
     * fragment is accepted; once one is, {@code redirect_uri} must equal a registered one exactly, as at RingCentral.
     */
    public synchronized Consent registerRedirectUri(String redirectUri) {
        URI uri = URI.create(Objects.requireNonNull(redirectUri, "redirectUri"));
        if (!AuthorizeEndpoint.acceptableRedirect(uri)) {
            throw new IllegalArgumentException("not an absolute http(s) URI without fragment: " + redirectUri);
        }
        redirectUris.add(redirectUri);
        return this;
    }

    /** Forgets the queued decisions and the registered redirect URIs. */
    public synchronized Consent clear() {
        queue.clear();
        redirectUris.clear();
        return this;
    }

    synchronized boolean redirectAllowed(String redirectUri) {
        return redirectUris.isEmpty() || redirectUris.contains(redirectUri);
    }

    /** The decision for the next authorization: the oldest queued one, else the next admin in turn. */
    synchronized Decision take() {
        Decision queued = queue.pollFirst();
        if (queued != null) {
            return queued;
        }
        List<SimulatedAccount> accounts = directory.accounts();
        String accountId = accounts.get(Math.floorMod(rotation++, accounts.size())).accountId();
        return new Decision(false, accountId, accountId);
    }

    private Consent enqueue(Decision decision) {
        if (queue.size() >= MAX_QUEUED) {
            throw new IllegalStateException("more than " + MAX_QUEUED + " consent decisions queued");
        }
        queue.addLast(decision);
        return this;
    }
}
