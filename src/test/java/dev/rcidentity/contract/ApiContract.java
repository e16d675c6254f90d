package dev.rcidentity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi31;
import com.networknt.schema.keyword.NonValidationKeyword;
import dev.rcidentity.model.Json;
import dev.rcidentity.query.OpenApiDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The HTTP API as the OpenAPI document describes it, for tests: which routes it names, and whether an answer the API
 * gave is one the document allows (a documented status for that route, the documented media type, the body valid
 * against the documented schema, error bodies included, required headers present and documented headers well formed).
 */
public final class ApiContract {
    /**
     * Routes of CONTRACT.md that other branches are adding (connections admin and OAuth onboarding; owners, batch
     * resolution). Documented already; each must NOT be served yet, so merging those branches must empty this list.
     */
    public static final Set<String> DOCUMENTED_AHEAD_OF_THEIR_ROUTES = Set.of();
    /** Served between instances only (forwarded reads), never by clients: not part of the contract. */
    public static final String INTERNAL_PREFIX = "/internal/";

    private static final String IRI = "https://rc-identity.invalid/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNode DOCUMENT = OpenApiDocument.load();
    /** OpenAPI 3.1's schema dialect, reading the document's own top-level fields as what they are: not schema keywords. */
    private static final Dialect DIALECT = Dialect.builder(OpenApi31.getInstance())
            .keywords(Stream.of("openapi", "info", "jsonSchemaDialect", "servers", "tags", "paths", "components")
                    .map(NonValidationKeyword::new).toList())
            .build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT, builder -> builder
            .schemas(Map.of(IRI, DOCUMENT.toString()))
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ApiContract() {
    }

    /** The bundled document, as every instance serves it. */
    public static JsonNode document() {
        return DOCUMENT;
    }

    /** Every operation of the document as {@code METHOD template}. */
    public static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                routes.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return routes;
    }

    /**
     * Fails unless the answer to {@code method path} is one the document allows. A path no template matches, or a
     * method its path does not document, must answer the documented error body with 404 or 405.
     *
     * @param path the request path, with or without its query string
     * @param headers the response headers, names in lower case
     */
    public static void assertConforms(String method, String path, int status, Map<String, String> headers, String body) {
        String route = method + " " + path + " -> " + status;
        String template = template(path.split("\\?", 2)[0]);
        JsonNode operation = template == null ? null : DOCUMENT.path("paths").path(template).path(method.toLowerCase());
        if (operation == null || operation.isMissingNode()) {
            check(route, status == (template == null ? 404 : 405), "an undocumented route answers 404 or 405");
            assertBody(route, "#/components/schemas/Error", body);
            return;
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = deref(responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.path("default"));
        check(route, !response.isMissingNode(), "status not documented for " + method + " " + template);
        assertHeaders(route, response.path("headers"), headers);
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            check(route, body.isEmpty(), "no body documented, got " + abbreviate(body));
            return;
        }
        String contentType = String.valueOf(headers.get("content-type")).split(";", 2)[0].trim();
        check(route, content.has(contentType), "content type " + contentType + " not documented: " + content.fieldNames());
        if (contentType.equals("application/json")) {
            String pointer = "#/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/"
                    + (responses.has(String.valueOf(status)) ? status : "default");
            String responseRef = responses.path(String.valueOf(status)).path("$ref").asText(null);
            assertBody(route, (responseRef != null ? responseRef : pointer) + "/content/application~1json/schema", body);
        }
    }

    /** The document template matching a request path; literal segments win over parameters. */
    static String template(String path) {
        List<String> matching = new ArrayList<>();
        DOCUMENT.path("paths").fieldNames().forEachRemaining(template -> {
            if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
                matching.add(template);
            }
        });
        return matching.stream().min(Comparator.comparingInt(t -> t.split("\\{").length)).orElse(null);
    }

    private static void assertHeaders(String route, JsonNode documented, Map<String, String> headers) {
        documented.properties().forEach(entry -> {
            JsonNode header = deref(entry.getValue());
            String value = headers.get(entry.getKey().toLowerCase());
            check(route, value != null || !header.path("required").asBoolean(), "required header " + entry.getKey() + " missing");
            if (value != null) {
                JsonNode schema = header.path("schema");
                JsonNode node = "integer".equals(schema.path("type").asText()) && value.matches("-?[0-9]{1,18}")
                        ? JsonNodeFactory.instance.numberNode(Long.parseLong(value)) : JsonNodeFactory.instance.textNode(value);
                List<Error> errors = REGISTRY.getSchema(schema).validate(node);
                check(route, errors.isEmpty(), "header " + entry.getKey() + ": " + value + " " + errors);
            }
        });
    }

    private static void assertBody(String route, String schemaRef, String body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(route + ": the body is not JSON: " + abbreviate(body));
        }
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(IRI + schemaRef));
        List<Error> errors = schema.validate(json);
        check(route, errors.isEmpty(), "body breaks " + schemaRef + ": " + errors + " in " + abbreviate(body));
    }

    private static JsonNode deref(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : DOCUMENT.at(ref.substring(1));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static void check(String route, boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(route + ": " + message);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
