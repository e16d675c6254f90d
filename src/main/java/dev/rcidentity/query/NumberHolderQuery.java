package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.Ids;
import dev.rcidentity.model.NumberHoldings;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which extension of an account held an extension number at a time, from the number index. */
record NumberHolderQuery(String accountId, String number, Instant at) implements StoreQuery.ByKey<NumberHolderQuery.Holder> {
    /** The extension that held the number. */
    record Holder(String extensionId) {
    }

    private static final JavaType TYPE = StoreQuery.type(Holder.class);
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,16}");

    /** An extension number (digits); 400 naming {@code name} otherwise. */
    static String requireNumber(String name, String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw ApiError.badRequest(name + " must be an extension number (digits), got '" + Ids.abbreviate(number) + "'");
        }
        return number;
    }

    @Override
    public String key() {
        return StateStores.numberKey(accountId, number);
    }

    @Override
    public String store() {
        return StateStores.EXTENSION_NUMBERS.name();
    }

    @Override
    public String forwardPath() {
        return "/internal/v1/accounts/" + accountId + "/extension-numbers/" + number + "?at=" + at;
    }

    @Override
    public JavaType answerType() {
        return TYPE;
    }

    @Override
    public Optional<LocalStores.Read<Holder>> readFrom(LocalStores stores, int partition, boolean activeOnly) {
        return stores.<String, NumberHoldings>get(store(), key(), partition, activeOnly)
                .map(read -> new LocalStores.Read<>(Optional.ofNullable(read.value()).flatMap(h -> h.holderAt(at))
                        .map(Holder::new).orElse(null)));
    }

    String notFound() {
        return "no extension of account " + accountId + " held number " + number + " at " + at;
    }
}
