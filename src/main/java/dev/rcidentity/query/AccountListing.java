package dev.rcidentity.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account with its extension counts, and the paged listing of its extensions. An account's extensions live in
 * every partition, so both gather per-partition answers: first the counts (small, maintained as extensions change),
 * which locate the requested page among the partitions ({@link PageLayout}), then only the slices that page needs.
 */
final class AccountListing {
    /** The account snapshot's fields plus its extension counts by status. */
    record AccountView(@JsonUnwrapped AccountSnapshot account, Map<String, Long> extensionCounts) {
    }

    private final QueryService queries;

    AccountListing(QueryService queries) {
        this.queries = queries;
    }

    /** The account with its counts by status ({@code Deleted} counts the deleted ones); null value when unknown. */
    Served<AccountView> account(String accountId, ReadContext context) {
        Served<AccountSnapshot> account = queries.serve(new AccountQuery(accountId), context);
        if (account.value() == null) {
            return account.map(a -> null);
        }
        Map<String, Long> byStatus = new TreeMap<>();
        for (Map<String, Long> counts : counts(accountId, context)) {
            counts.forEach((statusAndType, n) ->
                    byStatus.merge(statusAndType.substring(0, statusAndType.indexOf('/')), n, Long::sum));
        }
        return account.map(a -> new AccountView(a, byStatus));
    }

    AccountExtensionsQuery.Page page(AccountExtensionsQuery query, ReadContext context) {
        List<Map<String, Long>> counts = counts(query.accountId(), context);
        long[] matching = new long[counts.size()];
        for (int p = 0; p < matching.length; p++) {
            matching[p] = query.filter().count(counts.get(p));
        }
        PageLayout layout = PageLayout.of(matching, query.page(), query.perPage());
        List<ExtensionSnapshot> records = new ArrayList<>();
        for (PageLayout.Slice slice : layout.slices()) {
            List<ExtensionSnapshot> part = queries.serve(new PartitionSliceQuery(query.accountId(), slice.partition(),
                    slice.skip(), slice.limit(), query.filter()), context).value();
            if (part != null) {
                records.addAll(part);
            }
        }
        return new AccountExtensionsQuery.Page(records, layout.paging(records.size()));
    }

    private List<Map<String, Long>> counts(String accountId, ReadContext context) {
        List<Map<String, Long>> all = new ArrayList<>();
        for (int p = 0; p < queries.partitions(); p++) {
            Map<String, Long> counts = queries.serve(new PartitionCountsQuery(accountId, p), context).value();
            all.add(counts == null ? Map.of() : counts);
        }
        return all;
    }
}
