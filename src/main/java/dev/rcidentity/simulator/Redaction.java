package dev.rcidentity.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the request log keeps of a URI: the values of credential-bearing query parameters become {@code ***}. */
final class Redaction {
    private static final Set<String> SECRET_PARAMS = Set.of("token", "code", "state", "code_challenge",
            "code_verifier", "access_token", "refresh_token", "assertion", "client_secret");
    private static final Pattern PARAM = Pattern.compile("(?<=^|&)([^=&]*)=([^&]*)");

    private Redaction() {
    }

    static String pathAndQuery(HttpCall call) {
        String pathAndQuery = call.pathAndQuery();
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q + 1) + query(pathAndQuery.substring(q + 1));
    }

    static String query(String rawQuery) {
        Matcher m = PARAM.matcher(rawQuery);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean secret = isSecret(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=" + (secret ? "***" : m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A name that does not decode could hide anything: it counts as secret. */
    private static boolean isSecret(String rawName) {
        try {
            return SECRET_PARAMS.contains(URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
