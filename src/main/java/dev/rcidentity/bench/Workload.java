package dev.rcidentity.bench;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * The bench's data: {@code extensions} extensions over {@code accounts} accounts, logins drawn over them by a
 * {@link LoginMix}, and later extension changes (renumbered extensions of owners who logged in, and first snapshots
 * of owners that logged in before anyone had seen their extension). Ids are decimal strings like RingCentral's. Event
 * times advance one millisecond per event, so no login is ever a replay and every change is newer than the last.
 */
final class Workload {
    private static final long ACCOUNT_BASE = 1_500_000_000L;
    private static final long EXTENSION_BASE = 2_000_000_000L;
    private static final long UNKNOWN_BASE = 3_000_000_000L;
    private static final String[] FIRST = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi",
            "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil"};
    private static final String[] LAST = {"Smith", "Jones", "Garcia", "Miller", "Davis", "Lopez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Martin", "Jackson", "Lee", "Walker", "Hall"};
    private static final String[] DEPARTMENTS = {"Sales", "Support", "Engineering", "Finance", "Operations"};

    private final int accounts;
    private final int extensions;
    private final int perAccount;
    private final Instant start;
    private final Random random;
    final LoginMix logins;
    private long clock;
    private long changes;

    Workload(int accounts, int extensions, long seed) {
        this.accounts = accounts;
        this.extensions = extensions;
        this.perAccount = Math.max(1, extensions / accounts);
        this.start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        this.random = new Random(seed);
        this.logins = new LoginMix(extensions, random);
    }

    int accounts() {
        return accounts;
    }

    int extensions() {
        return extensions;
    }

    /** The next event time: strictly after every earlier one. */
    Instant nextTime() {
        return start.plusMillis(++clock);
    }

    static String accountId(int a) {
        return String.valueOf(ACCOUNT_BASE + a);
    }

    static String extensionId(int i) {
        return String.valueOf(EXTENSION_BASE + i);
    }

    static String unknownId(int j) {
        return String.valueOf(UNKNOWN_BASE + j);
    }

    AccountSnapshot account(int a) {
        return new AccountSnapshot(accountId(a), "Company " + a, "+1650555" + String.format("%04d", a % 10_000),
                "Confirmed", "RingCentral", start);
    }

    private int accountOf(int i) {
        return Math.min(accounts - 1, i / perAccount);
    }

    /** The preloaded snapshot of extension {@code i}, observed at the start. */
    ExtensionSnapshot extension(int i) {
        return snapshot(extensionId(i), accountId(accountOf(i)), String.valueOf(100 + i % perAccount), i, start);
    }

    private ExtensionSnapshot snapshot(String id, String accountId, String number, int nameSeed, Instant at) {
        String first = FIRST[nameSeed % FIRST.length];
        String last = LAST[(nameSeed / FIRST.length) % LAST.length];
        Contact contact = new Contact(first, last, (first + "." + last + "." + id + "@example.com").toLowerCase(),
                DEPARTMENTS[nameSeed % DEPARTMENTS.length], "Account Executive");
        return new ExtensionSnapshot(accountId, id, number, first + " " + last, "User", null, "Enabled",
                nameSeed % 50 == 0, false, contact, "main-site", start.minus(400, ChronoUnit.DAYS), false, at);
    }

    /** The next login of the mix; its time is its record timestamp. */
    LoginEvent nextLogin() {
        LoginMix.Owner owner = logins.next();
        String ownerId = owner.known() ? extensionId(owner.index()) : unknownId(owner.index());
        String accountId = owner.known() ? accountId(accountOf(owner.index())) : accountId(owner.index() % accounts);
        return new LoginEvent(ownerId, accountId, nextTime(), LoginEvent.SOURCE_INGEST, "endpoint-" + (owner.index() % 97),
                "ReadAccounts", "authorization_code", "bench-client-app");
    }

    /**
     * The next extension change: one time in five the first snapshot of an owner who logged in unknown (which
     * resolves its identity), otherwise a new number for an owner who logged in (a new identity and a history row).
     */
    ExtensionSnapshot nextChange() {
        Instant at = nextTime();
        long n = ++changes;
        if (n % 5 == 0) {
            int unknown = logins.nextUnresolved();
            if (unknown >= 0) {
                return snapshot(unknownId(unknown), accountId(unknown % accounts), String.valueOf(900_000 + unknown),
                        unknown, at);
            }
        }
        int i = logins.randomKnownLoggedIn();
        return snapshot(extensionId(i), accountId(accountOf(i)), String.valueOf(200_000 + n), i, at);
    }
}
