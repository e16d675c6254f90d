package dev.rcidentity.bench;

import dev.rcidentity.query.Headers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP client in this JVM, from {@code concurrency} threads: what measures when no external client is
 * installed. It shares the cores and the heap with the server it measures, so its floor is well below an external one.
 */
final class JavaLoadClient implements LoadClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int requests;
    private final int concurrency;

    JavaLoadClient(int requests, int concurrency) {
        this.requests = requests;
        this.concurrency = concurrency;
    }

    @Override
    public String name() {
        return "in-JVM JDK HttpClient, " + concurrency + " threads";
    }

    static HttpResponse<byte[]> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public Load run(int port, List<String> paths, String expectedFrom) throws Exception {
        return measure(i -> {
            HttpResponse<byte[]> response = get(port, paths.get(i % paths.size()));
            return response.statusCode() == 200 && (expectedFrom == null || expectedFrom.equals(
                    response.headers().firstValue(Headers.SERVED_FROM).orElse(null)));
        });
    }

    @Override
    public Load post(int port, String path, List<String> bodies) throws Exception {
        return measure(i -> {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() / 100 == 2;
        });
    }

    /** One exchange of the load; whether its answer was the expected one. */
    private interface Exchange {
        boolean send(int i) throws Exception;
    }

    private Load measure(Exchange exchange) throws Exception {
        double[] latencies = new double[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long cpu = BenchCpu.nanos();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        long sent = System.nanoTime();
                        try {
                            if (!exchange.send(i)) {
                                unexpected.incrementAndGet();
                            }
                        } catch (Exception e) {
                            unexpected.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - sent) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = Stats.perSecond(requests, System.nanoTime() - start);
        return new Load(rate, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99), unexpected.get(),
                BenchCpu.microsPerRequest(cpu, requests), Double.NaN);
    }
}
