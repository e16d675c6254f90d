package dev.rcidentity.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LookupFramesTest {
    private static ApiResponse response(int status, String body, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new ApiResponse(status, map, body.getBytes(StandardCharsets.UTF_8), ApiResponse.JSON);
    }

    @Test
    void eachItemComesBackWithItsStatusHeadersAndExactBytes() throws IOException {
        ApiResponse found = response(200, "{\"ownerId\":\"1\", \"name\":\"Zoë\"}", Headers.SERVED_BY, "b:1",
                Headers.SERVED_FROM, "standby", Headers.STALE_MS, "12", "X-Not-Relayed", "x");
        ApiResponse missing = response(404, "{\"error\":{}}", Headers.SERVED_BY, "b:1", Headers.SERVED_FROM, "local");
        ApiResponse unavailable = response(503, "{}", Headers.RETRY_AFTER, "1");
        LookupFrames frames = new LookupFrames(4);
        frames.answer(found);
        frames.notAnswered();
        frames.answer(missing);
        frames.answer(unavailable);

        List<ApiResponse> read = LookupFrames.read(frames.finish(), 4);
        assertEquals(4, read.size());
        assertArrayEquals(found.body(), read.get(0).body());
        assertEquals(200, read.get(0).status());
        assertEquals(Map.of(Headers.SERVED_BY, "b:1", Headers.SERVED_FROM, "standby", Headers.STALE_MS, "12"),
                read.get(0).headers(), "the headers a forwarded answer carries back, no others");
        assertEquals(ApiResponse.JSON, read.get(0).contentType());
        assertNull(read.get(1));
        assertEquals(404, read.get(2).status());
        assertArrayEquals(missing.body(), read.get(2).body());
        assertEquals(Map.of(Headers.RETRY_AFTER, "1"), read.get(3).headers());
    }

    @Test
    void framesOfAnotherBatchOrCutShortAreRefused() {
        LookupFrames frames = new LookupFrames(1);
        frames.answer(response(200, "{\"a\":1}"));
        byte[] bytes = frames.finish();
        assertThrows(IOException.class, () -> LookupFrames.read(bytes, 2));
        assertThrows(IOException.class, () -> LookupFrames.read(Arrays.copyOf(bytes, bytes.length - 1), 1));
        assertThrows(IOException.class, () -> LookupFrames.read(Arrays.copyOf(bytes, bytes.length + 1), 1));
    }
}
