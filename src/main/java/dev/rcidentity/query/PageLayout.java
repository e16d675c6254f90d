package dev.rcidentity.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one page of a listing spread over partitions lies: pages enumerate the partitions in order and each
 * partition's matching records in key order, so from each partition's count of matching records alone it follows
 * which slice of which partitions a page needs. Pure arithmetic.
 *
 * @param slices the slices to fetch, in page order; empty beyond the last page
 */
record PageLayout(int page, int perPage, long totalElements, List<Slice> slices) {
    /** {@code limit} records of one partition after skipping {@code skip} matching ones. */
    record Slice(int partition, long skip, long limit) {
    }

    /** @param matching per partition, in partition order, how many records match */
    static PageLayout of(long[] matching, int page, int perPage) {
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("page and perPage start at 1: " + page + ", " + perPage);
        }
        long total = 0;
        for (long n : matching) {
            total += n;
        }
        long offset = (long) (page - 1) * perPage;
        long wanted = perPage;
        List<Slice> slices = new ArrayList<>();
        for (int p = 0; p < matching.length && wanted > 0; p++) {
            if (offset >= matching[p]) {
                offset -= matching[p];
                continue;
            }
            long take = Math.min(wanted, matching[p] - offset);
            slices.add(new Slice(p, offset, take));
            wanted -= take;
            offset = 0;
        }
        return new PageLayout(page, perPage, total, List.copyOf(slices));
    }

    /** The paging block of the answer, for a page that came back with {@code returned} records. */
    Paging paging(int returned) {
        long pageStart = (long) (page - 1) * perPage;
        long totalPages = (totalElements + perPage - 1) / perPage;
        return returned == 0
                ? new Paging(page, perPage, null, null, totalPages, totalElements)
                : new Paging(page, perPage, pageStart, pageStart + returned - 1, totalPages, totalElements);
    }
}
