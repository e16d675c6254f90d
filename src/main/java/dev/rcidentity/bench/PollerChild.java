package dev.rcidentity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code poller} command in a child JVM ({@code java -cp <this JVM's classpath: the jar or the test classpath>
 * dev.rcidentity.cli.Main poller}), its settings as environment variables (the credentials key stays off the command
 * line), so the bench can read its RSS and kill it as {@code kill -9} does.
 */
final class PollerChild implements AutoCloseable {
    /**
     * The same for one instance and for each of two: the single instance holds the published state of all 1,000,000
     * extensions of the full run (~0.8 KB of heap each), which 256 MiB cannot hold.
     */
    static final String HEAP = "-Xmx2g";
    private static final Duration JCMD_WAIT = Duration.ofSeconds(60);
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    /** Extra JVM options for the children, space-separated (a profiler: {@code -XX:StartFlightRecording=...}). */
    static final String EXTRA_OPTIONS = "bench.pollerChildOptions";

    private final String instance;
    private final Process process;
    private final Path log;

    private PollerChild(String instance, Process process, Path log) {
        this.instance = instance;
        this.process = process;
        this.log = log;
    }

    /** {@code instance}: its name in the group and in the status records (APPLICATION_SERVER). */
    static PollerChild start(String instance, Map<String, String> settings, Path dir) throws IOException {
        Path log = dir.resolve("poller-" + instance + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP));
        String extra = System.getProperty(EXTRA_OPTIONS, "").replace("{instance}", instance).strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rcidentity.cli.Main", "poller"));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only the bench's settings: none inherited from the environment the bench runs in.
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().putAll(settings);
        builder.environment().put("APPLICATION_SERVER", instance);
        builder.environment().put("HTTP_PORT", "0");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PollerChild(instance, builder.start(), log);
    }

    String instance() {
        return instance;
    }

    /** The child's resident set in MiB from /proc/<pid>/status; NaN when it cannot be read. */
    double rssMiB() {
        long rss = MemoryProbe.status(Path.of("/proc", String.valueOf(process.pid()), "status")).getOrDefault("VmRSS", -1L);
        return rss < 0 ? Double.NaN : rss / MemoryProbe.MIB;
    }

    /**
     * CPU seconds the child used so far (user + system, from /proc/<pid>/stat, at the usual 100 ticks a second); NaN
     * when it cannot be read.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name: state is field 3 of stat, utime 14 and stime 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The child's live heap in MiB: {@code jcmd <pid> GC.run} (a full collection), then the used heap
     * {@code GC.heap_info} reports. Take the RSS first: the collection may give memory back. NaN when jcmd fails.
     */
    double liveHeapMiB() throws InterruptedException {
        try {
            jcmd("GC.run");
            Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(2)) / 1024.0 : Double.NaN;
        } catch (IOException | IllegalStateException e) {
            return Double.NaN;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(JCMD_WAIT.toSeconds(), TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " failed: " + new String(out));
        }
        return new String(out);
    }

    /** SIGKILL: no shutdown hook runs, the group notices only when the session times out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("poller " + instance + " survived SIGKILL for 30 s");
        }
    }

    /** The end of the child's output, for error messages. */
    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 3_000 ? text : text.substring(text.length() - 3_000);
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
