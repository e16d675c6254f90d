package dev.rcidentity.onboarding;

import dev.rcidentity.query.ApiError;
import dev.rcidentity.query.ApiRequest;
import dev.rcidentity.query.ApiResponse;
import dev.rcidentity.query.BearerToken;
import dev.rcidentity.query.Headers;
import dev.rcidentity.query.RouteSet;
import dev.rcidentity.query.Router;

import java.net.URI;
import java.util.Map;

/**
 * {@code /v1/connections*}, authorized by {@code ADMIN_TOKEN} (not {@code API_TOKEN}): without it configured every
 * route answers 403 saying how to enable them; a missing or wrong token answers 401. {@code DELETE} answers 200 with
 * the connection as it was before removal.
 */
public final class ConnectionRoutes implements RouteSet {
    private static final String NOT_ENABLED = "connection management is off on this instance: set ADMIN_TOKEN (a "
            + "bearer token for /v1/connections) and CREDENTIALS_KEY or CREDENTIALS_KEY_FILE (the key that encrypts "
            + "the credentials), then restart";

    private final BearerToken adminToken;
    private final ConnectionAdmin admin;
    private final OAuthOnboarding onboarding;
    private final URI defaultServer;

    private ConnectionRoutes(BearerToken adminToken, ConnectionAdmin admin, OAuthOnboarding onboarding, URI defaultServer) {
        this.adminToken = adminToken;
        this.admin = admin;
        this.onboarding = onboarding;
        this.defaultServer = defaultServer;
    }

    /** @param defaultServer the serverUrl of a connection whose request names none ({@code RC_SERVER_URL}) */
    public static ConnectionRoutes enabled(BearerToken adminToken, ConnectionAdmin admin, OAuthOnboarding onboarding,
                                           URI defaultServer) {
        return new ConnectionRoutes(adminToken, admin, onboarding, defaultServer);
    }

    /** Every route answers 403 with how to enable them. */
    public static ConnectionRoutes disabled() {
        return new ConnectionRoutes(null, null, null, null);
    }

    @Override
    public void register(Router router) {
        router.addAuthorizedByRoute("POST", "/v1/connections", this::create);
        router.addAuthorizedByRoute("GET", "/v1/connections", this::list);
        router.addAuthorizedByRoute("POST", "/v1/connections/links", this::link);
        router.addAuthorizedByRoute("GET", "/v1/connections/{connectionId}", this::get);
        router.addAuthorizedByRoute("DELETE", "/v1/connections/{connectionId}", this::remove);
    }

    private ApiResponse create(ApiRequest request) {
        authorize(request);
        NewConnection body;
        try {
            body = NewConnection.parse(request.body(), defaultServer);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        ConnectionInfo created = answer(() -> admin.create(body));
        return ApiResponse.json(201, created).withHeader("Location", "/v1/connections/" + created.connectionId());
    }

    private ApiResponse list(ApiRequest request) {
        authorize(request);
        return ApiResponse.json(200, Map.of("connections", admin.list()));
    }

    private ApiResponse get(ApiRequest request) {
        authorize(request);
        String id = request.id("connectionId");
        return ApiResponse.json(200, admin.find(id).orElseThrow(() -> unknown(id)));
    }

    private ApiResponse remove(ApiRequest request) {
        authorize(request);
        String id = request.id("connectionId");
        return ApiResponse.json(200, answer(() -> admin.remove(id)).orElseThrow(() -> unknown(id)));
    }

    private ApiResponse link(ApiRequest request) {
        authorize(request);
        String name = LinkRequest.name(request.body());
        OAuthOnboarding.IssuedLink link = answer(() -> onboarding.createLink(name));
        return ApiResponse.json(201, Map.of("url", link.url().toString(), "expiresAt", link.expiresAt().toString()));
    }

    private void authorize(ApiRequest request) {
        if (adminToken == null) {
            throw new ApiError(403, "forbidden", NOT_ENABLED);
        }
        if (!adminToken.matches(request.header(Headers.AUTHORIZATION))) {
            throw new ApiError(401, "unauthorized", "missing or wrong bearer token: /v1/connections needs "
                    + "\"Authorization: Bearer <ADMIN_TOKEN>\"");
        }
    }

    private interface Call<T> {
        T run();
    }

    /** The service's refusals as the contract's errors. */
    private static <T> T answer(Call<T> call) {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (OnboardingException e) {
            throw switch (e.kind()) {
                case NOT_CONFIGURED -> new ApiError(403, "forbidden", e.getMessage());
                case NAME_TAKEN -> new ApiError(409, "conflict", e.getMessage());
                case REFUSED -> new ApiError(422, "credential_rejected", e.getMessage() + "; nothing was stored");
                case RINGCENTRAL_UNAVAILABLE -> new ApiError(502, "bad_gateway", e.getMessage() + "; nothing was stored");
                case STORE_UNAVAILABLE -> ApiError.unavailable(e.getMessage());
                case INVALID_LINK, INVALID_STATE, DENIED -> ApiError.badRequest(e.getMessage());
            };
        }
    }

    private static ApiError unknown(String id) {
        return ApiError.notFound("no connection " + id);
    }
}
