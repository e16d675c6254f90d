package dev.rcidentity.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk} (the Debian package), an external client in its own process: it measures the server, not a Java client
 * beside it. It runs under {@code sh -c}, whose {@code times} then gives wrk's own CPU time. A small Lua script cycles
 * over the paths (or over the bodies POSTed to one path). wrk counts answers that are not 2xx/3xx; it does not look at
 * {@code X-Served-From}, so the keys are chosen by where they live beforehand.
 */
final class WrkLoadClient implements LoadClient {
    private static final String SCRIPT = """
            local requests = {}
            local i = 0
            function init(args)
              for line in io.lines(args[1]) do
                if args[2] then
                  requests[#requests + 1] = wrk.format("POST", args[2], {["Content-Type"] = "application/json"}, line)
                else
                  requests[#requests + 1] = wrk.format("GET", line)
                end
              end
            end
            function request()
              i = i % #requests + 1
              return requests[i]
            end
            """;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    /** The last line of the shell's {@code times}: its children's (wrk's) user and system time. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");
    /** Runs wrk, then prints the CPU time it used ({@code times}, POSIX), keeping wrk's exit status. */
    private static final String TIMED = "\"$@\"; status=$?; times; exit $status";
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /**
     * As the in-JVM client's: wrk's default (2 s) would count a slow batch as a socket timeout, left out of the
     * latencies and of the rate, so that a batch's p99 could not be seen at all.
     */
    private static final String TIMEOUT = "10s";

    private final String version;
    private final int connections;
    private final Duration window;
    private final Path workDir;

    private WrkLoadClient(String version, int connections, Duration window, Path workDir) {
        this.version = version;
        this.connections = connections;
        this.window = window;
        this.workDir = workDir;
    }

    /** wrk when it is on the PATH, else empty. */
    static Optional<LoadClient> find(int connections, Duration window, Path workDir) {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || !out.startsWith("wrk ")) {
                return Optional.empty();
            }
            String version = out.lines().findFirst().orElse("wrk").split(" \\[")[0];
            return Optional.of(new WrkLoadClient(version, connections, window, workDir));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return version + ", " + connections + " connections, " + threads() + " threads";
    }

    /** Two threads (one a core of the reference machine), fewer when there are fewer connections. */
    private int threads() {
        return Math.min(2, connections);
    }

    @Override
    public Load run(int port, List<String> paths, String expectedFrom) throws Exception {
        return run(port, paths, List.of());
    }

    @Override
    public Load post(int port, String path, List<String> bodies) throws Exception {
        return run(port, bodies.stream().map(body -> body.replace('\n', ' ')).toList(), List.of(path));
    }

    private Load run(int port, List<String> lines, List<String> postPath) throws Exception {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("paths.lua");
        Path pathList = Files.createTempFile(workDir, "paths", ".txt");
        Files.writeString(script, SCRIPT);
        Files.write(pathList, lines);
        List<String> command = new ArrayList<>(List.of("sh", "-c", TIMED, "wrk", "wrk", "-t", String.valueOf(threads()),
                "-c", String.valueOf(connections), "-d", window.toSeconds() + "s", "--timeout", TIMEOUT, "--latency",
                "-s", script.toString(), "http://127.0.0.1:" + port, "--", pathList.toString()));
        command.addAll(postPath);
        long cpu = BenchCpu.nanos();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(window.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        if (process.exitValue() != 0 || !rate.find() || !requests.find()) {
            throw new IllegalStateException("wrk failed (" + process.exitValue() + "): " + out);
        }
        long sent = Long.parseLong(requests.group(1));
        double serverCpu = BenchCpu.microsPerRequest(cpu, sent);
        long unexpected = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            unexpected += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = SOCKET_ERRORS.matcher(out);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                unexpected += Long.parseLong(errors.group(g));
            }
        }
        return new Load(Double.parseDouble(rate.group(1)), percentileMs(out, "50"), percentileMs(out, "99"), unexpected,
                serverCpu, clientCpuMicros(out, sent));
    }

    /** wrk's user + system time a request, from the shell's {@code times}; NaN when it is not there. */
    private static double clientCpuMicros(String out, long requests) {
        Matcher times = CHILD_TIMES.matcher(out.strip());
        if (!times.find() || requests <= 0) {
            return Double.NaN;
        }
        double seconds = Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4));
        return seconds * 1e6 / requests;
    }

    /** A line of wrk's latency distribution, such as {@code      99%    3.21ms}. */
    private static double percentileMs(String out, String percent) {
        Matcher m = Pattern.compile("^\\s+" + percent + "%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
