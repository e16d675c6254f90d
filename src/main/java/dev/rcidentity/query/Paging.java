package dev.rcidentity.query;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code paging} block of a listing; {@code pageStart} and {@code pageEnd} (0-based, inclusive) only when the page holds records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Paging(int page, int perPage, Long pageStart, Long pageEnd, long totalPages, long totalElements) {
}
