package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Checks a login where it was read, before it may be re-routed (a bad record then reaches the dead-letter topic with
 * its own topic, partition and offset), and drops tombstones.
 */
final class LoginCheck extends ContextualFixedKeyProcessor<String, LoginEvent, LoginEvent> {
    @Override
    public void process(FixedKeyRecord<String, LoginEvent> record) {
        LoginEvent login = record.value();
        if (login == null) {
            return;
        }
        RecordKeys.requireMatch(Topics.LOGINS.name(), record.key(), login.ownerId(), "ownerId");
        context().forward(record);
    }
}
