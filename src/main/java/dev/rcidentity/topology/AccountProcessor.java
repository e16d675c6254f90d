package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps this task's copy of the accounts (every task receives every account through the broadcast) and refreshes
 * the identities of an account when it changes: those of its extensions held in this task that logged in, and the
 * unresolved ones a login filed under it. An observation older than the one held is ignored.
 */
final class AccountProcessor extends AccountIndexedProcessor<AccountSnapshot> {
    @Override
    public void process(Record<String, AccountSnapshot> record) {
        AccountSnapshot account = record.value();
        AccountSnapshot held = identities.accounts.get(account.accountId());
        if (held != null && held.observedAt() != null && held.observedAt().isAfter(account.observedAt())) {
            return;
        }
        identities.accounts.put(account.accountId(), account);
        List<String> owners = new ArrayList<>(accountIndex.extensionIds(account.accountId()));
        try (KeyValueIterator<String, String> index = identities.identitiesByAccount.prefixScan(
                StateStores.accountIndexPrefix(account.accountId()), new StringSerializer())) {
            while (index.hasNext()) {
                KeyValue<String, String> entry = index.next();
                owners.add(entry.value);
            }
        }
        owners.forEach(identities::refresh);
    }
}
