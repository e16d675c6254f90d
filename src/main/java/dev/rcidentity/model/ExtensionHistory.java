package dev.rcidentity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** The versions of one extension, oldest first; the last one is current. */
public record ExtensionHistory(List<HistoryRow> rows) {
    public ExtensionHistory {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    @JsonIgnore
    public HistoryRow current() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }
}
