package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI document as the API serves it: {@code docs/openapi.json} with the topic schemas it references
 * ({@code ../topics/schemas/*.schema.json}, both in the jar) bundled in, so the served document stands alone. A
 * component that is nothing but a reference to a file (or to a node of one) becomes that content; a reference to a
 * file's {@code $defs/X} becomes {@code #/components/schemas/X}; a reference to any other node of a file is replaced by
 * a copy of that node. References inside the copied schemas are resolved against their own file the same way.
 */
public final class OpenApiDocument {
    /** Where the source document lives, in the repository and on the classpath. */
    public static final String RESOURCE = "docs/openapi.json";
    private static final String SCHEMAS = "/components/schemas/";
    private static final URI BASE = URI.create("classpath:/" + RESOURCE);

    /** A node of a file: a resolved reference. */
    private record Target(URI file, String pointer) {
    }

    private final Map<URI, JsonNode> files = new HashMap<>();
    private final Map<Target, String> names = new HashMap<>();
    private final Deque<Map.Entry<String, Target>> pending = new ArrayDeque<>();
    private final ObjectNode schemas;

    private OpenApiDocument(ObjectNode document) {
        this.schemas = (ObjectNode) document.at("/components/schemas");
    }

    /** The bundled document. */
    public static JsonNode load() {
        ObjectNode document = (ObjectNode) readResource(BASE);
        new OpenApiDocument(document).bundle(document);
        return document;
    }

    private void bundle(ObjectNode document) {
        // A component that only references a file node takes that node's place under its own name.
        Map<String, Target> aliases = new LinkedHashMap<>();
        schemas.fields().forEachRemaining(component -> {
            JsonNode schema = component.getValue();
            if (schema.size() == 1 && schema.has("$ref") && !schema.get("$ref").asText().startsWith("#")) {
                Target target = resolve(BASE, schema.get("$ref").asText());
                if (names.put(target, component.getKey()) != null) {
                    throw new IllegalStateException(RESOURCE + ": two components alias " + target);
                }
                aliases.put(component.getKey(), target);
            }
        });
        aliases.forEach((name, target) -> schemas.set(name, content(target)));
        rewrite(document, BASE);
        while (!pending.isEmpty()) {
            Map.Entry<String, Target> next = pending.pop();
            schemas.set(next.getKey(), content(next.getValue()));
        }
    }

    /** The component name of a file's {@code $defs} entry, added to the components when first seen. */
    private String name(Target target, String name) {
        String held = names.get(target);
        if (held != null) {
            return held;
        }
        if (names.containsValue(name) || schemas.has(name)) {
            throw new IllegalStateException(RESOURCE + ": two schemas want the component name " + name);
        }
        names.put(target, name);
        pending.push(Map.entry(name, target));
        return name;
    }

    /** The node a target names, with its own references rewritten; without {@code $schema} (not allowed inside). */
    private JsonNode content(Target target) {
        JsonNode node = read(target.file()).at(JsonPointer.compile(target.pointer())).deepCopy();
        if (node.isMissingNode()) {
            throw new IllegalStateException(RESOURCE + ": " + target + " names no node");
        }
        if (node.isObject()) {
            ((ObjectNode) node).remove("$schema");
        }
        return rewrite(node, target.file());
    }

    /** Rewrites every reference under {@code node}, read from {@code file}, to point into the bundled document. */
    private JsonNode rewrite(JsonNode node, URI file) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && !(file.equals(BASE) && ref.asText().startsWith("#"))) {
                return rewriteRef(object, resolve(file, ref.asText()));
            }
            object.fields().forEachRemaining(field -> field.setValue(rewrite(field.getValue(), file)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), file));
            }
        }
        return node;
    }

    private JsonNode rewriteRef(ObjectNode object, Target target) {
        String name = names.get(target);
        if (name == null && target.pointer().startsWith("/$defs/") && target.pointer().indexOf('/', 7) < 0) {
            name = name(target, target.pointer().substring(7));
        }
        if (name == null && target.pointer().isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + target.file() + " is referenced whole; declare it as a component");
        }
        if (name != null) {
            object.put("$ref", "#" + SCHEMAS + name);
            return object;
        }
        ObjectNode copy = (ObjectNode) content(target);
        object.fields().forEachRemaining(sibling -> {
            if (!sibling.getKey().equals("$ref") && copy.putIfAbsent(sibling.getKey(), sibling.getValue()) != null) {
                throw new IllegalStateException(RESOURCE + ": " + sibling.getKey() + " beside a reference to " + target);
            }
        });
        return copy;
    }

    private static Target resolve(URI file, String ref) {
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        return new Target(path.isEmpty() ? file : file.resolve(path), pointer);
    }

    private JsonNode read(URI file) {
        return files.computeIfAbsent(file, OpenApiDocument::readResource);
    }

    private static JsonNode readResource(URI file) {
        String resource = file.getPath().substring(1);
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
