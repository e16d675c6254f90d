package dev.rcidentity.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts the records of an input topic that go to another task than the one that read them, in Kafka Streams' own
 * metrics ({@code kafka_stream_input_topic_records_rerouted_total{input_topic_id="<topic>"}} on {@code /metrics}),
 * and says so in the log at most once a minute per topic.
 */
final class ReroutedRecords<V> extends ContextualFixedKeyProcessor<String, V, V> {
    static final String METRIC_SCOPE = "input-topic";
    static final String METRIC_OPERATION = "records-rerouted";

    private final RerouteLog log;
    private final int partitions;
    private Sensor rerouted;

    ReroutedRecords(RerouteLog log, int partitions) {
        this.log = log;
        this.partitions = partitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        super.init(context);
        // One sensor per thread and topic; tasks of the same thread share it, so it outlives each of them.
        rerouted = context.metrics().addRateTotalSensor(METRIC_SCOPE, log.topic(), METRIC_OPERATION,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        rerouted.record();
        int found = context().recordMetadata().map(source -> source.partition()).orElse(-1);
        log.rerouted(found, KeyPartitioner.partitionOf(record.key(), partitions), context().currentSystemTimeMs());
        context().forward(record);
    }
}
