package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IsoInstant;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.time.Instant;

/**
 * An {@link Identity} as the JSON bytes {@link Json#MAPPER} writes for it, field by field on one generator: the
 * mapper's bean serializer reads each record component through reflection and looks up a serializer per value, which
 * the profile of a local lookup showed beside the store read. Field names are encoded once. {@code IdentityJsonTest}
 * holds the bytes equal to the mapper's, so a field added to the record without being added here fails there.
 */
final class IdentityJson {
    private static final SerializableString OWNER_ID = name("ownerId");
    private static final SerializableString EXTENSION_ID = name("extensionId");
    private static final SerializableString ACCOUNT_ID = name("accountId");
    private static final SerializableString RESOLUTION = name("resolution");
    private static final SerializableString ACCOUNT_ROOT = name("accountRoot");
    private static final SerializableString EXTENSION_NUMBER = name("extensionNumber");
    private static final SerializableString NAME = name("name");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString ADMIN = name("admin");
    private static final SerializableString ACCOUNT = name("account");
    private static final SerializableString COMPANY_NAME = name("companyName");
    private static final SerializableString MAIN_NUMBER = name("mainNumber");
    private static final SerializableString FIRST_LOGIN_AT = name("firstLoginAt");
    private static final SerializableString LAST_LOGIN_AT = name("lastLoginAt");
    private static final SerializableString LOGIN_COUNT = name("loginCount");
    private static final SerializableString EXTENSION_NUMBER_AT_LOGIN = name("extensionNumberAtLogin");
    private static final SerializableString UPDATED_AT = name("updatedAt");
    /** An identity renders to a few hundred bytes: one buffer, no growing. */
    private static final int FIRST_BUFFER = 1024;

    private IdentityJson() {
    }

    static byte[] bytes(Identity identity) {
        ByteArrayBuilder out = new ByteArrayBuilder(FIRST_BUFFER);
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            write(identity, generator);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write an identity", e); // an in-memory buffer does not fail
        }
        return out.toByteArray();
    }

    private static void write(Identity i, JsonGenerator g) throws IOException {
        g.writeStartObject();
        string(g, OWNER_ID, i.ownerId());
        string(g, EXTENSION_ID, i.extensionId());
        string(g, ACCOUNT_ID, i.accountId());
        string(g, RESOLUTION, i.resolution() == null ? null : i.resolution().name());
        g.writeFieldName(ACCOUNT_ROOT);
        g.writeBoolean(i.accountRoot());
        string(g, EXTENSION_NUMBER, i.extensionNumber());
        string(g, NAME, i.name());
        string(g, TYPE, i.type());
        string(g, STATUS, i.status());
        g.writeFieldName(ADMIN);
        if (i.admin() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(i.admin());
        }
        account(g, i.account());
        instant(g, FIRST_LOGIN_AT, i.firstLoginAt());
        instant(g, LAST_LOGIN_AT, i.lastLoginAt());
        g.writeFieldName(LOGIN_COUNT);
        g.writeNumber(i.loginCount());
        string(g, EXTENSION_NUMBER_AT_LOGIN, i.extensionNumberAtLogin());
        instant(g, UPDATED_AT, i.updatedAt());
        g.writeEndObject();
    }

    private static void account(JsonGenerator g, AccountSummary account) throws IOException {
        g.writeFieldName(ACCOUNT);
        if (account == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string(g, COMPANY_NAME, account.companyName());
        string(g, MAIN_NUMBER, account.mainNumber());
        string(g, STATUS, account.status());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value); // null writes null
    }

    private static void instant(JsonGenerator g, SerializableString name, Instant value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value == null ? null : IsoInstant.format(value));
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
