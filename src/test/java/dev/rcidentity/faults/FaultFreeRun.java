package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.topology.IdentityTopology;
import dev.rcidentity.topology.TopologyOptions;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the production topology makes of some inputs when nothing fails: the same records through
 * TopologyTestDriver (one partition, no broker, no crash), the latest identity per owner.
 */
final class FaultFreeRun {
    private FaultFreeRun() {
    }

    static Map<String, Identity> identities(List<InputRecord> inputs, Path stateDir) {
        Properties config = KafkaClients.of(Map.of(), "unused:9092")
                .streams(new StreamsOptions("fault-free-run", stateDir, "unused:8080", 0));
        // The driver commits after every record; under at_least_once that costs less, and no record is retried here.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                IdentityTopology.buildTopology(TopologyOptions.defaults().withPartitions(1), config), config)) {
            Map<String, TestInputTopic<String, byte[]>> topics = new HashMap<>();
            for (InputRecord record : inputs) {
                topics.computeIfAbsent(record.topic(), name -> driver.createInputTopic(name, new StringSerializer(),
                        new ByteArraySerializer())).pipeInput(record.key(), record.value(), record.time());
            }
            return driver.createOutputTopic(Topics.IDENTITIES.name(), Topics.IDENTITIES.keySerde().deserializer(),
                    Topics.IDENTITIES.valueSerde().deserializer()).readKeyValuesToMap();
        }
    }
}
