package dev.rcidentity.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's files as the jar holds them under {@code console/}: plain HTML, CSS and JavaScript modules, no
 * build step. A file is found only by a plain name (letters, digits, dashes, one known extension: no directories, no
 * dots, no escapes), so no request can reach another resource; each is read once and kept with its content type and
 * an ETag of its content.
 */
public final class ConsoleFiles {
    /** One file of the console. */
    public record File(String name, byte[] content, String contentType, String etag) {
    }

    public static final String INDEX = "index.html";
    private static final String DIRECTORY = "console/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    /** Only files that exist are kept, so names that do not cannot grow it. */
    private final Map<String, File> loaded = new ConcurrentHashMap<>();

    /** The file of that name, or empty when the name is not a console file's. */
    public Optional<File> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(loaded.computeIfAbsent(name, ConsoleFiles::load));
    }

    private static File load(String name) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                return null;
            }
            byte[] content = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return new File(name, content, type, etag(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }

    /** A strong validator: the first 16 bytes of the content's SHA-256. */
    public static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
