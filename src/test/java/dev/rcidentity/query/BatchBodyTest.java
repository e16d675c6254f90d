package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body of a batch: a JSON object with an array of at most 1,000 items, read as they were sent. */
class BatchBodyTest {
    @Test
    void aBatchIsAJsonObjectWithAnArrayOfAtMostAThousandItems() throws IOException {
        assertEquals(1000, BatchBody.items(("{\"keys\": [" + "\"1\",".repeat(999) + "\"1\"]}")
                .getBytes(StandardCharsets.UTF_8), "keys").size());
        ApiError tooMany = assertThrows(ApiError.class, () -> BatchBody.items(("{\"keys\": [" + "\"1\",".repeat(1000)
                + "\"1\"]}").getBytes(StandardCharsets.UTF_8), "keys"));
        assertEquals(413, tooMany.status());
        String mixed = "{\"other\": {\"keys\": [9]}, \"keys\": [\"1\", {\"a\": [1, {\"b\": null}]}, null, 3, [\"2\"]], \"x\": 1}";
        assertEquals(Json.MAPPER.readTree(mixed).get("keys"), Json.MAPPER.valueToTree(
                BatchBody.items(mixed.getBytes(StandardCharsets.UTF_8), "keys")), "the items as a JSON tree holds them");
        for (String bad : List.of("[]", "{}", "{\"keys\": \"1\"}", "nope", "", "{\"keys\": [\"1\"], \"keys\": 2}",
                "{\"keys\": [\"1\", ")) {
            ApiError error = assertThrows(ApiError.class, () -> BatchBody.items(bad.getBytes(StandardCharsets.UTF_8), "keys"));
            assertEquals(400, error.status(), bad);
            assertTrue(error.getMessage().contains("keys") || error.getMessage().contains("JSON"), error.getMessage());
        }
    }
}
