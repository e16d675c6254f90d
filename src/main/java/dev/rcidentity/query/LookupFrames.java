package dev.rcidentity.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /internal/v1/lookups}: each item's answer as the single GET would have been answered, in
 * request order, framed so its body travels as the exact bytes: status (0: not answered here, ask for it alone),
 * content type, the headers a forwarded answer carries back ({@link InstanceClient#PASSED_BACK}), body length, body.
 */
final class LookupFrames {
    static final String CONTENT_TYPE = "application/vnd.rc-identity.lookups";
    private static final int NOT_ANSWERED = 0;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    LookupFrames(int items) {
        write(() -> out.writeInt(items));
    }

    /** The next item's answer. */
    void answer(ApiResponse answer) {
        write(() -> {
            out.writeShort(answer.status());
            out.writeUTF(answer.contentType());
            List<String> names = InstanceClient.PASSED_BACK.stream()
                    .filter(name -> !Headers.CONTENT_TYPE.equals(name) && answer.headers().get(name) != null).toList();
            out.writeByte(names.size());
            for (String name : names) {
                out.writeUTF(name);
                out.writeUTF(answer.headers().get(name));
            }
            out.writeInt(answer.body().length);
            out.write(answer.body());
        });
    }

    /** The next item is not answered here: the other instance sends it on its own. */
    void notAnswered() {
        write(() -> out.writeShort(NOT_ANSWERED));
    }

    int size() {
        return bytes.size();
    }

    byte[] finish() {
        return bytes.toByteArray();
    }

    /** The answers in request order, null for an item not answered; IOException when the frames are not {@code items}. */
    static List<ApiResponse> read(byte[] frames, int items) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frames));
        if (in.readInt() != items) {
            throw new IOException("the answer holds another number of items than were asked");
        }
        List<ApiResponse> answers = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int status = in.readUnsignedShort();
            if (status == NOT_ANSWERED) {
                answers.add(null);
                continue;
            }
            String contentType = in.readUTF();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int n = in.readUnsignedByte(); n > 0; n--) {
                headers.put(in.readUTF(), in.readUTF());
            }
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IOException("an item's body runs past the end of the answer");
            }
            answers.add(new ApiResponse(status, headers, in.readNBytes(length), contentType));
        }
        if (in.available() > 0) {
            throw new IOException("bytes after the last item");
        }
        return answers;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }
}
