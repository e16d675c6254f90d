package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendQueueTest {
    private final SendQueue<Integer> queue = new SendQueue<>(2, 3, 5);

    @Test
    void aLoneItemGoesAloneAtOnce() {
        assertEquals(List.of(1), queue.add(1));
        assertEquals(1, queue.inFlight());
        assertEquals(List.of(), queue.finished());
        assertTrue(queue.idle());
    }

    @Test
    void whileTheBoundIsInFlightItemsWaitAndThenGoTogetherUpToTheBatchBound() {
        assertEquals(List.of(1), queue.add(1));
        assertEquals(List.of(2), queue.add(2));
        for (int i = 3; i <= 7; i++) {
            assertEquals(List.of(), queue.add(i), "two sends are under way: " + i + " waits");
        }
        assertEquals(List.of(3, 4, 5), queue.finished(), "one send done: the next takes what waits, at most 3");
        assertEquals(List.of(6, 7), queue.finished());
        assertEquals(List.of(), queue.finished());
        assertEquals(List.of(), queue.finished());
        assertTrue(queue.idle());
    }

    @Test
    void aFullQueueRefusesSoTheCallerSendsAlone() {
        queue.add(1);
        queue.add(2);
        for (int i = 3; i <= 7; i++) {
            queue.add(i);
        }
        assertNull(queue.add(8));
        assertEquals(List.of(3, 4, 5), queue.finished());
        assertEquals(List.of(), queue.add(8), "room again");
    }

    @Test
    void finishingWhatWasNeverSentIsAnError() {
        assertThrows(IllegalStateException.class, queue::finished);
    }
}
