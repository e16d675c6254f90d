package dev.rcidentity.bench;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka floor: how fast a plain producer writes, and a plain consumer reads, records shaped like ours (decimal
 * string keys, ~300-byte JSON values) on this broker. Each repetition uses a fresh topic with our partition count.
 */
final class KafkaFloor {
    static final String SECTION = "1. Kafka floor";
    static final String PRODUCER = "producer";
    static final String CONSUMER = "consumer";

    private KafkaFloor() {
    }

    static List<Figure> run(BenchKafka kafka, BenchOptions options, Workload workload) {
        byte[][] values = Records.valuePool(workload);
        double recordBytes = Records.averageSize(values) + Records.key(2_000_000_000L).length;
        List<Double> produced = new ArrayList<>();
        List<Double> consumed = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            String topic = "bench.floor.kafka." + rep;
            kafka.createTopic(topic);
            int count = options.floorRecords();
            long start = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer(new ByteArraySerializer(),
                    new ByteArraySerializer(), 5)) {
                Records.sendAll(producer, count, i -> new ProducerRecord<>(topic,
                        Records.key(2_000_000_000L + i), values[i % values.length]));
                produced.add(Stats.perSecond(count, System.nanoTime() - start));
            }
            consumed.add(consume(kafka, topic, count));
        }
        String size = String.format("%d records of ~%.0f bytes, %d partitions, lz4, acks=all", options.floorRecords(),
                recordBytes, kafka.partitions());
        return List.of(
                throughput(PRODUCER, produced, recordBytes, size),
                throughput(CONSUMER, consumed, recordBytes, size + ", read_committed"));
    }

    private static double consume(BenchKafka kafka, String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(kafka.partitionsOf(topic));
            consumer.seekToBeginning(kafka.partitionsOf(topic));
            long start = System.nanoTime();
            long read = 0;
            long deadline = start + Duration.ofMinutes(2).toNanos();
            while (read < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Read " + read + " of " + count + " records of " + topic);
                }
            }
            return Stats.perSecond(read, System.nanoTime() - start);
        }
    }

    private static Figure throughput(String name, List<Double> samples, double recordBytes, String note) {
        double median = Stats.median(samples);
        return Figure.info(SECTION, name, median, "records/s", samples,
                String.format("%.1f MB/s; %s", median * recordBytes / 1e6, note));
    }
}
