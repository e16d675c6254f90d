package dev.rcidentity.onboarding;

import java.net.URI;

/**
 * The integration's own RingCentral app, through which customers' admins consent: {@code RC_SERVER_URL},
 * {@code RC_CLIENT_ID}, {@code RC_CLIENT_SECRET}, and the redirect URI registered for it ({@code RC_REDIRECT_URI}).
 */
public record OnboardingApp(URI serverUrl, String clientId, String clientSecret, URI redirectUri) {
    public OnboardingApp {
        if (serverUrl == null || clientId == null || clientSecret == null || redirectUri == null) {
            throw new IllegalArgumentException("the onboarding app needs a server URL, client id, client secret and "
                    + "redirect URI");
        }
    }

    /**
     * Where connect links point: the redirect URI's origin, with the path prefix in front of {@code /oauth/callback}
     * when there is one (a reverse proxy's), since a browser that reaches the callback reaches the rest there too.
     */
    public String publicBase() {
        String path = redirectUri.getRawPath() == null ? "" : redirectUri.getRawPath();
        String prefix = path.endsWith(OAuthRoutes.CALLBACK) ? path.substring(0, path.length() - OAuthRoutes.CALLBACK.length()) : "";
        return redirectUri.getScheme() + "://" + redirectUri.getRawAuthority() + prefix;
    }

    @Override
    public String toString() {
        return "OnboardingApp[" + serverUrl + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                + ", secret redacted]";
    }
}
