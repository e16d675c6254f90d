package dev.rcidentity.query;

import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.Resolution;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityJsonTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void writesTheSameBytesAsTheMapper() throws Exception {
        List<Identity> identities = List.of(
                new Identity("7", "8", "9", Resolution.RESOLVED, true, "101", "Ann Lee", "User", "Enabled", true,
                        new AccountSummary("Acme", "+16505550100", "Confirmed"), AT, AT.plusNanos(123_456_789), 3,
                        "100", AT.plusSeconds(60)),
                new Identity("7", null, null, null, false, null, null, null, null, null, null, null, null, 0, null, null),
                new Identity("1", "2", "3", Resolution.DELETED, false, "1", "Zoë \"Q\" \\ / \u0001\t\n 漢字 😀",
                        "Department", "Disabled", false, new AccountSummary(null, null, null),
                        Instant.parse("1969-12-31T23:59:59.5Z"), Instant.EPOCH, -5, "", Instant.parse("+12026-01-01T00:00:00Z")),
                new Identity("4", "5", "6", Resolution.UNRESOLVED, true, "2", "", "", "", null,
                        new AccountSummary("", "</script>", "&"), AT, AT, Long.MAX_VALUE, "2", AT));
        for (Identity identity : identities) {
            assertEquals(new String(Json.MAPPER.writeValueAsBytes(identity), StandardCharsets.UTF_8),
                    new String(IdentityJson.bytes(identity), StandardCharsets.UTF_8));
        }
    }

    @Test
    void namesEveryComponentOfTheRecord() {
        String json = new String(IdentityJson.bytes(new Identity("7", null, null, null, false, null, null, null, null,
                null, null, null, null, 0, null, null)), StandardCharsets.UTF_8);
        for (var component : Identity.class.getRecordComponents()) {
            assertEquals(true, json.contains("\"" + component.getName() + "\":"), component.getName() + " in " + json);
        }
    }
}
