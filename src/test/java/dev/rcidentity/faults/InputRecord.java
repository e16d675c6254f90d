package dev.rcidentity.faults;

import dev.rcidentity.kafka.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A record for an input topic, serialized once, so that the run under test and its reference read the same bytes. */
record InputRecord(String topic, String key, byte[] value, Instant time) {
    static <V> InputRecord of(Topic<String, V> topic, String key, V value, Instant time) {
        return new InputRecord(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value), time);
    }

    /** Writes the records in order with one idempotent producer (the Java partitioner) and waits for every ack. */
    static void sendAll(String bootstrapServers, List<InputRecord> records) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (InputRecord record : records) {
                acks.add(producer.send(new ProducerRecord<>(record.topic(), null, record.time().toEpochMilli(),
                        record.key(), record.value())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }
}
