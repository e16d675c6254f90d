package dev.rcidentity.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues and reads the {@code X-Consistency-Token} of a login write: the partition and offset of the LoginEvent in
 * {@code rc.logins.v1}, bound to the application id (a token of another deployment names offsets of other stores),
 * encoded opaquely (base64url of {@code c1.<application tag>.<partition>.<offset>}; callers must not parse it).
 */
final class ConsistencyTokens {
    private static final Pattern FORM = Pattern.compile("c1\\.([0-9a-f]{16})\\.([0-9]{1,5})\\.([0-9]{1,19})");
    private static final int MAX_TOKEN_CHARS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String applicationTag;

    ConsistencyTokens(String applicationId) {
        this.applicationTag = tag(applicationId);
    }

    String issue(int partition, long offset) {
        String plain = "c1." + applicationTag + "." + partition + "." + offset;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token of {@code ?after=}; 400 when it is malformed, of another application, or names no partition. */
    ConsistencyToken read(String text, int partitions) {
        if (text == null || text.length() > MAX_TOKEN_CHARS) {
            throw malformed();
        }
        Matcher m;
        try {
            m = FORM.matcher(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!m.matches()) {
            throw malformed();
        }
        if (!applicationTag.equals(m.group(1))) {
            throw ApiError.badRequest("after: the token was issued by another application (APPLICATION_ID)");
        }
        long partition = Long.parseLong(m.group(2));
        long offset;
        try {
            offset = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            throw malformed();
        }
        if (partition >= partitions) {
            throw ApiError.badRequest("after: the token names partition " + partition + ", which does not exist ("
                    + partitions + " partitions)");
        }
        return new ConsistencyToken(text, (int) partition, offset);
    }

    private static ApiError malformed() {
        return ApiError.badRequest("after must be an X-Consistency-Token returned by POST /v1/logins");
    }

    private static String tag(String applicationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(applicationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
