package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectLinks;
import dev.rcidentity.connections.InvalidTokenException;
import dev.rcidentity.connections.OAuthState;
import dev.rcidentity.connections.Pkce;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.rcidentity.onboarding.OnboardingException.Kind.DENIED;
import static dev.rcidentity.onboarding.OnboardingException.Kind.INVALID_LINK;
import static dev.rcidentity.onboarding.OnboardingException.Kind.INVALID_STATE;
import static dev.rcidentity.onboarding.OnboardingException.Kind.NOT_CONFIGURED;
import static dev.rcidentity.onboarding.OnboardingException.Kind.REFUSED;
import static dev.rcidentity.onboarding.OnboardingException.Kind.RINGCENTRAL_UNAVAILABLE;

/**
 * RingCentral's 3-legged onboarding: a one-time connect link for a connection name; following it sends the browser to
 * RingCentral's consent with a signed single-use {@code state} and a PKCE S256 challenge; the callback verifies the
 * state, exchanges the code (with the verifier the state names), stores the connection with its refresh token and
 * publishes a login (source {@code connect}) for the user who consented.
 */
public final class OAuthOnboarding {
    private static final Logger log = LoggerFactory.getLogger(OAuthOnboarding.class);
    private static final Duration LOGIN_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    /** A link for the admin to hand over. */
    public record IssuedLink(URI url, Instant expiresAt) {
    }

    private final Supplier<OnboardingApp> app;
    private final ConnectLinks links;
    private final OAuthState states;
    private final TokenClient tokens;
    private final ConnectionRegistrar registrar;
    private final Producer<String, LoginEvent> logins;
    private final Clock clock;

