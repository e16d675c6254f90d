package dev.rcidentity.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One setting: the name users give it in the environment, its default, what it means, and how its text becomes a
 * value. Every setting is defined once, in {@link SettingKeys}; {@link Settings#get} reads it.
 *
 * @param <T> the type of its value
 */
public final class Setting<T> {
    /** Turns the text of a setting into its value; throws {@link SettingsException} naming the setting. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text, String envName);
    }

    private final String envName;
    private final T defaultValue;
    private final String meaning;
    private final boolean secret;
    private final Parser<T> parser;

    Setting(String envName, T defaultValue, String meaning, boolean secret, Parser<T> parser) {
        if (!envName.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
            throw new IllegalArgumentException("A setting is named like an environment variable, not '" + envName + "'");
        }
        this.envName = envName;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.secret = secret;
        this.parser = parser;
    }

    /** As in the environment: {@code HTTP_PORT}. */
    public String envName() {
        return envName;
    }

    /** As held by {@link Settings} and written in a {@code --config} file: {@code http.port}. */
    public String key() {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Empty when the setting is unset by default, or when its default is derived from other settings. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** One line for help texts: what the setting does (and a derived default, when it has one). */
    public String meaning() {
        return meaning;
    }

    /** A credential or token: its value never appears in a message. */
    public boolean secret() {
        return secret;
    }

    T parse(String text) {
        try {
            return parser.parse(text.trim(), envName);
        } catch (SettingsException e) {
            if (secret) {
                throw new SettingsException(envName + " is malformed");
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return envName;
    }
}
