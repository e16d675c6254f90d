package dev.rcidentity.poller;

import dev.rcidentity.model.ExtensionSnapshot;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an account's whole extension list, page by page along {@code navigation.nextPage}. The result keeps what was
 * read even when the list could not be read to its end; only a complete result may be used to detect deletions.
 */
final class ExtensionSweep {
    /** The extensions read, by id, and why the list is incomplete (null when it is complete). */
    record Result(Map<String, ExtensionSnapshot> extensions, int pages, IncompleteSweepException failure) {
        boolean complete() {
            return failure == null;
        }
    }

    private final RingCentralClient client;
    private final Clock clock;
    private final int maxPages;

    ExtensionSweep(RingCentralClient client, Clock clock, int maxPages) {
        this.client = client;
        this.clock = clock;
        this.maxPages = maxPages;
    }

    Result run(String accountId) throws InterruptedException {
        Map<String, ExtensionSnapshot> seen = new LinkedHashMap<>();
        PagingGuard guard = new PagingGuard(maxPages);
        try {
            long expectedTotal = -1;
            for (String next = RingCentralClient.firstExtensionPage(); next != null; ) {
                guard.beforePage(next);
                ExtensionListPage page = client.extensionPage(next,
                        new ExtensionPageReader(accountId, guard.pages(), clock));
                int fresh = 0;
                for (ExtensionSnapshot snapshot : page.extensions()) {
                    if (seen.putIfAbsent(snapshot.extensionId(), snapshot) == null) {
                        fresh++;
                    }
                }
                if (page.badRecord() != null) {
                    throw page.badRecord();
                }
                next = nextPage(page.nextPageUri(), guard.pages());
                guard.afterPage(page.extensions().size(), fresh, next != null);
                expectedTotal = page.totalElements().orElse(expectedTotal);
            }
            // Offset paging skips a record when the list shifts under it; a short count means a page missed some.
            if (expectedTotal > seen.size()) {
                throw new IncompleteSweepException("read " + seen.size() + " extensions but the server counts "
                        + expectedTotal);
            }
            return new Result(Collections.unmodifiableMap(seen), guard.pages(), null);
        } catch (IncompleteSweepException e) {
            return new Result(Collections.unmodifiableMap(seen), guard.pages(), e);
        } catch (RingCentralApiException e) {
            return new Result(Collections.unmodifiableMap(seen), guard.pages(),
                    new IncompleteSweepException(e.getMessage(), e));
        }
    }

    /**
     * The path and query of the next page, resolved against the connection's own server: the bearer token never goes
     * to a host a response names.
     */
    static String nextPage(String uri, int pageNumber) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            String path = parsed.getRawPath();
            if (path == null || !path.startsWith("/restapi/")) {
                throw new IncompleteSweepException("nextPage of page " + pageNumber + " is not an API path");
            }
            return path + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (URISyntaxException e) {
            throw new IncompleteSweepException("nextPage of page " + pageNumber + " is not a URI");
        }
    }
}
