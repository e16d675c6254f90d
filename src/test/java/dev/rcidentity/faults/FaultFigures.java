package dev.rcidentity.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The figures a fault test measured (recovery times, records checked), appended to target/fault-logs/figures.txt. */
final class FaultFigures {
    private FaultFigures() {
    }

    static void record(String test, String figure) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fault-logs"));
            Files.writeString(dir.resolve("figures.txt"), Instant.now() + " " + test + ": " + figure + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
