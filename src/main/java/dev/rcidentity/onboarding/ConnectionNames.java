package dev.rcidentity.onboarding;

import dev.rcidentity.model.Connection;

/** What a connection name may be: 1 to {@link Connection#MAX_NAME_LENGTH} characters, no control characters. */
final class ConnectionNames {
    private ConnectionNames() {
    }

    /** The name without surrounding blanks. @throws IllegalArgumentException naming the field when it is unusable */
    static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("name is missing: it names the connection");
        }
        if (stripped.length() > Connection.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name is longer than " + Connection.MAX_NAME_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must not contain control characters");
        }
        return stripped;
    }
}
