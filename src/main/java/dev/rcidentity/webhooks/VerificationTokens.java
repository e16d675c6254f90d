package dev.rcidentity.webhooks;

import java.util.Optional;

/** The verification token each connection's subscription was created with. */
@FunctionalInterface
public interface VerificationTokens {
    /** Empty when the connection is unknown, not ACTIVE, unreadable or holds no subscription token. */
    Optional<String> of(String connectionId);

    /** An instance that cannot read the credentials (no credentials key): it knows no subscription. */
    VerificationTokens NONE = connectionId -> Optional.empty();
}
