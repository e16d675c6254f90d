package dev.rcidentity.poller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code poller} command in a child JVM on the test classpath, so a test can kill it as {@code kill -9} would. */
final class PollerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PollerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code settings}: environment variables of the child (only those; none is inherited from the test's). */
    static PollerProcess start(Path dir, Map<String, String> settings) throws IOException {
        Path log = Files.createTempFile(dir, "poller-process-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.rcidentity.cli.Main", "poller");
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PollerProcess(builder.start(), log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the poller process did not die");
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
