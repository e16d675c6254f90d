package dev.rcidentity.query;

import dev.rcidentity.model.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A forwarded batch's answer: written by the owning instance, its values' bytes relayed as they are by the asker. */
class BatchAnswersTest {
    private static String text(BatchItem.Raw raw) {
        return new String(raw.bytes(), raw.offset(), raw.length(), StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreRelayedByteForByteAndFailuresKeepTheirPlaceAndError() throws IOException {
        List<BatchItem<Object>> written = List.of(
                new BatchItem<>(Map.of("ownerId", "1", "name", "A \"quoted\" é"), "a:1"),
                BatchItem.failed(ApiError.notFound("no 2"), "a:1"),
                new BatchItem<>("a string, with [brackets]", "a:1"),
                BatchItem.failed(new BatchItem.Error(BatchItem.UNAVAILABLE, "restoring"), null),
                new BatchItem<>(42, "a:1"));
        byte[] answer = BatchAnswers.write(written);

        List<BatchItem<Object>> read = BatchAnswers.read(answer, "b:2");
        assertEquals(5, read.size());
        assertEquals(Json.MAPPER.writeValueAsString(written.get(0).value()), text(read.get(0).json()));
        assertEquals("not_found", read.get(1).error().code());
        assertEquals("no 2", read.get(1).error().message());
        assertEquals("\"a string, with [brackets]\"", text(read.get(2).json()));
        assertEquals(true, read.get(3).unavailable());
        assertEquals("42", text(read.get(4).json()));
        assertEquals(List.of("b:2"), read.stream().map(BatchItem::servedBy).distinct().toList());

        BatchWriter relayed = new BatchWriter(read.size());
        read.forEach(item -> {
            if (item.answered()) {
                relayed.answer(item);
            } else {
                relayed.failure(Map.of("ownerId", "x"), item.error());
            }
        });
        assertEquals(Json.MAPPER.readTree("{\"results\": [" + Json.MAPPER.writeValueAsString(written.get(0).value())
                        + ", {\"ownerId\": \"x\", \"error\": {\"code\": \"not_found\", \"message\": \"no 2\"}},"
                        + " \"a string, with [brackets]\", {\"ownerId\": \"x\", \"error\": {\"code\": \"unavailable\","
                        + " \"message\": \"restoring\"}}, 42]}"),
                Json.MAPPER.readTree(relayed.finish(Map.of())));
    }

    @Test
    void anAnswerThatIsNoBatchIsRefused() {
        for (String bad : List.of("[]", "{\"results\": {}}", "{\"results\": [null]}", "{\"results\": [1], \"errors\": {\"3\": {}}}",
                "{\"results\": [1", "")) {
            assertThrows(IOException.class, () -> BatchAnswers.read(bad.getBytes(StandardCharsets.UTF_8), "b:2"), bad);
        }
    }
}
