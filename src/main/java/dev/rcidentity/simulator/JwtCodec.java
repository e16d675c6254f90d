package dev.rcidentity.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Issues and verifies the JWT credentials of simulated users: compact JWS, HS256, signed with a simulator key. */
final class JwtCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_JWT_LENGTH = 8_192;
    static final String ISSUER = "rc-identity-simulator";

    private final byte[] key;

    JwtCodec(byte[] key) {
        this.key = key.clone();
    }

    String issue(String accountId, String extensionId, long issuedAtEpochSecond) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", extensionId);
        claims.put("account_id", accountId);
        claims.put("iat", issuedAtEpochSecond);
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /** The verified subject (extension id) and account of a JWT this simulator issued; empty when not one. */
    Optional<Subject> verify(String jwt) {
        if (jwt == null || jwt.length() > MAX_JWT_LENGTH) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            Map<String, Object> header = MAPPER.readValue(DECODER.decode(parts[0]), new TypeReference<>() { });
            if (!"HS256".equals(header.get("alg"))) {
                return Optional.empty();
            }
            Map<String, Object> claims = MAPPER.readValue(DECODER.decode(parts[1]), new TypeReference<>() { });
            Object sub = claims.get("sub");
            Object account = claims.get("account_id");
            if (!(sub instanceof String s) || !(account instanceof String a)) {
                return Optional.empty();
            }
            return Optional.of(new Subject(a, s));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return ENCODER.encodeToString(MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    record Subject(String accountId, String extensionId) {
    }
}
