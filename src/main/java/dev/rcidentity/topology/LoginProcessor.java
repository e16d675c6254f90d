package dev.rcidentity.topology;

import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.LoginMark;
import dev.rcidentity.model.LoginTally;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts each checked login once and (re)builds its owner's identity, resolved or not. */
final class LoginProcessor implements Processor<String, LoginEvent, String, Identity> {
    private final LoginLedger ledger;
    private IdentityStores stores;
    private IdentityUpdater identities;

    LoginProcessor(LoginLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void init(ProcessorContext<String, Identity> context) {
        stores = new IdentityStores(context);
        identities = new IdentityUpdater(stores, context);
    }

    @Override
    public void process(Record<String, LoginEvent> record) {
        LoginEvent login = record.value();
        Instant at = login.loggedInAt() != null ? login.loggedInAt() : Instant.ofEpochMilli(record.timestamp());
        String ownerId = login.ownerId();

        IdentityState previous = stores.state(ownerId);
        LoginTally logins = LoginTally.of(previous == null ? null : previous.identity()).add(at);
        List<LoginMark> known = previous == null ? List.of() : previous.recentLogins();
        Optional<List<LoginMark>> marks = ledger.record(known, new LoginMark(at, login.source()), logins.lastLoginAt());
        if (marks.isEmpty()) {
            return; // a replay of a login already counted
        }
        String loginAccountId = previous != null && previous.loginAccountId() != null
                ? previous.loginAccountId() : login.accountId();
        identities.update(ownerId, previous, logins, loginAccountId, marks.get(), stores.snapshot(ownerId));
    }
}