    /** @param app the app, or a supplier of null when RC_CLIENT_ID/RC_CLIENT_SECRET are not set */
    OAuthOnboarding(Supplier<OnboardingApp> app, ConnectLinks links, OAuthState states, TokenClient tokens,
                    ConnectionRegistrar registrar, Producer<String, LoginEvent> logins, Clock clock) {
        this.app = app;
        this.links = links;
        this.states = states;
        this.tokens = tokens;
        this.registrar = registrar;
        this.logins = logins;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException naming the field when the name is unusable
     * @throws OnboardingException NOT_CONFIGURED, or NAME_TAKEN
     */
    public IssuedLink createLink(String name) {
        OnboardingApp onboardingApp = requireApp();
        String checked = ConnectionNames.check(name);
        registrar.requireFreeName(checked);
        ConnectLinks.Link link = links.create(checked);
        return new IssuedLink(URI.create(onboardingApp.publicBase() + OAuthRoutes.AUTHORIZE + "?link="
                + encode(link.linkId())), link.expiresAt());
    }

    /** Redeems the link and answers where to send the browser: RingCentral's consent screen. */
    public URI authorize(String linkId) {
        OnboardingApp onboardingApp = requireApp();
        String name;
        try {
            name = links.redeem(linkId);
        } catch (InvalidTokenException e) {
            throw new OnboardingException(INVALID_LINK, linkProblem(e) + " Ask for a new connect link.");
        }
        OAuthState.Started started = states.start(name);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", onboardingApp.clientId());
        query.put("redirect_uri", onboardingApp.redirectUri().toString());
        query.put("state", started.state());
        query.put("code_challenge", started.pkce().challenge());
        query.put("code_challenge_method", Pkce.METHOD);
        return URI.create(TokenClient.withoutTrailingSlash(onboardingApp.serverUrl()) + "/restapi/oauth/authorize?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
    }

    /**
     * Finishes the flow RingCentral redirected back with.
     *
     * @param code  the authorization code, null when RingCentral sent an error
     * @param error RingCentral's {@code error} ({@code access_denied}), null on consent
     * @throws OnboardingException INVALID_STATE, DENIED, NAME_TAKEN, REFUSED, RINGCENTRAL_UNAVAILABLE or
     *                             STORE_UNAVAILABLE; nothing is stored then
     */
    public Connection complete(String code, String state, String error) {
        OnboardingApp onboardingApp = requireApp();
        OAuthState.Verified verified;
        try {
            verified = states.verify(state);
        } catch (InvalidTokenException e) {
            throw new OnboardingException(INVALID_STATE, stateProblem(e) + " Nothing was stored; start again from a "
                    + "new connect link.");
        }
        String name = verified.connectionName();
        if (error != null) {
            throw new OnboardingException(DENIED, "access_denied".equals(error)
                    ? "The RingCentral consent for '" + name + "' was denied. Nothing was stored."
                    : "RingCentral reported an error for '" + name + "' (" + TokenClient.plainCode(error)
                    + "). Nothing was stored.", TokenClient.plainCode(error));
        }
        if (code == null) {
            throw new OnboardingException(REFUSED, "RingCentral sent no authorization code. Nothing was stored.");
        }
        registrar.requireFreeName(name);
        TokenAnswer answer = tokens.authorizationCode(onboardingApp.serverUrl(), onboardingApp.clientId(),
                onboardingApp.clientSecret(), code, onboardingApp.redirectUri(), verified.pkce().verifier());
        if (answer.refreshToken() == null) {
            throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "RingCentral answered the code exchange without a "
                    + "refresh token. Nothing was stored.");
        }
        Connection connection = registrar.register(name, onboardingApp.serverUrl(), onboardingApp.clientId(),
                Connection.GRANT_REFRESH_TOKEN, answer.ownerId(),
                Secrets.forRefreshToken(onboardingApp.clientSecret(), answer.refreshToken()));
        log.info("Connection '{}' ({}) onboarded through OAuth by owner {}", name, connection.connectionId(),
                connection.ownerId());
        publishLogin(connection, answer);
        return connection;
    }

    /** The connection is stored by now: a login that cannot be published is logged, not a failed onboarding. */
    private void publishLogin(Connection connection, TokenAnswer answer) {
        if (answer.ownerId() == null) {
            log.warn("Connection '{}': the code exchange named no owner_id, no login event", connection.name());
            return;
        }
        LoginEvent login = new LoginEvent(answer.ownerId(), connection.accountId(), clock.instant(),
                LoginEvent.SOURCE_CONNECT, answer.endpointId(), answer.scope(), TokenClient.CODE_GRANT,
                connection.clientId());
        try {
            logins.send(new ProducerRecord<>(Topics.LOGINS.name(), null, login.loggedInAt().toEpochMilli(),
                    login.ownerId(), login)).get(LOGIN_PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Connection '{}': the login of owner {} was not published: {}", connection.name(),
                    login.ownerId(), e.getClass().getSimpleName());
        }
    }

    private OnboardingApp requireApp() {
        OnboardingApp onboardingApp = app.get();
        if (onboardingApp == null) {
            throw new OnboardingException(NOT_CONFIGURED, "OAuth onboarding needs the app's credentials: set "
                    + "RC_CLIENT_ID and RC_CLIENT_SECRET (and RC_REDIRECT_URI unless the default "
                    + "http://HTTP_HOST:HTTP_PORT/oauth/callback is the one registered for the app)");
        }
        return onboardingApp;
    }

    private static String linkProblem(InvalidTokenException e) {
        return switch (e.reason()) {
            case MALFORMED, FORGED -> "This connect link is not valid.";
            case EXPIRED -> "This connect link has expired.";
            case REPLAYED -> "This connect link was used already.";
            case OVERLOADED -> "Too many connect links are in use right now; try again later.";
        };
    }

    private static String stateProblem(InvalidTokenException e) {
        return switch (e.reason()) {
            case MALFORMED, FORGED -> "This sign-in answer was not started here or was altered.";
            case EXPIRED -> "This sign-in took too long and expired.";
            case REPLAYED -> "This sign-in answer was used already.";
            case OVERLOADED -> "Too many sign-ins are in progress right now; try again later.";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
