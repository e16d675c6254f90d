package dev.rcidentity.kafka;

import java.nio.file.Path;

/**
 * What one streams instance needs to know beyond the Kafka client settings.
 *
 * @param applicationServer host:port other instances use to reach this one's HTTP API
 * @param standbyReplicas   standby copies of each state store
 */
public record StreamsOptions(String applicationId, Path stateDir, String applicationServer, int standbyReplicas) {
}
