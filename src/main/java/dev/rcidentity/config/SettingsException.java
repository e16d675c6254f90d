package dev.rcidentity.config;

/** A setting is missing or malformed: the message names the setting and what was expected, never a secret value. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
