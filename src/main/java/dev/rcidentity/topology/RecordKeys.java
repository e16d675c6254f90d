package dev.rcidentity.topology;

import dev.rcidentity.model.Ids;
import dev.rcidentity.model.InvalidRecordException;

/** A record's key must be the id its value names: anything else would file the record under someone else. */
final class RecordKeys {
    private RecordKeys() {
    }

    static void requireMatch(String topic, String key, String valueId, String field) {
        if (!valueId.equals(key)) {
            throw new InvalidRecordException(topic + " record key '" + Ids.abbreviate(key) + "' does not match its "
                    + field + " '" + valueId + "'");
        }
    }
}
