package dev.rcidentity.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the application ({@code java -cp <the tests' classpath> dev.rcidentity.cli.Main <command> ...}) in a
 * child JVM, so that a test can crash it the hard way: {@link #kill()} is SIGKILL, no shutdown hook runs, no
 * transaction is committed or aborted, no group is left. Its output goes to a log file that failure messages quote.
 */
final class ChildJvm implements AutoCloseable {
    private static final int LOG_TAIL_CHARS = 4_000;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with {@code settings} as {@code --key=value} options; the log is appended to. */
    static ChildJvm start(String command, Map<String, String> settings, Path log) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.rcidentity.cli.Main", command));
        settings.forEach((key, value) -> line.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The settings come from the command line only: none from the environment the tests run in.
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("RC_"));
        return new ChildJvm(builder.start(), log);
    }

    /**
     * {@code streams} against {@code bootstrapServers}: its state in {@code stateDir}, its API on {@code httpPort};
     * 100 ms commits (as the tests' in-process instances) and a 6 s session, so that the group notices a killed
     * member within seconds instead of the default 45 s. {@code extra} settings win.
     */
    static ChildJvm streams(String bootstrapServers, String applicationId, Path stateDir, int httpPort,
                            Map<String, String> extra, Path log) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "APPLICATION_ID", applicationId,
                "STATE_DIR", stateDir.toString(),
                "HTTP_PORT", String.valueOf(httpPort),
                "APPLICATION_SERVER", "127.0.0.1:" + httpPort,
                "kafka.commit.interval.ms", "100",
                "kafka.session.timeout.ms", "6000"));
        settings.putAll(extra);
        return start("streams", settings, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A new log file under target/fault-logs, kept after the test for a look at what the child did. */
    static Path logFile(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fault-logs"));
        return dir.resolve(name + "-" + System.currentTimeMillis() + ".log");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM survived SIGKILL for 30 s");
        }
    }

    /**
     * For failure messages about a child that stopped making progress: any Java-level deadlock {@code jcmd} finds in
     * it, else the stacks of its stream threads (a stuck one says where).
     */
    String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            int deadlock = dump.indexOf("Found one Java-level deadlock");
            String shown = deadlock >= 0 ? dump.substring(deadlock) : String.join("\n\n", List.of(dump.split("\n\n"))
                    .stream().filter(thread -> thread.contains("StreamThread-")).toList());
            return shown.length() <= LOG_TAIL_CHARS ? shown : shown.substring(0, LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** The end of the child's output, for failure messages. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS ? text : text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
