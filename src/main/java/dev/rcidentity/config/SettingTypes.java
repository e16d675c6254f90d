package dev.rcidentity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** How the text of a setting becomes a value; every message names the setting and what it expects. */
public final class SettingTypes {
    private SettingTypes() {
    }

    static String text(String value, String name) {
        return value;
    }

    static Setting.Parser<Integer> integer(int min, int max) {
        return (value, name) -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new SettingsException(name + " must be a whole number, got '" + value + "'");
            }
            if (parsed < min || parsed > max) {
                throw new SettingsException(name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        };
    }

    static Duration duration(String value, String name) {
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new SettingsException(name + " must be an ISO-8601 duration such as PT5M or P400D, got '" + value + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new SettingsException(name + " must be a positive ISO-8601 duration, got '" + value + "'");
        }
        return parsed;
    }

    static Path path(String value, String name) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new SettingsException(name + " is not a valid path: " + e.getReason());
        }
    }

    static Boolean flag(String value, String name) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new SettingsException(name + " must be true or false, got '" + value + "'");
    }

    /** An absolute http(s) URL with a host; {@code what} names where it came from. */
    public static URI httpUrl(String value, String what) {
        try {
            URI uri = new URI(value.trim());
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, without the parser's message (which quotes the value)
        }
        throw new SettingsException(what + " must be an http(s) URL such as https://platform.ringcentral.com");
    }
}
