package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.LoginEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The logins of the tokens a connection obtained, waiting to be published (each token answer is one). */
final class PendingLogins {
    private static final Logger log = LoggerFactory.getLogger(PendingLogins.class);

    private final Queue<LoginEvent> pending = new ConcurrentLinkedQueue<>();
    private final ConnectionSettings connection;
    private final Clock clock;

    PendingLogins(ConnectionSettings connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    void add(JsonNode tokenResponse, String grantType) {
        try {
            pending.add(LoginEvents.fromTokenResponse(tokenResponse, LoginEvent.SOURCE_POLLER, clock.instant(), null,
                    connection.clientId(), grantType));
        } catch (InvalidRecordException e) {
            log.warn("Connection '{}': token answer has no usable owner_id, no login event ({})", connection.name(),
                    e.getMessage());
        }
    }

    /** The logins not yet published, oldest first; the caller puts back what it could not publish. */
    List<LoginEvent> drain() {
        List<LoginEvent> drained = new ArrayList<>();
        for (LoginEvent event; (event = pending.poll()) != null; ) {
            drained.add(event);
        }
        return drained;
    }

    void requeue(List<LoginEvent> events) {
        pending.addAll(events);
    }
}
