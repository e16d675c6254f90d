package dev.rcidentity.bench;

import java.io.IOException;
import java.nio.file.Path;

/** The public face of the results: the JSON file and the table. */
public final class ResultsReport {
    private ResultsReport() {
    }

    /** Writes {@code json} and returns the table. */
    public static String write(BenchResults results, Path json) throws IOException {
        ResultsJson.write(results, json);
        return ResultsTable.render(results);
    }
}
