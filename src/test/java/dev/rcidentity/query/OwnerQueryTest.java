package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.Resolution;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An owner that never logged in: resolved from its snapshot and account, written flat, read back the same. */
class OwnerQueryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static ExtensionSnapshot snapshot(boolean deleted) {
        return new ExtensionSnapshot("900001", "900101", "420", "Alice", "User", null, "Enabled", false, false, null,
                null, null, deleted, T0.plusSeconds(60));
    }

    @Test
    void aSnapshotResolvesWithoutLoginsAndTheAnswerIsTheIdentityPlusItsSource() throws Exception {
        AccountSnapshot account = new AccountSnapshot("900001", "Acme", "+16505550100", "Confirmed", "RingCentral", T0);
        OwnerQuery.Owner owner = OwnerQuery.resolve(snapshot(false), account);
        assertEquals(Resolution.RESOLVED, owner.identity().resolution());
        assertEquals(0, owner.identity().loginCount());
        assertEquals(T0.plusSeconds(60), owner.identity().updatedAt());
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(owner));
        assertEquals("snapshot", json.path("source").asText());
        assertEquals("Acme", json.path("account").path("companyName").asText());
        assertTrue(json.has("lastLoginAt") && json.get("lastLoginAt").isNull(), json.toString());
        assertTrue(json.get("extensionNumberAtLogin").isNull(), json.toString());
        assertEquals(owner, Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(owner), OwnerQuery.Owner.class));
    }

    @Test
    void aDeletedExtensionResolvesAsDeletedEvenWithoutItsAccount() {
        OwnerQuery.Owner owner = OwnerQuery.resolve(snapshot(true), null);
        assertEquals(Resolution.DELETED, owner.identity().resolution());
        assertEquals(null, owner.identity().account());
        assertEquals("900001", owner.identity().accountId());
    }
}
