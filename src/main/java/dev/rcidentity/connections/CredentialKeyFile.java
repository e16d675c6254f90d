package dev.rcidentity.connections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/** {@code CREDENTIALS_KEY_FILE}: one base64 AES-256 key in a file only its owner can read ({@code rw-------}). */
public final class CredentialKeyFile {
    private static final Logger log = LoggerFactory.getLogger(CredentialKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_BYTES = 1024;

    private CredentialKeyFile() {
    }

    /** The key in {@code file}; errors name the file, never its content. */
    public static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CredentialKeyException("CREDENTIALS_KEY_FILE " + file + " does not exist or is not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new CredentialKeyException("CREDENTIALS_KEY_FILE " + file + " is larger than " + MAX_BYTES
                        + " bytes; it must hold one base64 key");
            }
            warnUnlessOwnerOnly(file);
            return CredentialKeys.parse(Files.readString(file, StandardCharsets.US_ASCII), "CREDENTIALS_KEY_FILE " + file);
        } catch (IOException e) {
            throw new CredentialKeyException("Cannot read CREDENTIALS_KEY_FILE " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new random key to {@code file} with owner-only permissions unless the file exists. Returns true when
     * it created the file (the caller says so), false when a file was already there (it is left as it is).
     */
    public static boolean createIfMissing(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        byte[] key = CredentialKeys.generate();
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = ownerOnlyTempFile(dir);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new CredentialKeyException("Cannot create the credentials key file " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        if (posix(dir)) {
            return Files.createTempFile(dir, ".credentials-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Path temp = Files.createTempFile(dir, ".credentials-key", ".tmp");
        temp.toFile().setReadable(false, false);
        temp.toFile().setReadable(true, true);
        return temp;
    }

    private static void warnUnlessOwnerOnly(Path file) throws IOException {
        if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("CREDENTIALS_KEY_FILE {} can be read by others than its owner ({}); chmod 600 it", file,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Cannot delete the temporary key file {}: {}", temp, e.getMessage());
        }
    }
}
