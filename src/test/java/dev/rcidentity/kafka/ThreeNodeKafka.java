package dev.rcidentity.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three combined KRaft broker-controllers in this JVM, one cluster: a three-voter controller quorum, replication
 * factor 3 and min.insync.replicas=2 by default (so every topic, the offsets and transaction logs included, survives
 * one node down). A node can be stopped and started again on its log directory.
 */
public final class ThreeNodeKafka implements AutoCloseable {
    private static final int NODES = 3;

    private final List<KafkaConfig> configs;
    private final KafkaRaftServer[] servers = new KafkaRaftServer[NODES];
    private final String bootstrapServers;

    private ThreeNodeKafka(List<KafkaConfig> configs, String bootstrapServers) {
        this.configs = configs;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the nodes' directories under {@code dir} and starts them together (each waits for a quorum). */
    public static ThreeNodeKafka start(Path dir) throws IOException {
        int[] brokerPorts = new int[NODES];
        int[] controllerPorts = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            brokerPorts[i] = EmbeddedKafkaBroker.freePort();
            controllerPorts[i] = EmbeddedKafkaBroker.freePort();
        }
        String voters = IntStream.range(0, NODES).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaConfig> configs = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path logDir = dir.resolve("node-" + (i + 1));
            Map<String, Object> props = EmbeddedKafkaBroker.brokerProperties(logDir, brokerPorts[i], controllerPorts[i]);
            props.put("node.id", String.valueOf(i + 1));
            props.put("controller.quorum.voters", voters);
            props.put("offsets.topic.replication.factor", "3");
            props.put("transaction.state.log.replication.factor", "3");
            props.put("transaction.state.log.min.isr", "2");
            props.put("share.coordinator.state.topic.replication.factor", "3");
            props.put("share.coordinator.state.topic.min.isr", "2");
            props.put("default.replication.factor", "3");
            props.put("min.insync.replicas", "2");
            KafkaConfig config = new KafkaConfig(props, false);
            Files.createDirectories(logDir);
            EmbeddedKafkaBroker.format(config, logDir, clusterId);
            configs.add(config);
        }
        ThreeNodeKafka cluster = new ThreeNodeKafka(configs, IntStream.of(brokerPorts)
                .mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(",")));
        CompletableFuture.allOf(IntStream.range(0, NODES)
                .mapToObj(i -> CompletableFuture.runAsync(() -> cluster.startNode(i + 1)))
                .toArray(CompletableFuture[]::new)).join();
        return cluster;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Starts node {@code id} (1-3) on its log directory; returns when it serves requests. */
    public void startNode(int id) {
        KafkaRaftServer server = new KafkaRaftServer(configs.get(id - 1), Time.SYSTEM);
        server.startup();
        synchronized (servers) {
            servers[id - 1] = server;
        }
    }

    /** Stops node {@code id} (1-3) the way a broker is shut down, and waits until it is down. */
    public void stopNode(int id) {
        KafkaRaftServer server;
        synchronized (servers) {
            server = servers[id - 1];
            servers[id - 1] = null;
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /**
     * Stops the nodes together: one after the other, the last broker's controlled shutdown would wait for a
     * controller quorum that is already gone.
     */
    @Override
    public void close() {
        CompletableFuture.allOf(IntStream.rangeClosed(1, NODES)
                .mapToObj(id -> CompletableFuture.runAsync(() -> stopNode(id)))
                .toArray(CompletableFuture[]::new)).join();
    }
}
