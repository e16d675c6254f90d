package dev.rcidentity.bench;

import java.nio.file.Path;
import java.util.Properties;

/** The DSL peer's figures: the same preload, logins and snapshot updates as ours, on copies of the input topics. */
record PeerFigures(IdentityThroughput.Measured preload, IdentityThroughput.Measured logins,
                   IdentityThroughput.Measured snapshots) {
    static final String APPLICATION_ID = "bench-dsl-peer";

    /** {@code workload}: a workload of its own, made like ours, so the peer reads the records ours read. */
    static PeerFigures run(BenchKafka kafka, BenchOptions options, Workload workload, Path stateDir) throws Exception {
        IdentityThroughput.InputTopics topics = DslPeer.TOPICS;
        for (String topic : new String[] {topics.accounts(), topics.extensions(), topics.logins(), DslPeer.OUTPUT}) {
            kafka.createTopic(topic);
        }
        Properties config = DslPeer.config(StreamsApp.config(kafka, APPLICATION_ID, stateDir, 0));
        try (StreamsApp app = StreamsApp.start(kafka, config, DslPeer::build, null)) {
            IdentityThroughput throughput = new IdentityThroughput(kafka, options, workload, app, topics,
                    DslPeer.SECTION);
            return new PeerFigures(throughput.preload(), throughput.logins(), throughput.snapshots());
        }
    }
}
