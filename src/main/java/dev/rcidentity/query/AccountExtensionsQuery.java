package dev.rcidentity.query;

import dev.rcidentity.model.ExtensionSnapshot;

import java.util.List;

/** One page of an account's extensions, filtered by status and type. */
record AccountExtensionsQuery(String accountId, int page, int perPage, ExtensionFilter filter) {
    static final int MAX_PER_PAGE = 1000;
    static final int MAX_PAGE = 1_000_000;

    /** The answer: the page's records and where the page lies. */
    record Page(List<ExtensionSnapshot> records, Paging paging) {
    }

    static AccountExtensionsQuery from(ApiRequest request) {
        return new AccountExtensionsQuery(request.id("accountId"), request.intParam("page", 1, 1, MAX_PAGE),
                request.intParam("perPage", 100, 1, MAX_PER_PAGE), ExtensionFilter.from(request));
    }
}
