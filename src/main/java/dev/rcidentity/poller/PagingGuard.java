package dev.rcidentity.poller;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a misbehaving server from holding a sweep forever: a page count beyond a bound, a {@code nextPage} that leads
 * back to a page already read, or a page that adds nothing new yet links to another one ends the sweep as incomplete.
 */
final class PagingGuard {
    private final int maxPages;
    private final Set<String> visited = new HashSet<>();
    private int pages;

    PagingGuard(int maxPages) {
        this.maxPages = maxPages;
    }

    int pages() {
        return pages;
    }

    void beforePage(String pathAndQuery) {
        if (pages >= maxPages) {
            throw new IncompleteSweepException("the extension list goes on past " + maxPages + " pages");
        }
        if (!visited.add(pathAndQuery)) {
            throw new IncompleteSweepException("nextPage of page " + pages + " leads back to a page already read ("
                    + pathAndQuery + ")");
        }
        pages++;
    }

    void afterPage(int records, int newRecords, boolean hasNextPage) {
        if (hasNextPage && newRecords == 0) {
            throw new IncompleteSweepException("page " + pages + (records == 0
                    ? " is empty but links to a next page"
                    : " repeats only extensions already read but links to a next page"));
        }
    }
}
