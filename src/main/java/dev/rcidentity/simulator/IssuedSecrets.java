package dev.rcidentity.simulator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every credential string the simulator handed out (access and refresh tokens, authorization codes, user JWTs), so a
 * test can scan Kafka topics, logs or responses for any of them. Bounded: past {@link #CAPACITY} strings the oldest
 * are forgotten, far beyond what a test issues.
 */
final class IssuedSecrets {
    static final int CAPACITY = 1_000_000;

    private final LinkedHashSet<String> secrets = new LinkedHashSet<>();

    synchronized void add(String secret) {
        if (secrets.add(secret) && secrets.size() > CAPACITY) {
            secrets.remove(secrets.iterator().next());
        }
    }

    synchronized Set<String> snapshot() {
        return Set.copyOf(secrets);
    }
}
