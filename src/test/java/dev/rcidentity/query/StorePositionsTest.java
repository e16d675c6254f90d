package dev.rcidentity.query;

import dev.rcidentity.kafka.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.processor.internals.TaskMetadataImpl;
import org.apache.kafka.streams.processor.internals.ThreadMetadataImpl;
import org.apache.kafka.streams.query.Position;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks a read with a consistency token passes before it answers from the active copy: position or commit. */
class StorePositionsTest {
    private static final String LOGINS = Topics.LOGINS.name();
    private static final Position TOKEN = Position.emptyPosition().withComponent(LOGINS, 2, 40);

    @Test
    void aStoreHasReachedTheTokenOnceItProcessedThatOffsetOfThatPartitionOrALaterOne() {
        assertTrue(StorePositions.reached(Position.emptyPosition().withComponent(LOGINS, 2, 40), TOKEN, 2));
        assertTrue(StorePositions.reached(Position.emptyPosition().withComponent(LOGINS, 2, 41), TOKEN, 2));
    }

    @Test
    void aStoreBehindTheTokenOrWithoutThatPartitionOfLoginsHasNotReachedIt() {
        assertFalse(StorePositions.reached(Position.emptyPosition().withComponent(LOGINS, 2, 39), TOKEN, 2));
        assertFalse(StorePositions.reached(Position.emptyPosition(), TOKEN, 2));
        assertFalse(StorePositions.reached(null, TOKEN, 2));
        assertFalse(StorePositions.reached(Position.emptyPosition().withComponent(Topics.EXTENSIONS.name(), 2, 900)
                .withComponent(LOGINS, 3, 900), TOKEN, 2));
    }

    @Test
    void aTaskHereThatCommittedThatPartitionOfLoginsPastTheOffsetProcessedTheRecord() {
        assertTrue(StorePositions.committedPast(List.of(thread(active(2, 41))), TOKEN, 2), "next offset to read: 41");
        assertTrue(StorePositions.committedPast(List.of(thread(active(1, 900)), thread(active(2, 500))), TOKEN, 2));
    }

    @Test
    void aCommitAtTheOffsetOrOfAnotherPartitionOrOfAStandbyIsNotProof() {
        assertFalse(StorePositions.committedPast(List.of(thread(active(2, 40))), TOKEN, 2), "40 is not read yet");
        assertFalse(StorePositions.committedPast(List.of(thread(active(2, -1))), TOKEN, 2), "never committed");
        assertFalse(StorePositions.committedPast(List.of(thread(active(3, 900))), TOKEN, 2));
        assertFalse(StorePositions.committedPast(List.of(), TOKEN, 2));
        TaskMetadata standby = active(2, 900);
        assertFalse(StorePositions.committedPast(List.of(new ThreadMetadataImpl("t", "RUNNING", "c", "r", "p", "a",
                Set.of(), Set.of(standby))), TOKEN, 2));
    }

    private static TaskMetadata active(int partition, long committed) {
        TopicPartition logins = new TopicPartition(LOGINS, partition);
        return new TaskMetadataImpl(new TaskId(0, partition), Set.of(logins), Map.of(logins, committed), Map.of(),
                Optional.empty());
    }

    private static ThreadMetadata thread(TaskMetadata... active) {
        return new ThreadMetadataImpl("t", "RUNNING", "c", "r", "p", "a", Set.of(active), Set.of());
    }
}
