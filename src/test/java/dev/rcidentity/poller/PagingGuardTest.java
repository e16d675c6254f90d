package dev.rcidentity.poller;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingGuardTest {
    @Test
    void followsDistinctPagesUpToTheBound() {
        PagingGuard guard = new PagingGuard(3);
        for (int page = 1; page <= 3; page++) {
            int p = page;
            assertDoesNotThrow(() -> guard.beforePage("/restapi/x?page=" + p));
            guard.afterPage(10, 10, p < 3);
        }
        IncompleteSweepException e = assertThrows(IncompleteSweepException.class,
                () -> guard.beforePage("/restapi/x?page=4"));
        assertTrue(e.getMessage().contains("3 pages"), e.getMessage());
    }

    @Test
    void aLinkBackToAPageAlreadyReadEndsTheSweep() {
        PagingGuard guard = new PagingGuard(100);
        guard.beforePage("/restapi/x?page=1");
        guard.afterPage(10, 10, true);
        guard.beforePage("/restapi/x?page=2");
        guard.afterPage(10, 10, true);
        assertThrows(IncompleteSweepException.class, () -> guard.beforePage("/restapi/x?page=1"));
    }

    @Test
    void aPageWithNothingNewThatLinksOnEndsTheSweep() {
        PagingGuard guard = new PagingGuard(100);
        guard.beforePage("/restapi/x?page=1");
        assertThrows(IncompleteSweepException.class, () -> guard.afterPage(0, 0, true));
        PagingGuard repeating = new PagingGuard(100);
        repeating.beforePage("/restapi/x?page=1");
        assertThrows(IncompleteSweepException.class, () -> repeating.afterPage(10, 0, true));
    }

    @Test
    void anEmptyLastPageIsFine() {
        PagingGuard guard = new PagingGuard(100);
        guard.beforePage("/restapi/x?page=1");
        assertDoesNotThrow(() -> guard.afterPage(0, 0, false));
    }
}
