package dev.rcidentity.query;

import dev.rcidentity.kafka.Topics;
import org.apache.kafka.streams.query.Position;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The position check a read with a consistency token passes before it answers from the active copy. */
class LocalStoresTest {
    private static final String LOGINS = Topics.LOGINS.name();
    private static final Position TOKEN = Position.emptyPosition().withComponent(LOGINS, 2, 40);

    @Test
    void aStoreHasReachedTheTokenOnceItProcessedThatOffsetOfThatPartitionOrALaterOne() {
        assertTrue(LocalStores.reached(Position.emptyPosition().withComponent(LOGINS, 2, 40), TOKEN, 2));
        assertTrue(LocalStores.reached(Position.emptyPosition().withComponent(LOGINS, 2, 41), TOKEN, 2));
    }

    @Test
    void aStoreBehindTheTokenOrWithoutThatPartitionOfLoginsHasNotReachedIt() {
        assertFalse(LocalStores.reached(Position.emptyPosition().withComponent(LOGINS, 2, 39), TOKEN, 2));
        assertFalse(LocalStores.reached(Position.emptyPosition(), TOKEN, 2));
        assertFalse(LocalStores.reached(null, TOKEN, 2));
        assertFalse(LocalStores.reached(Position.emptyPosition().withComponent(Topics.EXTENSIONS.name(), 2, 900)
                .withComponent(LOGINS, 3, 900), TOKEN, 2));
    }
}
