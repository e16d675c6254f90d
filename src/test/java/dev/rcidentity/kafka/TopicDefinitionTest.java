package dev.rcidentity.kafka;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicDefinitionTest {
    @Test
    void everyRegistryTopicHasADefinitionFileAndEveryFileATopic() {
        Set<String> files = Arrays.stream(new File("topics").listFiles((d, n) -> n.endsWith(".properties")))
                .map(f -> f.getName().replace(".properties", "")).collect(Collectors.toSet());
        Set<String> registry = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        assertEquals(registry, files);
    }

    @Test
    void definitionsCarryTheContractsCleanupAndRetention() {
        Map<String, TopicDefinition> byName = TopicDefinition.bundled().stream()
                .collect(Collectors.toMap(TopicDefinition::name, d -> d));
        for (String compacted : List.of("rc.accounts.v1", "rc.extensions.v1", "rc.identities.v1", "rc.connections.v1")) {
            assertEquals("compact", byName.get(compacted).cleanupPolicy(), compacted);
        }
        assertEquals("2592000000", byName.get("rc.logins.v1").configs().get("retention.ms"));
        assertEquals("-1", byName.get("rc.extension-history.v1").configs().get("retention.ms"));
        assertEquals("1209600000", byName.get("rc.dead-letters.v1").configs().get("retention.ms"));
        assertEquals("delete", byName.get("rc.notifications.v1").cleanupPolicy());
        assertEquals("604800000", byName.get("rc.notifications.v1").configs().get("retention.ms"));
        byName.values().forEach(d -> assertEquals(6, d.partitionsOr(6), d.name()));
    }
}
