package dev.rcidentity.kafka;

import org.apache.kafka.common.serialization.Serde;

/** A state store name with the serdes of its keys and values, shared by the topology that writes it and the queries that read it. */
public record StateStore<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    @Override
    public String toString() {
        return name;
    }
}
