package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageLayoutTest {
    private static PageLayout.Slice slice(int partition, long skip, long limit) {
        return new PageLayout.Slice(partition, skip, limit);
    }

    @Test
    void theFirstPageTakesFromTheFirstPartitionsInOrder() {
        PageLayout layout = PageLayout.of(new long[]{3, 5, 2}, 1, 4);
        assertEquals(List.of(slice(0, 0, 3), slice(1, 0, 1)), layout.slices());
        assertEquals(new Paging(1, 4, 0L, 3L, 3, 10), layout.paging(4));
    }

    @Test
    void aMiddlePageStartsInsideAPartition() {
        assertEquals(List.of(slice(1, 1, 4)), PageLayout.of(new long[]{3, 5, 2}, 2, 4).slices());
    }

    @Test
    void theLastPageIsShortAndSaysWhereItEnds() {
        PageLayout layout = PageLayout.of(new long[]{3, 5, 2}, 3, 4);
        assertEquals(List.of(slice(2, 0, 2)), layout.slices());
        assertEquals(new Paging(3, 4, 8L, 9L, 3, 10), layout.paging(2));
    }

    @Test
    void beyondTheEndThereIsNothingToFetchAndNoPageStart() {
        PageLayout layout = PageLayout.of(new long[]{3, 5, 2}, 4, 4);
        assertEquals(List.of(), layout.slices());
        assertEquals(new Paging(4, 4, null, null, 3, 10), layout.paging(0));
        assertEquals(List.of(), PageLayout.of(new long[]{3}, 1_000_000, 1000).slices());
    }

    @Test
    void anEmptyListingHasNoPages() {
        PageLayout layout = PageLayout.of(new long[]{0, 0, 0}, 1, 100);
        assertEquals(List.of(), layout.slices());
        assertEquals(new Paging(1, 100, null, null, 0, 0), layout.paging(0));
        assertEquals(List.of(), PageLayout.of(new long[0], 1, 100).slices());
    }

    @Test
    void emptyPartitionsAreSkippedAndAPageSpansSeveral() {
        assertEquals(List.of(slice(1, 0, 1), slice(3, 0, 2), slice(5, 0, 1)),
                PageLayout.of(new long[]{0, 1, 0, 2, 0, 7}, 1, 4).slices());
    }

    @Test
    void partitionsOfVeryDifferentSizesAreEachReadOnceAcrossAllPages() {
        long[] matching = {1, 1_000_003, 0, 2, 250_000};
        int perPage = 1000;
        PageLayout first = PageLayout.of(matching, 1, perPage);
        long total = first.totalElements();
        assertEquals(1_250_006, total);
        long seen = 0;
        long[] perPartition = new long[matching.length];
        int pages = (int) first.paging(perPage).totalPages();
        for (int page = 1; page <= pages; page++) {
            for (PageLayout.Slice s : PageLayout.of(matching, page, perPage).slices()) {
                assertEquals(perPartition[s.partition()], s.skip(), "each slice continues where the last one stopped");
                perPartition[s.partition()] += s.limit();
                seen += s.limit();
            }
        }
        assertEquals(total, seen);
        assertEquals(List.of(1L, 1_000_003L, 0L, 2L, 250_000L), List.of(perPartition[0], perPartition[1], perPartition[2],
                perPartition[3], perPartition[4]));
        assertEquals(List.of(slice(1, 999_999, 4), slice(3, 0, 2), slice(4, 0, 994)),
                PageLayout.of(matching, 1001, perPage).slices());
    }

    @Test
    void pagesAndSizesStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> PageLayout.of(new long[]{1}, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> PageLayout.of(new long[]{1}, 1, 0));
    }
}
