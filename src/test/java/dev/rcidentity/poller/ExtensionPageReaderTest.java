package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.Json;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The streaming page reader against the whole-tree mapping it replaced: same snapshots, same errors. */
class ExtensionPageReaderTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ACCOUNT = "1696121004";

    private static final List<String> RECORDS = List.of(
            // SnapshotMapperTest's fixtures
            """
            {"id": 1696121005, "uri": "https://x/restapi/v1.0/account/1/extension/1696121005",
             "extensionNumber": "420", "name": "Ada Lovelace", "type": "User", "subType": "Unknown",
             "status": "Enabled", "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "a@x.example",
             "department": "R&D", "jobTitle": "Engineer", "company": "X"},
             "permissions": {"admin": {"enabled": true}}, "hidden": false,
             "site": {"id": "main-site", "name": "Main"}, "creationTime": "2024-05-01T08:30:00.000Z"}""",
            """
            {"id": "77", "type": "HologramUser", "status": "Dormant", "creationTime": "not a time"}""",
            // ids and texts as numbers, booleans, big and odd numbers
            """
            {"id": 9223372036854775807, "extensionNumber": 420, "name": true, "type": 1.5, "subType": 1e3,
             "status": -0, "site": {"id": 12}}""",
            """
            {"id": 123456789012345678901234567890, "extensionNumber": 0.10, "name": -7, "status": 2.50E-3}""",
            // nulls, containers where text is expected, missing fields
            """
            {"id": "5", "extensionNumber": null, "name": {"first": "x"}, "type": [1, 2], "subType": null,
             "status": [], "contact": null, "site": null, "creationTime": null, "hidden": null,
             "permissions": null}""",
            """
            {"id": "6"}""",
            // unknown nested fields, deep
            """
            {"unknown": {"a": [1, {"b": [[], {}]}], "c": {"d": {"e": null}}}, "id": "8",
             "more": [{"id": "not-this"}], "name": "Eight", "regionalSettings": {"timezone": {"id": "58"}}}""",
            // odd creation times
            """
            {"id": "9", "creationTime": "2024-05-01T08:30:00+02:00"}""",
            """
            {"id": "10", "creationTime": "2024-05-01T08:30:00.123456789Z"}""",
            """
            {"id": "11", "creationTime": 1714552200000}""",
            """
            {"id": "12", "creationTime": "2024-13-01T08:30:00Z"}""",
            """
            {"id": "13", "creationTime": ""}""",
            // contact not an object; contact with odd values
            """
            {"id": "14", "contact": "Ada"}""",
            """
            {"id": "15", "contact": [{"firstName": "Ada"}]}""",
            """
            {"id": "16", "contact": {"firstName": 1, "lastName": null, "email": {"x": 1}, "nested": {"a": 1}}}""",
            // booleans as other shapes
            """
            {"id": "17", "hidden": "true", "permissions": {"admin": {"enabled": 1}}}""",
            """
            {"id": "18", "hidden": " false ", "permissions": {"admin": {"enabled": "yes"}}}""",
            """
            {"id": "19", "hidden": 0, "permissions": {"admin": true}}""",
            """
            {"id": "20", "hidden": 2.5, "permissions": {"admin": {"enabled": 0.0}}}""",
            """
            {"id": "21", "permissions": {"admin": {"enabled": true}, "admin": {"other": 1}}}""",
            // a field given twice: the last counts
            """
            {"id": "22", "name": "first", "name": "second", "contact": {"firstName": "A"}, "contact": 3,
             "site": {"id": "s1"}, "site": {"name": "no id"}, "hidden": true, "hidden": false}""",
            """
            {"id": "23", "contact": "x", "contact": {"lastName": "B"}, "site": {"id": "s1", "id": "s2"}}""",
            // strings with escapes
            """
            {"id": "2\\u0034", "name": "A\\"da\\n\\u00e9", "extensionNumber": "\\/420"}""");

    @Test
    void mapsEachFixtureAsTheTreeDid() throws IOException {
        for (String record : RECORDS) {
            assertSame(page("[" + record + "]", ""));
        }
        assertSame(page("[" + String.join(",", RECORDS) + "]",
                ", \"navigation\": {\"nextPage\": {\"uri\": \"https://x/restapi/v1.0/account/~/extension?page=2\"}}"
                        + ", \"paging\": {\"page\": 1, \"totalElements\": 4000}"));
    }

    @Test
    void mapsAFetchedTreeAsBefore() throws IOException {
        for (String record : RECORDS) {
            JsonNode tree = Json.MAPPER.readTree(record);
            assertEquals(outcome(() -> TreePageMapping.extension(tree, ACCOUNT, AT)),
                    outcome(() -> SnapshotMapper.extension(tree, ACCOUNT, AT)), record);
        }
    }

    @Test
    void readsTheSamePageFieldsAndErrors() throws IOException {
        List<String> pages = List.of(
                "{}", "{\"records\": null}", "{\"records\": {}}", "{\"records\": \"x\"}", "{\"records\": []}",
                "{\"records\": [{\"id\": \"1\"}], \"records\": 3}",
                "{\"records\": 3, \"records\": [{\"id\": \"1\"}]}",
                "{\"records\": [{\"id\": \"1\"}], \"records\": [{\"id\": \"2\"}, {\"id\": \"3\"}]}",
                "{\"records\": [{\"id\": \"1\"}, 3, {\"id\": \"2\"}]}",
                "{\"records\": [{\"id\": \"1\"}, null]}",
                "{\"records\": [[{\"id\": \"1\"}]]}",
                "{\"records\": [{\"id\": \"1\"}, {\"name\": \"no id\"}, 7]}",
                "{\"records\": [{\"id\": null}]}",
                "{\"records\": [{\"id\": \"1\"}, 3], \"paging\": {\"totalElements\": 5}}",
                "{\"records\": [], \"paging\": {\"totalElements\": \"5\"}}",
                "{\"records\": [], \"paging\": {\"totalElements\": 5.7}}",
                "{\"records\": [], \"paging\": {\"totalElements\": 123456789012345678901234567890}}",
                "{\"records\": [], \"paging\": {\"totalElements\": 5}, \"paging\": {\"page\": 2}}",
                "{\"records\": [], \"paging\": 5, \"navigation\": []}",
                "{\"records\": [], \"navigation\": {\"nextPage\": {\"uri\": 42}}}",
                "{\"records\": [], \"navigation\": {\"nextPage\": {\"uri\": {\"a\": 1}}}}",
                "{\"records\": [], \"navigation\": {\"nextPage\": \"/restapi/x\"}}",
                "{\"records\": [], \"navigation\": {\"nextPage\": {\"uri\": \"/restapi/a\"}}, \"navigation\": {}}",
                // not well-formed after a bad record: the JSON error wins, as it did
                "{\"records\": [3, {\"id\": \"1\"}, ",
                "{\"records\": [{\"id\": \"1\"}], \"paging\": {\"totalElements\": 5,}}",
                "{\"records\": [{\"id\": \"1\"}]} trailing");
        for (String page : pages) {
            assertSame(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void mapsSimulatorPagesAsTheTreeDid() throws Exception {
        try (RingCentralSimulator sim = RingCentralSimulator.start(
                SimulatorOptions.builder().accounts(1).extensionsPerAccount(350).seed(23).build())) {
            String accountId = sim.accounts().get(0).accountId();
            RunningConnection connection = RunningConnection.open(TestConnections.admin(sim, "test", accountId),
                    RingCentralHttp.newClient(Duration.ofSeconds(5)), TestConnections.FAST, Clock.systemUTC(),
                    new PollerMetrics());
            int records = 0;
            for (int page = 1; page <= 4; page++) {
                JsonNode tree = connection.client().extensionPage(Endpoint.EXTENSION_LIST.path() + "?page=" + page
                        + "&perPage=100", JsonParser::readValueAsTree);
                byte[] json = Json.MAPPER.writeValueAsBytes(tree);
                ExtensionListPage streamed = assertSame(json);
                records += streamed.extensions().size();
                assertEquals(page < 4, streamed.nextPageUri() != null);
            }
            assertEquals(350, records);
        }
    }

    /** Reads {@code json} both ways and asserts the same outcome; answers the streamed page (null when it failed). */
    private static ExtensionListPage assertSame(byte[] json) throws IOException {
        String expected;
        ExtensionListPage tree = null;
        try {
            tree = TreePageMapping.read(json, ACCOUNT, 3, AT);
            expected = describe(tree);
        } catch (IOException | RuntimeException e) {
            expected = e.getClass().getSimpleName().startsWith("Incomplete") ? e.getMessage() : "not JSON";
        }
        String actual;
        ExtensionListPage streamed = null;
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            streamed = new ExtensionPageReader(ACCOUNT, 3, Clock.fixed(AT, ZoneOffset.UTC)).read(parser);
            actual = describe(streamed);
        } catch (IOException | RuntimeException e) {
            actual = e.getClass().getSimpleName().startsWith("Incomplete") ? e.getMessage() : "not JSON";
        }
        String page = new String(json, StandardCharsets.UTF_8);
        assertEquals(expected, actual, page);
        if (tree != null) {
            assertNotNull(streamed, page);
            assertEquals(tree.extensions(), streamed.extensions(), page);
        }
        return streamed;
    }

    private static String outcome(Supplier<ExtensionSnapshot> mapping) {
        try {
            return mapping.get().toString();
        } catch (InvalidRecordException e) {
            return e.getMessage();
        }
    }

    private static String describe(ExtensionListPage page) {
        List<String> parts = new ArrayList<>();
        page.extensions().forEach(e -> parts.add(e.toString()));
        parts.add("bad: " + (page.badRecord() == null ? null : page.badRecord().getMessage()));
        parts.add("next: " + page.nextPageUri());
        parts.add("total: " + page.totalElements());
        return String.join("\n", parts);
    }

    private static byte[] page(String records, String more) {
        return ("{\"uri\": \"https://x\", \"records\": " + records + more + "}").getBytes(StandardCharsets.UTF_8);
    }
}
