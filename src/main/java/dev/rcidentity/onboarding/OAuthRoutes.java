package dev.rcidentity.onboarding;

import dev.rcidentity.model.Connection;
import dev.rcidentity.query.ApiRequest;
import dev.rcidentity.query.ApiResponse;
import dev.rcidentity.query.RouteSet;
import dev.rcidentity.query.Router;

/**
 * The browser's side of onboarding, without bearer token: {@code GET /oauth/authorize?link=} redirects to RingCentral's
 * consent, {@code GET /oauth/callback?code=&state=} finishes and shows a page. Every failure is a page with a 4xx
 * (or 5xx when RingCentral or Kafka did not answer) that says what happened and that nothing was stored.
 */
public final class OAuthRoutes implements RouteSet {
    static final String AUTHORIZE = "/oauth/authorize";
    static final String CALLBACK = "/oauth/callback";

    private final OAuthOnboarding onboarding;

    /** @param onboarding null when connection management is off on this instance (no ADMIN_TOKEN) */
    public OAuthRoutes(OAuthOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void register(Router router) {
        router.add("GET", AUTHORIZE, this::authorize);
        router.add("GET", CALLBACK, this::callback);
    }

    private ApiResponse authorize(ApiRequest request) {
        if (onboarding == null) {
            return notEnabled();
        }
        try {
            return HtmlPage.redirect(onboarding.authorize(request.param("link")));
        } catch (OnboardingException e) {
            return failure(e);
        }
    }

    private ApiResponse callback(ApiRequest request) {
        if (onboarding == null) {
            return notEnabled();
        }
        try {
            Connection connection = onboarding.complete(request.param("code"), request.param("state"),
                    request.param("error"));
            return HtmlPage.of(200, "RingCentral connected",
                    "The RingCentral account is now connected as '" + connection.name() + "'.",
                    "Connection id " + connection.connectionId()
                            + (connection.ownerId() == null ? "" : ", authorized by extension " + connection.ownerId())
                            + ". You can close this page.");
        } catch (OnboardingException e) {
            return failure(e);
        }
    }

    private static ApiResponse failure(OnboardingException e) {
        int status = switch (e.kind()) {
            case NOT_CONFIGURED -> 404;
            case INVALID_LINK, INVALID_STATE -> 400;
            case DENIED -> 403;
            case NAME_TAKEN -> 409;
            case REFUSED -> 422;
            case RINGCENTRAL_UNAVAILABLE -> 502;
            case STORE_UNAVAILABLE -> 503;
        };
        String title = switch (e.kind()) {
            case DENIED -> "Consent denied";
            case NAME_TAKEN -> "Already connected";
            case RINGCENTRAL_UNAVAILABLE, STORE_UNAVAILABLE -> "Please try again later";
            default -> "Connection not created";
        };
        return HtmlPage.of(status, title, e.getMessage());
    }

    private static ApiResponse notEnabled() {
        return HtmlPage.of(404, "Onboarding is not enabled",
                "This rc-identity instance does not onboard RingCentral connections (ADMIN_TOKEN is not set).");
    }
}
