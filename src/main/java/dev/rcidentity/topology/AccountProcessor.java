package dev.rcidentity.topology;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Identity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps this task's copy of the accounts (every task receives every account through the broadcast) and refreshes
 * the identities of an account when it changes: those of its extensions held in this task that logged in, and the
 * unresolved ones a login filed under it. An observation older than the one held is ignored.
 */
final class AccountProcessor implements Processor<String, AccountSnapshot, String, Identity> {
    private IdentityStores stores;
    private IdentityUpdater identities;

    @Override
    public void init(ProcessorContext<String, Identity> context) {
        stores = new IdentityStores(context);
        identities = new IdentityUpdater(stores, context);
    }

    @Override
    public void process(Record<String, AccountSnapshot> record) {
        AccountSnapshot account = record.value();
        AccountSnapshot held = stores.account(account.accountId());
        if (held != null && held.observedAt() != null && held.observedAt().isAfter(account.observedAt())) {
            return;
        }
        stores.keep(account);
        stores.ownersOfAccount(account.accountId()).forEach(identities::refresh);
    }
}
