package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;

import java.util.Optional;

/** A read of one key whose answer is a JSON string, for tests whose fake stores answer instead of real ones. */
record TestQuery(String key) implements StoreQuery.ByKey<String> {
    @Override
    public String store() {
        return "test-store";
    }

    @Override
    public String forwardPath() {
        return "/v1/test/" + key;
    }

    @Override
    public JavaType answerType() {
        return StoreQuery.type(String.class);
    }

    @Override
    public Optional<LocalStores.Read<String>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        throw new AssertionError("the fake reads instead");
    }
}
