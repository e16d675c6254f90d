package dev.rcidentity.topology;

import dev.rcidentity.model.HistoryRow;

import java.util.ArrayList;
import java.util.List;

/** One new version of an extension: the previous row closed (null for the first version) and the new current row. */
record HistoryChange(HistoryRow closed, HistoryRow opened) {
    List<HistoryRow> rows() {
        List<HistoryRow> rows = new ArrayList<>(2);
        if (closed != null) {
            rows.add(closed);
        }
        rows.add(opened);
        return rows;
    }
}
