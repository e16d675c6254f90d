package dev.rcidentity.topology;

import dev.rcidentity.model.LoginMark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises replayed logins. A login is a replay when one with the same time and source was already counted. The
 * ledger remembers the logins of the last {@code window} before the owner's latest login (the retention of
 * {@code rc.logins.v1}, so reprocessing the topic never counts twice), at most {@code maxMarks} of them.
 */
final class LoginLedger {
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final int DEFAULT_MAX_MARKS = 1000;

    private final Duration window;
    private final int maxMarks;

    LoginLedger(Duration window, int maxMarks) {
        this.window = window;
        this.maxMarks = maxMarks;
    }

    /** The marks after counting {@code login}, or empty when it is a replay of a login already counted. */
    Optional<List<LoginMark>> record(List<LoginMark> marks, LoginMark login, Instant lastLoginAt) {
        for (LoginMark mark : marks) {
            if (mark.at().equals(login.at()) && Objects.equals(mark.source(), login.source())) {
                return Optional.empty();
            }
        }
        Instant horizon = lastLoginAt.minus(window);
        List<LoginMark> kept = new ArrayList<>(marks.size() + 1);
        for (LoginMark mark : marks) {
            if (!mark.at().isBefore(horizon)) {
                kept.add(mark);
            }
        }
        if (!login.at().isBefore(horizon)) {
            kept.add(login);
        }
        kept.sort(Comparator.comparing(LoginMark::at));
        return Optional.of(kept.size() > maxMarks ? List.copyOf(kept.subList(kept.size() - maxMarks, kept.size())) : kept);
    }
}
