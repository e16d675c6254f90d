package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;

import java.util.Set;

/** Where one partition of a store lives: its active instance and its standbys. */
public record Placement(int partition, HostInfo active, Set<HostInfo> standbys) {
}
