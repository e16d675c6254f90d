package dev.rcidentity.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the results as JSON; a figure not measured has the value "NaN". */
final class ResultsJson {
    private ResultsJson() {
    }

    static void write(BenchResults results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] json = Json.MAPPER.copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(results);
        Files.write(file, json);
    }
}
