package dev.rcidentity.poller;

import dev.rcidentity.config.SettingsException;

import java.net.URI;

/**
 * One RingCentral connection: an app's client credentials and a user's credential (a JWT, or a refresh token).
 * When both are given, the refresh token is used first and the JWT is the fallback. {@link #toString()} shows no
 * credential; error messages name the connection and the field, never a value.
 */
public record ConnectionSettings(String name, URI serverUrl, String clientId, String clientSecret, String jwt,
                                 String refreshToken) {

    public ConnectionSettings {
        String where = "connection '" + name + "'";
        requireText(name, "connection", "name");
        requireText(clientId, where, "clientId");
        requireText(clientSecret, where, "clientSecret");
        if (isBlank(jwt) && isBlank(refreshToken)) {
            throw new SettingsException(where + ": needs a jwt or a refreshToken, it has neither");
        }
        if (serverUrl == null) {
            throw new SettingsException(where + ": serverUrl is missing");
        }
        jwt = isBlank(jwt) ? null : jwt;
        refreshToken = isBlank(refreshToken) ? null : refreshToken;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[name=" + name + ", serverUrl=" + serverUrl + ", clientId=" + clientId + "]";
    }

    private static String requireText(String value, String where, String field) {
        if (isBlank(value)) {
            throw new SettingsException(where + ": " + field + " is missing");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
