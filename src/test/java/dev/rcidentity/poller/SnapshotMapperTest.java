package dev.rcidentity.poller;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotMapperTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void mapsAListRecord() throws Exception {
        ExtensionSnapshot s = SnapshotMapper.extension(Json.MAPPER.readTree("""
                {"id": 1696121005, "uri": "https://x/restapi/v1.0/account/1/extension/1696121005",
                 "extensionNumber": "420", "name": "Ada Lovelace", "type": "User", "subType": "Unknown",
                 "status": "Enabled", "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "a@x.example",
                 "department": "R&D", "jobTitle": "Engineer", "company": "X"},
                 "permissions": {"admin": {"enabled": true}}, "hidden": false,
                 "site": {"id": "main-site", "name": "Main"}, "creationTime": "2024-05-01T08:30:00.000Z"}"""),
                "1696121004", AT);
        assertEquals(new ExtensionSnapshot("1696121004", "1696121005", "420", "Ada Lovelace", "User", "Unknown",
                "Enabled", true, false, new Contact("Ada", "Lovelace", "a@x.example", "R&D", "Engineer"), "main-site",
                Instant.parse("2024-05-01T08:30:00Z"), false, AT), s);
    }

    @Test
    void anUnassignedSeatHasNoNumberAndUnknownValuesPassThrough() throws Exception {
        ExtensionSnapshot s = SnapshotMapper.extension(Json.MAPPER.readTree("""
                {"id": "77", "type": "HologramUser", "status": "Dormant", "creationTime": "not a time"}"""),
                "1", AT);
        assertNull(s.extensionNumber());
        assertEquals("HologramUser", s.type());
        assertEquals("Dormant", s.status());
        assertFalse(s.admin());
        assertNull(s.contact());
        assertNull(s.siteId());
        assertNull(s.creationTime());
    }

    @Test
    void mapsTheAccount() throws Exception {
        AccountSnapshot a = SnapshotMapper.account(Json.MAPPER.readTree("""
                {"id": 1696121004, "mainNumber": "+16505550100", "status": "Confirmed",
                 "serviceInfo": {"brand": {"id": "1210", "name": "RingCentral"}}}"""), "Acme", AT);
        assertEquals(new AccountSnapshot("1696121004", "Acme", "+16505550100", "Confirmed", "RingCentral", AT), a);
        assertTrue(SnapshotMapper.companyName(Json.MAPPER.readTree("{\"company\": \"Acme\"}")).equals("Acme"));
    }
}
