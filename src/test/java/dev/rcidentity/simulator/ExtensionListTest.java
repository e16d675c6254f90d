package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtensionListTest {
    private RingCentralSimulator simulator;
    private SimClient client;
    private String accountId;
    private String token;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(250).clock(MutableClock.atDefaultStart())
                .limit(RateLimitGroup.MEDIUM, 1000).limit(RateLimitGroup.LIGHT, 1000).build());
        client = new SimClient(simulator);
        accountId = simulator.accounts().get(0).accountId();
        token = client.adminToken(accountId);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesThroughEverythingFollowingNextPage() {
        List<JsonNode> records = new ArrayList<>();
        String uri = "/restapi/v1.0/account/~/extension?perPage=100";
        int pages = 0;
        JsonNode last = null;
        while (uri != null) {
            SimClient.Response response = client.get(uri, token);
            assertEquals(200, response.status(), response.body());
            assertEquals("Medium", response.header("X-Rate-Limit-Group"));
            last = response.json();
            last.get("records").forEach(records::add);
            JsonNode paging = last.get("paging");
            assertEquals(++pages, paging.get("page").asInt());
            assertEquals(100, paging.get("perPage").asInt());
            assertEquals(250, paging.get("totalElements").asInt());
            assertEquals(3, paging.get("totalPages").asInt());
            assertEquals((pages - 1) * 100, paging.get("pageStart").asInt());
            JsonNode navigation = last.get("navigation");
            assertTrue(navigation.get("firstPage").get("uri").asText().startsWith(simulator.baseUrl().toString()),
                    "navigation links are absolute");
            assertNotNull(navigation.get("lastPage"));
            assertEquals(pages > 1, navigation.has("previousPage"));
            uri = navigation.has("nextPage") ? navigation.get("nextPage").get("uri").asText() : null;
        }
        assertEquals(3, pages);
        assertFalse(last.get("navigation").has("nextPage"), "no nextPage on the last page");
        assertEquals(249, last.get("paging").get("pageEnd").asInt());
        assertEquals(250, records.size());

        long previous = -1;
        Set<String> numbers = new HashSet<>();
        for (JsonNode record : records) {
            assertTrue(record.get("id").isIntegralNumber(), "id is an int64 number");
            assertTrue(record.get("id").asLong() > previous, "ordered by id");
            previous = record.get("id").asLong();
            assertFalse(record.has("account"), "list records carry no account");
            if (record.has("extensionNumber")) {
                assertTrue(numbers.add(record.get("extensionNumber").asText()), "numbers unique in an account");
            }
        }
        JsonNode admin = records.get(0);
        assertEquals(Long.parseLong(accountId), admin.get("id").asLong(), "the system extension has the account id");
        assertTrue(admin.get("permissions").get("admin").get("enabled").asBoolean());
        assertEquals("User", admin.get("type").asText());
        assertEquals(simulator.baseUrl() + "/restapi/v1.0/account/" + accountId + "/extension/" + accountId,
                admin.get("uri").asText());
    }

    @Test
    void directoryHasTheVarietyAPollerMustHandle() {
        JsonNode records = client.get("/restapi/v1.0/account/~/extension?perPage=1000", token).json().get("records");
        Set<String> types = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        int unassigned = 0;
        for (JsonNode record : records) {
            types.add(record.get("type").asText());
            statuses.add(record.get("status").asText());
            if (record.get("status").asText().equals("Unassigned")) {
                unassigned++;
                assertFalse(record.has("extensionNumber"), "Unassigned seats have no number");
                assertFalse(record.get("contact").has("firstName"), "and no person");
            } else {
                assertTrue(record.has("extensionNumber"));
                assertTrue(record.has("name"));
            }
            assertNotNull(record.get("site").get("id").asText());
            assertNotNull(record.get("creationTime").asText());
            assertTrue(record.get("hidden").isBoolean());
        }
        assertTrue(unassigned > 0);
        assertTrue(types.containsAll(Set.of("User", "Department", "IvrMenu", "ParkLocation", "Announcement",
                NameBank.UNKNOWN_TYPE)), types.toString());
        assertTrue(statuses.containsAll(Set.of("Enabled", "Disabled", "NotActivated", "Unassigned")), statuses.toString());
    }

    @Test
    void filtersByRepeatedStatusAndType() {
        JsonNode both = client.get("/restapi/v1.0/account/~/extension?perPage=1000&status=Unassigned&status=Disabled", token).json();
        assertTrue(both.get("records").size() > 0);
        both.get("records").forEach(r -> assertTrue(Set.of("Unassigned", "Disabled").contains(r.get("status").asText())));
        long expected = simulator.extensions(accountId).stream()
                .filter(e -> e.status().equals("Unassigned") || e.status().equals("Disabled")).count();
        assertEquals(expected, both.get("paging").get("totalElements").asLong());

        JsonNode users = client.get("/restapi/v1.0/account/~/extension?perPage=1000&type=User&status=Enabled", token).json();
        users.get("records").forEach(r -> {
            assertEquals("User", r.get("type").asText());
            assertEquals("Enabled", r.get("status").asText());
        });

        JsonNode departments = client.get("/restapi/v1.0/account/~/extension?type=Department&type=IvrMenu", token).json();
        assertTrue(departments.get("records").size() >= 2);
        departments.get("records").forEach(r -> assertTrue(Set.of("Department", "IvrMenu").contains(r.get("type").asText())));

        SimClient.Response bad = client.get("/restapi/v1.0/account/~/extension?status=Sleeping", token);
        assertEquals(400, bad.status());
        assertEquals("CMN-101", bad.json().get("errors").get(0).get("errorCode").asText());
    }

    @Test
    void filteredNavigationKeepsTheFilters() {
        JsonNode page = client.get("/restapi/v1.0/account/~/extension?status=Enabled&perPage=50", token).json();
        String next = page.get("navigation").get("nextPage").get("uri").asText();
        assertTrue(next.contains("status=Enabled"), next);
        assertTrue(next.contains("page=2"), next);
        client.get(next, token).json().get("records").forEach(r -> assertEquals("Enabled", r.get("status").asText()));
    }

    @Test
    void filtersByNumberAndEmail() {
        SimulatedExtension someone = simulator.extensions(accountId).stream()
                .filter(e -> e.isPerson() && !e.isSystemExtension()).findFirst().orElseThrow();
        JsonNode byNumber = client.get("/restapi/v1.0/account/~/extension?extensionNumber=" + someone.extensionNumber(), token).json();
        assertEquals(1, byNumber.get("records").size());
        assertEquals(someone.id(), byNumber.get("records").get(0).get("id").asText());
        JsonNode byEmail = client.get("/restapi/v1.0/account/~/extension?email=" + someone.email().toUpperCase(), token).json();
        assertEquals(1, byEmail.get("records").size());
    }

    @Test
    void perPageIsClampedAndPagesPastTheEndAreEmpty() {
        JsonNode big = client.get("/restapi/v1.0/account/~/extension?perPage=5000", token).json();
        assertEquals(1000, big.get("paging").get("perPage").asInt());
        assertEquals(250, big.get("records").size());
        assertFalse(big.get("navigation").has("nextPage"));

        JsonNode beyond = client.get("/restapi/v1.0/account/~/extension?page=9", token).json();
        assertEquals(0, beyond.get("records").size());
        assertFalse(beyond.get("navigation").has("nextPage"));
        assertFalse(beyond.get("paging").has("pageStart"));

        assertEquals(400, client.get("/restapi/v1.0/account/~/extension?page=0", token).status());
        assertEquals(400, client.get("/restapi/v1.0/account/~/extension?perPage=lots", token).status());
    }

    @Test
    void accountPathMustBeTheTokensAccount() {
        assertEquals(200, client.get("/restapi/v1.0/account/" + accountId + "/extension", token).status());
        String other = simulator.accounts().get(1).accountId();
        SimClient.Response forbidden = client.get("/restapi/v1.0/account/" + other + "/extension", token);
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.json().get("errors").isArray());
        assertEquals(404, client.get("/restapi/v1.0/account/123/extension", token).status());
    }

    @Test
    void accountInfoAndBusinessAddress() {
        SimulatedAccount account = simulator.accounts().get(0);
        SimClient.Response info = client.get("/restapi/v1.0/account/~", token);
        assertEquals(200, info.status());
        assertEquals("Light", info.header("X-Rate-Limit-Group"));
        assertTrue(info.json().get("id").isIntegralNumber());
        assertEquals(Long.parseLong(accountId), info.json().get("id").asLong());
        assertEquals(account.mainNumber(), info.json().get("mainNumber").asText());
        assertEquals("Confirmed", info.json().get("status").asText());
        assertNotNull(info.json().get("serviceInfo").get("brand").get("name"));
        assertNull(info.json().get("companyName"), "no company name in account info");

        JsonNode address = client.get("/restapi/v1.0/account/" + accountId + "/business-address", token).json();
        assertEquals(account.companyName(), address.get("company").asText());
        assertNotNull(address.get("businessAddress").get("city"));

        SimClient.Response v2 = client.get("/restapi/v2/accounts/~", token);
        assertEquals(200, v2.status());
        assertEquals("Light", v2.header("X-Rate-Limit-Group"));
        assertEquals(accountId, v2.json().get("id").asText());
        assertTrue(v2.json().get("id").isTextual(), "v2 ids are strings");
        assertEquals(account.companyName(), v2.json().get("companyName").asText());
    }

    @Test
    void extensionInfoAndMissingExtensions() {
        SimulatedExtension someone = simulator.extensions(accountId).get(5);
        JsonNode info = client.get("/restapi/v1.0/account/~/extension/" + someone.id(), token).json();
        assertEquals(someone.numericId(), info.get("id").asLong());
        assertEquals(accountId, info.get("account").get("id").asText());
        assertEquals(someone.status(), info.get("status").asText());

        assertEquals(404, client.get("/restapi/v1.0/account/~/extension/1", token).status());
        assertEquals(404, client.get("/restapi/v1.0/account/~/extension/abc", token).status());
        SimClient.Response unknown = client.get("/restapi/v1.0/nothing-here", token);
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("errors").isArray());
    }

    @Test
    void malformedPageFault() {
        simulator.faults().malformedPage(2);
        assertEquals(200, client.get("/restapi/v1.0/account/~/extension?page=1", token).status());
        SimClient.Response broken = client.get("/restapi/v1.0/account/~/extension?page=2", token);
        assertEquals(200, broken.status());
        assertNull(broken.json(), "the body is not valid JSON");
        assertThrows(IOException.class, () -> SimClient.MAPPER.readTree(broken.body()));

        simulator.faults().clear();
        assertNotNull(client.get("/restapi/v1.0/account/~/extension?page=2", token).json());

        simulator.faults().malformedPage(1, 1);
        assertNull(client.get("/restapi/v1.0/account/~/extension", token).json());
        assertNotNull(client.get("/restapi/v1.0/account/~/extension", token).json(), "wore off after one time");
    }

    @Test
    void endlessPagingFaultAlwaysOffersANextPage() {
        simulator.faults().endlessPaging(true);
        JsonNode page = client.get("/restapi/v1.0/account/~/extension?page=3&perPage=100", token).json();
        assertEquals(50, page.get("records").size());
        String next = page.get("navigation").get("nextPage").get("uri").asText();
        JsonNode beyond = client.get(next, token).json();
        assertEquals(0, beyond.get("records").size());
        assertTrue(beyond.get("navigation").has("nextPage"));

        simulator.faults().endlessPaging(false);
        assertFalse(client.get(next, token).json().get("navigation").has("nextPage"));
    }
}
