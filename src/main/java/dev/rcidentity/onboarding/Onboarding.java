package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectLinks;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.OAuthState;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.query.BearerToken;
import dev.rcidentity.query.RouteSet;
import org.apache.kafka.clients.producer.Producer;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Connection management and OAuth onboarding, put together from their parts; cli hands {@link #routes} to the API. */
public final class Onboarding {
    private final ConnectionAdmin admin;
    private final OAuthOnboarding oauth;

    private Onboarding(ConnectionAdmin admin, OAuthOnboarding oauth) {
        this.admin = admin;
        this.oauth = oauth;
    }

    /**
     * @param keys     encrypt the credentials; sign connect links and OAuth states (with keys derived from them)
     * @param app      the integration's app for 3-legged onboarding, or a supplier of null when not configured
     * @param statuses the pollers' status of each connection ({@link ConnectionStatusSource#NONE} until one reports)
     * @param logins   where the login of a user who connected an account is published
     */
    public static Onboarding create(ConnectionCatalog catalog, CredentialKeys keys, Supplier<OnboardingApp> app,
                                    TokenClient tokens, ConnectionStatusSource statuses,
                                    Producer<String, LoginEvent> logins, Clock clock) {
        ConnectionRegistrar registrar = new ConnectionRegistrar(catalog, new CredentialCipher(keys), clock);
        return new Onboarding(new ConnectionAdmin(catalog, registrar, tokens, statuses),
                new OAuthOnboarding(app, ConnectLinks.from(keys, ConnectLinks.DEFAULT_VALIDITY, clock),
                        OAuthState.from(keys, OAuthState.DEFAULT_VALIDITY, clock), tokens, registrar, logins, clock));
    }

    public ConnectionAdmin admin() {
        return admin;
    }

    public OAuthOnboarding oauth() {
        return oauth;
    }

    /** @param defaultServer the serverUrl of a created connection whose request names none ({@code RC_SERVER_URL}) */
    public List<RouteSet> routes(BearerToken adminToken, URI defaultServer) {
        return List.of(ConnectionRoutes.enabled(adminToken, admin, oauth, defaultServer), new OAuthRoutes(oauth));
    }

    /** The routes of an instance without ADMIN_TOKEN: 403 on {@code /v1/connections*}, a 404 page on {@code /oauth/*}. */
    public static List<RouteSet> disabledRoutes() {
        return List.of(ConnectionRoutes.disabled(), new OAuthRoutes(null));
    }
}
