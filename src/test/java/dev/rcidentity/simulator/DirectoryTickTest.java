package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.simulator.SimulatorChanges.Change;
import dev.rcidentity.simulator.SimulatorChanges.Kind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryTickTest {

    private static SimulatorOptions.Builder options(long seed) {
        return SimulatorOptions.builder().accounts(2).extensionsPerAccount(120).seed(seed)
                .clock(MutableClock.atDefaultStart()).limit(RateLimitGroup.MEDIUM, 1000);
    }

    @Test
    void sameSeedAndTicksGiveTheSameExtensionLists() {
        try (RingCentralSimulator a = RingCentralSimulator.start(options(11).build());
             RingCentralSimulator b = RingCentralSimulator.start(options(11).build())) {
            for (int i = 0; i < 5; i++) {
                assertEquals(a.tick().changes(), b.tick().changes());
            }
            assertEquals(a.accounts(), b.accounts());
            for (SimulatedAccount account : a.accounts()) {
                assertEquals(a.extensions(account.accountId()), b.extensions(account.accountId()));
                assertEquals(listOverHttp(a, account.accountId()), listOverHttp(b, account.accountId()),
                        "identical wire output apart from the base URL");
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentData() {
        Directory a = new Directory(1, 1, 50, MutableClock.atDefaultStart());
        Directory b = new Directory(2, 1, 50, MutableClock.atDefaultStart());
        assertNotEquals(a.accounts(), b.accounts());
    }

    @Test
    void accountIdsAreLargeAndDistinct() {
        Directory directory = new Directory(42, 50, 3, MutableClock.atDefaultStart());
        Set<String> ids = new HashSet<>();
        for (SimulatedAccount account : directory.accounts()) {
            assertTrue(account.accountId().length() >= 9 && account.accountId().length() <= 10, account.accountId());
            assertTrue(ids.add(account.accountId()));
            assertEquals(account.accountId(), directory.extensions(account.accountId()).get(0).id());
        }
    }

    @Test
    void aDepartedPersonsNumberIsRecycledToAnotherExtension() {
        Directory directory = new Directory(42, 3, 80, MutableClock.atDefaultStart());
        String accountId = directory.accounts().get(0).accountId();
        Map<String, String> ownerBefore = numberOwners(directory.extensions(accountId));

        SimulatorChanges changes = directory.tick();

        List<Change> recycled = changes.of(Kind.NUMBER_RECYCLED).stream()
                .filter(c -> c.accountId().equals(accountId)).toList();
        assertFalse(recycled.isEmpty(), "every round recycles a departed number");
        Map<String, String> ownerAfter = numberOwners(directory.extensions(accountId));
        for (Change change : recycled) {
            String number = change.extensionNumber();
            assertEquals(change.relatedExtensionId(), ownerBefore.get(number), "the number was the leaver's");
            assertEquals(change.extensionId(), ownerAfter.get(number), "and now belongs to another extension");
            assertNotEquals(change.relatedExtensionId(), change.extensionId());
            assertTrue(directory.extension(accountId, change.relatedExtensionId()).isEmpty(), "the leaver is gone");
        }
    }

    @Test
    void ticksKeepTheDirectoryConsistent() {
        Directory directory = new Directory(5, 2, 60, MutableClock.atDefaultStart());
        Set<String> everSeen = new HashSet<>();
        directory.accounts().forEach(a -> directory.extensions(a.accountId()).forEach(e -> everSeen.add(e.id())));
        Map<Kind, Integer> kinds = new HashMap<>();
        for (int round = 1; round <= 40; round++) {
            Map<String, SimulatedExtension> before = new HashMap<>();
            directory.accounts().forEach(a -> directory.extensions(a.accountId()).forEach(e -> before.put(e.id(), e)));
            SimulatorChanges changes = directory.tick();
            assertEquals(round, changes.round());
            for (Change change : changes.changes()) {
                kinds.merge(change.kind(), 1, Integer::sum);
                switch (change.kind()) {
                    case HIRED, SEAT_PROVISIONED -> assertTrue(everSeen.add(change.extensionId()), "ids are never reused");
                    case DEPARTED -> assertTrue(directory.extension(change.accountId(), change.extensionId()).isEmpty());
                    case ASSIGNED -> {
                        assertEquals("Unassigned", before.get(change.extensionId()).status(), "same id as the seat");
                        SimulatedExtension now = directory.extension(change.accountId(), change.extensionId()).orElseThrow();
                        assertEquals("Enabled", now.status());
                        assertTrue(now.extensionNumber() != null && now.firstName() != null);
                    }
                    default -> { }
                }
            }
            for (SimulatedAccount account : directory.accounts()) {
                List<SimulatedExtension> extensions = directory.extensions(account.accountId());
                SimulatedExtension admin = extensions.get(0);
                assertEquals(account.accountId(), admin.id(), "the system extension stays");
                assertEquals("Enabled", admin.status());
                Set<String> numbers = new HashSet<>();
                for (SimulatedExtension e : extensions) {
                    if (e.extensionNumber() != null) {
                        assertTrue(numbers.add(e.extensionNumber()), "numbers unique within the account");
                    }
                    assertEquals(e.isUnassigned(), e.extensionNumber() == null);
                }
            }
        }
        for (Kind kind : Kind.values()) {
            assertTrue(kinds.getOrDefault(kind, 0) > 0, "40 rounds produce some " + kind + ": " + kinds);
        }
    }

    @Test
    void changesShowUpOverHttp() {
        try (RingCentralSimulator simulator = RingCentralSimulator.start(options(3).build())) {
            String accountId = simulator.accounts().get(0).accountId();
            SimulatorChanges changes = simulator.tick();
            Set<Long> listed = new HashSet<>();
            listOverHttp(simulator, accountId).forEach(r -> listed.add(r.get("id").asLong()));
            for (Change change : changes.changes()) {
                if (!change.accountId().equals(accountId)) {
                    continue;
                }
                if (change.kind() == Kind.DEPARTED) {
                    assertFalse(listed.contains(Long.parseLong(change.extensionId())));
                } else if (change.kind() == Kind.HIRED) {
                    assertTrue(listed.contains(Long.parseLong(change.extensionId())));
                }
            }
        }
    }

    @Test
    void smallAccountsStillWork() {
        Directory directory = new Directory(9, 1, 1, MutableClock.atDefaultStart());
        String accountId = directory.accounts().get(0).accountId();
        assertEquals(1, directory.extensions(accountId).size());
        for (int i = 0; i < 5; i++) {
            directory.tick();
        }
        assertEquals(accountId, directory.extensions(accountId).get(0).id());
    }

    private static Map<String, String> numberOwners(List<SimulatedExtension> extensions) {
        Map<String, String> owners = new HashMap<>();
        extensions.stream().filter(e -> e.extensionNumber() != null).forEach(e -> owners.put(e.extensionNumber(), e.id()));
        return owners;
    }

    private static List<JsonNode> listOverHttp(RingCentralSimulator simulator, String accountId) {
        SimClient client = new SimClient(simulator);
        String token = client.adminToken(accountId);
        JsonNode body = client.get("/restapi/v1.0/account/~/extension?perPage=1000", token).json();
        String base = simulator.baseUrl().toString();
        return java.util.stream.StreamSupport.stream(body.get("records").spliterator(), false)
                .map(r -> {
                    ObjectNode copy = r.deepCopy();
                    copy.put("uri", copy.get("uri").asText().replace(base, ""));
                    ObjectNode site = (ObjectNode) copy.get("site");
                    site.put("uri", site.get("uri").asText().replace(base, ""));
                    return (JsonNode) copy;
                })
                .toList();
    }
}
