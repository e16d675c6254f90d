package dev.rcidentity.faults;

import dev.rcidentity.model.Identity;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the read_committed output of rc.identities.v1 says: the table, the logins counted, and no repeats. */
final class IdentityOutput {
    private IdentityOutput() {
    }

    /** How many logins the output shows counted: the sum of every owner's latest loginCount. */
    static long loginsCounted(List<ConsumerRecord<String, Identity>> records) {
        return table(records).values().stream().mapToLong(Identity::loginCount).sum();
    }

    /**
     * Every committed update is new: no owner gets the same identity twice, and an owner's loginCount never goes
     * back (a login processed twice, or a lost one processed again after a restart, would show as either).
     */
    static void assertNoUpdateRepeated(List<ConsumerRecord<String, Identity>> records, int logins) {
        Set<Identity> seen = new HashSet<>();
        Map<String, Long> lastCount = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (ConsumerRecord<String, Identity> record : records) {
            Identity identity = record.value();
            if (!seen.add(identity)) {
                repeated.add("repeated: " + identity);
            }
            long before = lastCount.getOrDefault(record.key(), 0L);
            if (identity.loginCount() < before) {
                repeated.add("count went back from " + before + ": " + identity);
            }
            lastCount.put(record.key(), identity.loginCount());
        }
        assertEquals(List.of(), repeated.subList(0, Math.min(10, repeated.size())), repeated.size() + " problems");
        assertTrue(records.size() >= logins, "one update per login at least: " + records.size());
    }

    static Map<String, Identity> table(List<ConsumerRecord<String, Identity>> records) {
        Map<String, Identity> table = new HashMap<>();
        records.forEach(record -> table.put(record.key(), record.value()));
        return table;
    }
}
