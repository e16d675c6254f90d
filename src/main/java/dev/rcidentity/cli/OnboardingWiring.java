package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.onboarding.ConnectionStatusSource;
import dev.rcidentity.onboarding.Onboarding;
import dev.rcidentity.onboarding.OnboardingApp;
import dev.rcidentity.onboarding.TokenClient;
import dev.rcidentity.query.BearerToken;
import dev.rcidentity.query.RouteSet;
import org.apache.kafka.clients.producer.Producer;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The connection management and onboarding routes of the HTTP API, from the settings: with {@code ADMIN_TOKEN} set,
 * a {@link ConnectionStore} following {@code rc.connections.v1} and the credentials key behind them; without it,
 * routes that answer how to enable them.
 */
final class OnboardingWiring {
    private OnboardingWiring() {
    }

    /**
     * @param connections this process's view of rc.connections.v1, started on first use
     * @param boundPort the API's port once it listens (the default redirect URI names it; HTTP_PORT may be 0)
     * @param statuses  the pollers' status of each connection
     */
    static List<RouteSet> routes(Settings settings, Supplier<ConnectionStore> connections,
                                 Producer<String, LoginEvent> logins, IntSupplier boundPort,
                                 ConnectionStatusSource statuses, Clock clock) {
        BearerToken adminToken = BearerToken.ofNullable(settings.find(SettingKeys.ADMIN_TOKEN).orElse(null));
        if (adminToken == null) {
            return Onboarding.disabledRoutes();
        }
        CredentialKeys keys = OptionsFromSettings.requireCredentialKeys(settings, "ADMIN_TOKEN is set, so "
                + "connections can be created, and their credentials are kept encrypted");
        ConnectionStore store = connections.get();
        Onboarding onboarding = Onboarding.create(store, keys, () -> app(settings, boundPort),
                TokenClient.withDefaults(), statuses, logins, clock);
        return onboarding.routes(adminToken, settings.get(SettingKeys.RC_SERVER_URL));
    }

    /** The integration's app when RC_CLIENT_ID and RC_CLIENT_SECRET are set, else null (no 3-legged onboarding). */
    static OnboardingApp app(Settings settings, IntSupplier boundPort) {
        String clientId = settings.find(SettingKeys.RC_CLIENT_ID).orElse(null);
        String secret = settings.find(SettingKeys.RC_CLIENT_SECRET).orElse(null);
        if (clientId == null || secret == null) {
            return null;
        }
        URI redirect = settings.find(SettingKeys.RC_REDIRECT_URI).orElseGet(() -> URI.create(
                "http://" + settings.get(SettingKeys.HTTP_HOST) + ":" + boundPort.getAsInt() + "/oauth/callback"));
        return new OnboardingApp(settings.get(SettingKeys.RC_SERVER_URL), clientId, secret, redirect);
    }
}
