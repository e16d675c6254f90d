package dev.rcidentity.poller;

import dev.rcidentity.model.ExtensionSnapshot;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a sweep keeps of one extension-list page: its records, mapped up to the first that could not be
 * ({@code badRecord}, null when all could); {@code navigation.nextPage.uri} (null when absent or not text);
 * {@code paging.totalElements} when it is a number.
 */
record ExtensionListPage(List<ExtensionSnapshot> extensions, IncompleteSweepException badRecord, String nextPageUri,
                         OptionalLong totalElements) {
}
