package dev.rcidentity.bench;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Login produced -> identity visible to a read_committed consumer of {@code rc.identities.v1}, at a steady rate of
 * half the measured login throughput. One window per repetition after a warm-up second; p50/p99/max are the
 * medians over the windows.
 */
final class LoginLatency {
    static final String SECTION = "4. Latency";
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private record Sample(long sentAt, long nanos) {
    }

    private LoginLatency() {
    }

    static List<Figure> run(BenchKafka kafka, BenchOptions options, Workload workload, double loginsPerSecond)
            throws InterruptedException {
        double rate = Math.max(1, loginsPerSecond / 2);
        Map<String, Long> pending = new ConcurrentHashMap<>();
        List<Sample> samples = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> read(kafka, pending, samples, stop), "bench-latency-reader");
        long window = options.latencyWindow().toNanos();
        long total = WARM_UP.toNanos() + window * options.repetitions();
        long start;
        long sent = 0;
        try (KafkaProducer<String, LoginEvent> producer = kafka.producer(Topics.LOGINS.keySerde().serializer(),
                Topics.LOGINS.valueSerde().serializer(), 1)) {
            reader.start();
            Thread.sleep(1000); // the reader has its partitions and end positions
            start = System.nanoTime();
            long now;
            while ((now = System.nanoTime()) - start < total) {
                long due = (long) ((now - start) / 1e9 * rate);
                for (; sent < due; sent++) {
                    LoginEvent login = workload.nextLogin();
                    pending.put(key(login.ownerId(), login.loggedInAt().toEpochMilli()), System.nanoTime());
                    producer.send(IdentityThroughput.login(login));
                }
                LockSupport.parkNanos(200_000);
            }
            producer.flush();
        }
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        stop.set(true);
        reader.join(10_000);
        int unseen = pending.size();

        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        synchronized (samples) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                long from = start + WARM_UP.toNanos() + rep * window;
                double[] ms = samples.stream().filter(s -> s.sentAt() >= from && s.sentAt() < from + window)
                        .mapToDouble(s -> s.nanos() / 1e6).toArray();
                p50.add(Stats.percentile(ms, 50));
                p99.add(Stats.percentile(ms, 99));
                max.add(Stats.max(ms));
            }
        }
        String note = String.format("%,.0f logins/s for %d x %d s (half the login throughput), %,d sent, %,d never seen",
                rate, options.repetitions(), options.latencyWindow().toSeconds(), sent, unseen);
        return List.of(
                Figure.info(SECTION, "login -> identity p50", Stats.median(p50), "ms", p50, note),
                Figure.info(SECTION, "login -> identity p99", Stats.median(p99), "ms", p99, null)
                        .against("<= 250 ms", unseen == 0 && Stats.median(p99) <= 250),
                Figure.info(SECTION, "login -> identity max", Stats.median(max), "ms", max, null));
    }

    private static String key(String ownerId, long loggedInAtMillis) {
        return ownerId + "@" + loggedInAtMillis;
    }

    private static void read(BenchKafka kafka, Map<String, Long> pending, List<Sample> samples, AtomicBoolean stop) {
        try (KafkaConsumer<String, Identity> consumer = kafka.consumer(Topics.IDENTITIES.keySerde().deserializer(),
                Topics.IDENTITIES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = kafka.partitionsOf(Topics.IDENTITIES.name());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, Identity> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Identity identity = record.value();
                    if (identity == null || identity.lastLoginAt() == null) {
                        continue;
                    }
                    Long sentAt = pending.remove(key(record.key(), identity.lastLoginAt().toEpochMilli()));
                    if (sentAt != null) {
                        synchronized (samples) {
                            samples.add(new Sample(sentAt, now - sentAt));
                        }
                    }
                }
            }
        }
    }
}
