package dev.rcidentity.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Basic client authentication and the form body of the token and revoke endpoints. */
final class ClientAuthentication {
    private static final int MAX_BODY = 16 * 1024;

    private final SimulatorCredentials app;

    ClientAuthentication(SimulatorCredentials app) {
        this.app = app;
    }

    boolean knowsClient(String clientId) {
        return clientId != null && equal(clientId, app.clientId());
    }

    /**
     * Authenticates the client (setting {@code call.clientId}) and reads the form body. On any failure the error
     * is answered (401 invalid_client, 400, 413) and the result is empty.
     */
    Optional<Map<String, List<String>>> clientForm(HttpCall call) throws IOException {
        Optional<String> clientId = authenticate(call);
        if (clientId.isEmpty()) {
            call.header("WWW-Authenticate", "Basic realm=\"RingCentral\"");
            call.json(401, WireFormat.oauthError("invalid_client", "Invalid client", "OAU-123"));
            return Optional.empty();
        }
        call.clientId = clientId.get();
        Optional<byte[]> body = call.body(MAX_BODY);
        if (body.isEmpty()) {
            call.json(413, WireFormat.error("CMN-413", "Request entity too large", null));
            return Optional.empty();
        }
        String contentType = call.header("Content-Type").orElse("");
        boolean form = contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!form && (body.get().length > 0 || !contentType.isEmpty())) {
            call.json(400, WireFormat.oauthError("invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded", "OAU-250"));
            return Optional.empty();
        }
        try {
            return Optional.of(HttpCall.parseForm(new String(body.get(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            call.json(400, WireFormat.oauthError("invalid_request", "Malformed form body", "OAU-250"));
            return Optional.empty();
        }
    }

    private Optional<String> authenticate(HttpCall call) {
        String header = call.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        boolean ok = equal(id, app.clientId()) & equal(decoded.substring(colon + 1), app.clientSecret());
        return ok ? Optional.of(id) : Optional.empty();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
