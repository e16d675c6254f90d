package dev.rcidentity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/openapi.json is a valid OpenAPI 3.1 document as written (its references into topics/schemas resolve) and as
 * served (bundled, standing alone); its record schemas are the topic schemas, not copies; and the contract's routes,
 * headers, parameters and security schemes are all in it.
 */
class OpenApiDocumentTest {
    private static final Path SOURCE = Path.of("docs/openapi.json");

    @Test
    void theSourceParsesAndValidatesWithItsReferencesIntoTheTopicSchemas() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(SOURCE.toString(), null, options);
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theServedDocumentParsesAndValidatesAlone() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(ApiContract.document().toString(), null, new ParseOptions());
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertEquals(Set.of("apiToken", "adminToken"), api.getComponents().getSecuritySchemes().keySet());
        List<String> external = new ArrayList<>();
        collectRefs(ApiContract.document(), external);
        external.removeIf(ref -> ref.startsWith("#/"));
        assertEquals(List.of(), external, "the served document references nothing outside itself");
    }

    @Test
    void everyInternalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(ApiContract.document(), refs);
        assertTrue(refs.size() > 50, "refs: " + refs.size());
        for (String ref : refs) {
            assertFalse(ApiContract.document().at(ref.substring(1)).isMissingNode(), ref);
        }
    }

    @Test
    void recordBodiesAreTheTopicSchemasThemselves() throws IOException {
        Map<String, String> files = Map.of("Identity", "rc.identities.v1", "ExtensionSnapshot", "rc.extensions.v1",
                "AccountSnapshot", "rc.accounts.v1", "HistoryRow", "rc.extension-history.v1");
        JsonNode source = Json.MAPPER.readTree(SOURCE.toFile());
        files.forEach((component, topic) -> {
            assertEquals("../" + TopicSchemas.DIRECTORY + topic + ".schema.json",
                    source.at("/components/schemas/" + component + "/$ref").asText(), component);
            JsonNode topicSchema = TopicSchemas.read(topic + ".schema.json");
            JsonNode served = ApiContract.document().at("/components/schemas/" + component);
            assertEquals(topicSchema.get("required"), served.get("required"), component);
            assertEquals(fieldNames(topicSchema.get("properties")), fieldNames(served.get("properties")), component);
        });
        assertEquals(TopicSchemas.read("types.schema.json").at("/$defs/id/pattern"),
                ApiContract.document().at("/components/schemas/id/pattern"));
    }

    @Test
    void theContractsHeadersParametersAndErrorsAreDocumented() {
        JsonNode components = ApiContract.document().path("components");
        for (String header : List.of("X-Served-By", "X-Served-From", "X-Stale-Ms", "Retry-After", "X-Consistency-Token")) {
            assertTrue(components.path("headers").has(header), header);
        }
        Set<String> parameters = new TreeSet<>();
        components.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertTrue(parameters.containsAll(Set.of("maxLagMs", "at", "page", "perPage", "status", "type", "after", "wait")),
                parameters.toString());
        assertTrue(components.at("/responses/Unavailable/headers").has("Retry-After"));
        assertEquals(List.of("error"), List.of(components.at("/schemas/Error/required/0").asText()));
        ApiContract.documentedRoutes().stream().filter(route -> route.contains(" /v1/")).forEach(route -> {
            String[] parts = route.split(" ");
            JsonNode security = ApiContract.document().path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("security");
            String scheme = parts[1].startsWith("/v1/connections") ? "adminToken" : "apiToken";
            assertEquals(scheme, security.path(0).fieldNames().next(), route);
        });
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
