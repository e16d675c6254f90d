package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connection's webhook subscription, kept alive by {@link #check()}: found again by its address after a restart
 * or a handover, created when missing (a new random verification token, stored durably first), renewed ahead of
 * expiry, deleted and created again when Blacklisted. Healthy while the last check saw it Active; a check that
 * fails leaves it unhealthy until one succeeds.
 */
final class PushSubscription {
    private static final Logger log = LoggerFactory.getLogger(PushSubscription.class);

    private final String connectionId;
    private final RunningConnection connection;
    private final SubscriptionApi api;
    private final WebhookTokens tokens;
    private final PushOptions options;
    private final URI address;
    private final Clock clock;
    private final Consumer<SubscriptionApi.Info> changed;
    private volatile SubscriptionApi.Info info;
    private volatile boolean healthy;
    private String token;

    PushSubscription(String connectionId, RunningConnection connection, WebhookTokens tokens, PushOptions options,
                     URI address, Clock clock, Consumer<SubscriptionApi.Info> changed) {
        this.changed = changed;
        this.connectionId = connectionId;
        this.connection = connection;
        this.api = new SubscriptionApi(connection.client());
        this.tokens = tokens;
        this.options = options;
        this.address = address;
        this.clock = clock;
    }

    boolean healthy() {
        return healthy;
    }

    /** What RingCentral last said of it; null before the first successful check. */
    SubscriptionApi.Info info() {
        return info;
    }

    synchronized void check() throws InterruptedException {
        if (connection.stopped()) {
            return;
        }
        SubscriptionApi.Info before = info;
        try {
            if (info == null) {
                adoptOrCreate();
            } else {
                Optional<SubscriptionApi.Info> now = api.get(info.id());
                if (now.isEmpty()) {
                    log.warn("Connection '{}': webhook subscription {} is gone; creating another", connection.name(),
                            info.id());
                    create();
                } else {
                    info = now.get();
                }
            }
            if (!info.active()) {
                log.warn("Connection '{}': webhook subscription {} is {}; deleting it and creating another",
                        connection.name(), info.id(), info.status());
                api.delete(info.id());
                create();
            } else if (info.expiresAt() == null
                    || info.expiresAt().minus(options.renewAhead()).isBefore(clock.instant())) {
                info = api.renew(info.id());
                log.info("Connection '{}': webhook subscription {} renewed until {}", connection.name(), info.id(),
                        info.expiresAt());
            }
            if (!token.equals(tokens.current(connectionId).orElse(null))) {
                // Another write of the record crossed ours: the receivers must know the token again.
                tokens.store(connectionId, token, connection.tokens());
            }
            healthy = info.active();
        } catch (RingCentralApiException | ConnectionStoreException | CredentialNotDurableException e) {
            healthy = false;
            log.warn("Connection '{}': webhook subscription check failed, sweeping every poll interval until it "
                    + "succeeds: {}", connection.name(), e.getMessage());
        }
        if (info != null && !info.equals(before)) {
            changed.accept(info);
        }
    }

    /** Deletes it at RingCentral (the connection is removed); false when that failed. */
    synchronized boolean delete() throws InterruptedException {
        healthy = false;
        try {
            Optional<SubscriptionApi.Info> target = info != null ? Optional.of(info) : api.find(address);
            if (target.isPresent()) {
                api.delete(target.get().id());
                log.info("Connection '{}': webhook subscription {} deleted", connection.name(), target.get().id());
            }
            info = null;
            return true;
        } catch (RingCentralApiException | CredentialNotDurableException e) {
            log.warn("Connection '{}': deleting its webhook subscription failed: {}", connection.name(), e.getMessage());
            return false;
        }
    }

    private void adoptOrCreate() throws InterruptedException {
        Optional<SubscriptionApi.Info> found = api.find(address);
        Optional<String> stored = tokens.current(connectionId);
        if (found.isPresent() && stored.isPresent()) {
            info = found.get();
            token = stored.get();
            log.info("Connection '{}': webhook subscription {} found, {} until {}", connection.name(), info.id(),
                    info.status(), info.expiresAt());
            return;
        }
        if (found.isPresent()) {
            api.delete(found.get().id()); // its token is not known: useless
        }
        create();
    }

    private void create() throws InterruptedException {
        info = null;
        token = WebhookTokens.newToken();
        tokens.store(connectionId, token, connection.tokens());
        info = api.create(address, token, options.expiresIn());
        log.info("Connection '{}': webhook subscription {} created, delivering to {} until {}", connection.name(),
                info.id(), address, info.expiresAt());
    }
}
