package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Ids;
import dev.rcidentity.model.IsoInstant;

import java.io.IOException;
import java.time.Clock;

/** The reads the batch routes ask for in bulk: owners, number holders at a time, extension snapshots as of a time. */
final class BatchKinds {
    private BatchKinds() {
    }

    /** An owner id (a JSON string) -> the owner as {@code GET /v1/owners/{ownerId}} answers it. */
    static final BatchKind<OwnerQuery, OwnerQuery.Owner> OWNERS = new BatchKind<>() {
        private final JavaType type = StoreQuery.type(OwnerQuery.Owner.class);

        @Override
        public String path() {
            return "/internal/v1/owners/resolve";
        }

        @Override
        public void write(JsonGenerator out, OwnerQuery query) throws IOException {
            out.writeString(query.ownerId());
        }

        @Override
        public OwnerQuery parse(JsonNode item) {
            return new OwnerQuery(id(item.isTextual() ? item.asText() : null, "ownerId", item));
        }

        @Override
        public JavaType answerType() {
            return type;
        }

        @Override
        public String notFound(OwnerQuery query) {
            return query.notFound();
        }
    };

    /**
     * {@code {"accountId", "extensionNumber", "at"}} -> the extension that held the number then ({@code at}: now); its
     * internal route is answered by {@link NumberResolution#answer} (the snapshots it can read itself too).
     */
    static BatchKind<NumberHolderQuery, NumberHolderQuery.Holder> numberHolders(Clock clock) {
        return new BatchKind<>() {
            private final JavaType type = StoreQuery.type(NumberHolderQuery.Holder.class);

            @Override
            public String path() {
                return "/internal/v1/numbers/resolve";
            }

            @Override
            public void write(JsonGenerator out, NumberHolderQuery query) throws IOException {
                out.writeStartObject();
                out.writeStringField("accountId", query.accountId());
                out.writeStringField("extensionNumber", query.number());
                out.writeStringField("at", IsoInstant.format(query.at()));
                out.writeEndObject();
            }

            @Override
            public NumberHolderQuery parse(JsonNode item) {
                requireObject(item, "accountId, extensionNumber and at");
                String at = text(item, "at");
                return new NumberHolderQuery(id(text(item, "accountId"), "accountId", item),
                        NumberHolderQuery.requireNumber("extensionNumber", text(item, "extensionNumber")),
                        at == null ? clock.instant() : ApiRequest.instant("at", at));
            }

            @Override
            public JavaType answerType() {
                return type;
            }

            @Override
            public String notFound(NumberHolderQuery query) {
                return query.notFound();
            }
        };
    }

    /** {@code {"extensionId", "at"}} -> the extension's snapshot valid at that time. */
    static final BatchKind<ExtensionQuery, ExtensionSnapshot> EXTENSIONS_AT = new BatchKind<>() {
        private final JavaType type = StoreQuery.type(ExtensionSnapshot.class);

        @Override
        public String path() {
            return "/internal/v1/extensions/resolve";
        }

        @Override
        public void write(JsonGenerator out, ExtensionQuery query) throws IOException {
            out.writeStartObject();
            out.writeStringField("extensionId", query.extensionId());
            out.writeStringField("at", IsoInstant.format(query.at()));
            out.writeEndObject();
        }

        @Override
        public ExtensionQuery parse(JsonNode item) {
            requireObject(item, "extensionId and at");
            return new ExtensionQuery(id(text(item, "extensionId"), "extensionId", item),
                    ApiRequest.instant("at", String.valueOf(text(item, "at"))));
        }

        @Override
        public JavaType answerType() {
            return type;
        }

        @Override
        public String notFound(ExtensionQuery query) {
            return query.notFound();
        }
    };

    private static void requireObject(JsonNode item, String fields) {
        if (!item.isObject()) {
            throw ApiError.badRequest("each item must be an object with " + fields);
        }
    }

    /** A field's text when it is a JSON string, null when it is absent, 400 when it is anything else. */
    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    private static String id(String value, String field, JsonNode item) {
        if (!Ids.isValid(value)) {
            String given = value != null ? value : item.isObject() ? String.valueOf(item.get(field)) : item.toString();
            throw ApiError.badRequest(field + " must be a decimal id (as a string), got '" + Ids.abbreviate(given) + "'");
        }
        return value;
    }
}
