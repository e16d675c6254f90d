package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Instant;

/**
 * Checks an account record once, before it is broadcast to every partition (a bad record would otherwise reach the
 * dead-letter topic once per partition), drops tombstones and fills a missing observedAt from the record time.
 */
final class AccountCheck extends ContextualFixedKeyProcessor<String, AccountSnapshot, AccountSnapshot> {
    @Override
    public void process(FixedKeyRecord<String, AccountSnapshot> record) {
        AccountSnapshot account = record.value();
        if (account == null) {
            return;
        }
        RecordKeys.requireMatch(Topics.ACCOUNTS.name(), record.key(), account.accountId(), "accountId");
        if (account.observedAt() == null) {
            account = new AccountSnapshot(account.accountId(), account.companyName(), account.mainNumber(),
                    account.status(), account.brand(), Instant.ofEpochMilli(record.timestamp()));
        }
        context().forward(record.withValue(account));
    }
}
