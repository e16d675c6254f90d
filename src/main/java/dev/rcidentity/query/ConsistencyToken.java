package dev.rcidentity.query;

import dev.rcidentity.kafka.Topics;
import org.apache.kafka.streams.query.Position;

/**
 * A write's place in {@code rc.logins.v1}, as the producer got it back: a read that honours the token answers only
 * from a store that has processed that offset of that partition.
 *
 * @param text the token as the caller sent it (forwarded as it is)
 */
record ConsistencyToken(String text, int partition, long offset) {
    /**
     * The position an identities store must have reached: Kafka Streams records, per store partition, the offset of
     * the last input record whose processing wrote to it.
     */
    Position position() {
        return Position.emptyPosition().withComponent(Topics.LOGINS.name(), partition, offset);
    }

    /** 400 unless the token was issued for a write to the partition being read. */
    void requirePartition(int keyPartition) {
        if (keyPartition != partition) {
            throw ApiError.badRequest("after: this token was issued for a write to another partition; it applies to "
                    + "reads of the owner whose login returned it");
        }
    }
}
