package dev.rcidentity.simulator;

import dev.rcidentity.simulator.SimulatedExtension.ExtensionStatus;
import dev.rcidentity.simulator.SimulatorChanges.Change;
import dev.rcidentity.simulator.SimulatorChanges.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulated accounts and their extensions: generated from the seed, changed by {@link #tick()}. Content depends
 * only on the seed and the number of ticks. The initial extensions' creation times are spread before a fixed instant,
 * so a simulator restarted with the same seed serves the same directory; people hired by a tick get the clock's time.
 * Thread-safe: one lock, readers get immutable snapshots.
 */
final class Directory {
    private static final Duration HISTORY_SPAN = Duration.ofDays(5 * 365);
    private static final Instant POPULATED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final Object lock = new Object();
    private final long seed;
    private final Clock clock;
    private final Map<String, AccountState> accounts = new LinkedHashMap<>();
    private long nextExtensionId;
    private int round;

    Directory(long seed, int accountCount, int extensionsPerAccount, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        Random random = new Random(seed);
        nextExtensionId = 60_000_000_000L + random.nextInt(1_000_000_000);
        Instant now = POPULATED_AT;
        Set<Long> accountIds = new HashSet<>();
        Set<String> companies = new HashSet<>();
        for (int i = 0; i < accountCount; i++) {
            long accountId;
            do {
                accountId = random.nextLong(400_000_000L, 2_000_000_000L);
            } while (!accountIds.add(accountId));
            SimulatedAccount account = newAccount(random, accountId, companies);
            AccountState state = new AccountState(account);
            accounts.put(account.accountId(), state);
            populate(state, random, extensionsPerAccount, now);
        }
    }

    List<SimulatedAccount> accounts() {
        synchronized (lock) {
            return accounts.values().stream().map(s -> s.account).toList();
        }
    }

    Optional<SimulatedAccount> account(String accountId) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(accountId)).map(s -> s.account);
        }
    }

    /** All extensions of the account ordered by id; empty for an unknown account. */
    List<SimulatedExtension> extensions(String accountId) {
        synchronized (lock) {
            AccountState state = accounts.get(accountId);
            return state == null ? List.of() : List.copyOf(state.extensions.values());
        }
    }

    Optional<SimulatedExtension> extension(String accountId, String extensionId) {
        long id;
        try {
            id = Long.parseLong(extensionId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        synchronized (lock) {
            AccountState state = accounts.get(accountId);
            return state == null ? Optional.empty() : Optional.ofNullable(state.extensions.get(id));
        }
    }

    /** Only existing, Enabled extensions can obtain tokens (a departed or disabled user cannot log in). */
    boolean canLogIn(String accountId, String extensionId) {
        return extension(accountId, extensionId)
                .filter(e -> ExtensionStatus.ENABLED.equals(e.status()))
                .isPresent();
    }

    int round() {
        synchronized (lock) {
            return round;
        }
    }

    /** Applies one seeded round of changes to every account. */
    SimulatorChanges tick() {
        synchronized (lock) {
            round++;
            Random random = new Random(seed * 1_000_003L + round);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            List<Change> changes = new ArrayList<>();
            for (AccountState state : accounts.values()) {
                new Round(state, random, now, changes).run();
            }
            return new SimulatorChanges(round, now, changes);
        }
    }

    private SimulatedAccount newAccount(Random random, long accountId, Set<String> companies) {
        String company;
        int attempts = 0;
        do {
            company = NameBank.pick(random, NameBank.COMPANY_FIRST) + " " + NameBank.pick(random, NameBank.COMPANY_SECOND);
            if (++attempts > 20) {
                company = company + " " + (companies.size() + 1);
            }
        } while (!companies.add(company));
        String domain = company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        String mainNumber = "+1" + (200 + random.nextInt(700)) + (200 + random.nextInt(700))
                + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
        List<String> address = NameBank.pick(random, NameBank.ADDRESSES);
        return new SimulatedAccount(Long.toString(accountId), company, mainNumber, "office@" + domain, domain,
                "RingCentral", address.get(0), address.get(1), address.get(3), address.get(2));
    }

    private void populate(AccountState state, Random random, int size, Instant now) {
        List<String> kinds = new ArrayList<>();
        int unassigned = size >= 4 ? Math.max(1, size / 40) : 0;
        int unknownType = size >= 5 ? 1 : 0;
        int nonUser = size >= 10 ? Math.max(1, size / 15) : 0;
        for (int i = 0; i < unassigned; i++) {
            kinds.add("unassigned");
        }
        for (int i = 0; i < unknownType; i++) {
            kinds.add("unknown");
        }
        for (int i = 0; i < nonUser; i++) {
            kinds.add("nonuser");
        }
        while (kinds.size() < size - 1) {
            kinds.add("user");
        }
        Collections.shuffle(kinds, random);

        Instant start = now.minus(HISTORY_SPAN);
        long stepSeconds = HISTORY_SPAN.getSeconds() / (size + 1);
        SimulatedAccount account = state.account;
        state.put(new SimulatedExtension(account.accountId(), account.accountId(), state.takeNumber(random, "101"),
                "Office Admin", "User", null, ExtensionStatus.ENABLED, "Office", "Admin", account.email(),
                "Administrator", "Operations", true, true, false, "main-site", account.companyName(), start));
        int nonUserIndex = 0;
        for (int i = 0; i < kinds.size(); i++) {
            Instant created = start.plusSeconds(stepSeconds * (i + 1) + random.nextInt((int) Math.min(stepSeconds, 86_400) + 1));
            String id = Long.toString(allocateExtensionId(random));
            switch (kinds.get(i)) {
                case "unassigned" -> state.put(unassignedSeat(id, account, created));
                case "unknown" -> state.put(new SimulatedExtension(id, account.accountId(), state.takeNumber(random, null),
                        "Hot Desk " + (i + 1), NameBank.UNKNOWN_TYPE, null, ExtensionStatus.ENABLED, "Hot Desk " + (i + 1),
                        null, null, null, null, false, false, false, "main-site", account.companyName(), created));
                case "nonuser" -> {
                    String[] kind = NameBank.NON_USER.get(nonUserIndex++ % NameBank.NON_USER.size());
                    String name = nonUserIndex > NameBank.NON_USER.size() ? kind[2] + " " + nonUserIndex : kind[2];
                    state.put(new SimulatedExtension(id, account.accountId(), state.takeNumber(random, null), name,
                            kind[0], kind[1], ExtensionStatus.ENABLED, name, null, null, null, null, false, false, false,
                            "main-site", account.companyName(), created));
                }
                default -> {
                    int roll = random.nextInt(100);
                    String status = roll < 88 ? ExtensionStatus.ENABLED
                            : roll < 93 ? ExtensionStatus.DISABLED
                            : roll < 98 ? ExtensionStatus.NOT_ACTIVATED
                            : ExtensionStatus.FROZEN;
                    state.put(newPerson(state, random, id, status, created));
                }
            }
        }
    }

    private long allocateExtensionId(Random random) {
        nextExtensionId += 1 + random.nextInt(5_000);
        return nextExtensionId;
    }

    private static SimulatedExtension unassignedSeat(String id, SimulatedAccount account, Instant created) {
        return new SimulatedExtension(id, account.accountId(), null, null, "User", null, ExtensionStatus.UNASSIGNED,
                null, null, null, null, null, false, false, false, "main-site", account.companyName(), created);
    }

    private static SimulatedExtension newPerson(AccountState state, Random random, String id, String status,
                                                Instant created) {
        return personFields(state, random, new SimulatedExtension(id, state.account.accountId(),
                state.takeNumber(random, null), null, "User", null, status, null, null, null, null, null,
                random.nextInt(100) < 5, random.nextInt(100) < 30, random.nextInt(100) < 2,
                "main-site", state.account.companyName(), created));
    }

    /** Gives the extension a fresh person: name, unique e-mail, department and title. */
    private static SimulatedExtension personFields(AccountState state, Random random, SimulatedExtension extension) {
        String first = NameBank.pick(random, NameBank.FIRST_NAMES);
        String last = NameBank.pick(random, NameBank.LAST_NAMES);
        return extension.withPerson(first, last, state.uniqueEmail(first, last),
                NameBank.pick(random, NameBank.JOB_TITLES), NameBank.pick(random, NameBank.DEPARTMENTS));
    }

    /** One round of changes for one account. */
    private final class Round {
        private final AccountState state;
        private final Random random;
        private final Instant now;
        private final List<Change> changes;
        private final String accountId;

        Round(AccountState state, Random random, Instant now, List<Change> changes) {
            this.state = state;
            this.random = random;
            this.now = now;
            this.changes = changes;
            this.accountId = state.account.accountId();
        }

        void run() {
            List<SimulatedExtension> departed = departures();
            int hires = 1 + random.nextInt(2);
            SimulatedExtension numberDonor = departed.stream().filter(e -> e.extensionNumber() != null).findFirst().orElse(null);
            boolean recycleToHire = numberDonor != null && random.nextBoolean();
            if (numberDonor != null && !recycleToHire && !recycleToExisting(numberDonor)) {
                recycleToHire = true;
            }
            for (int i = 0; i < hires; i++) {
                hire(i == 0 && recycleToHire ? numberDonor : null);
            }
            if (random.nextBoolean()) {
                assignSeat();
            }
            if (random.nextInt(4) == 0) {
                provisionSeat();
            }
            if (random.nextBoolean()) {
                rename();
            }
            int statusChanges = random.nextInt(3);
            for (int i = 0; i < statusChanges; i++) {
                changeStatus();
            }
        }

        private List<SimulatedExtension> departures() {
            List<SimulatedExtension> departed = new ArrayList<>();
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                List<SimulatedExtension> people = people();
                if (people.size() <= 2) {
                    break;
                }
                SimulatedExtension leaver = people.get(random.nextInt(people.size()));
                state.remove(leaver);
                departed.add(leaver);
                changes.add(new Change(Kind.DEPARTED, accountId, leaver.id(), leaver.extensionNumber(), null,
                        leaver.name() + " left; extension deleted"));
            }
            return departed;
        }

        /** An existing person takes the departed one's number; their own number becomes free. */
        private boolean recycleToExisting(SimulatedExtension donor) {
            List<SimulatedExtension> people = people().stream().filter(e -> e.extensionNumber() != null).toList();
            if (people.isEmpty()) {
                return false;
            }
            SimulatedExtension taker = people.get(random.nextInt(people.size()));
            state.releaseNumber(taker.extensionNumber());
            SimulatedExtension updated = taker.withNumber(state.takeNumber(random, donor.extensionNumber()));
            state.put(updated);
            changes.add(new Change(Kind.NUMBER_RECYCLED, accountId, taker.id(), updated.extensionNumber(), donor.id(),
                    taker.name() + " moved from " + taker.extensionNumber() + " to " + updated.extensionNumber()
                            + ", the number of departed " + donor.id()));
            return true;
        }

        private void hire(SimulatedExtension numberDonor) {
            String id = Long.toString(allocateExtensionId(random));
            String status = random.nextInt(5) == 0 ? ExtensionStatus.NOT_ACTIVATED : ExtensionStatus.ENABLED;
            SimulatedExtension hire = newPerson(state, random, id, status, now);
            if (numberDonor != null) {
                state.releaseNumber(hire.extensionNumber());
                hire = hire.withNumber(state.takeNumber(random, numberDonor.extensionNumber()));
            }
            state.put(hire);
            changes.add(new Change(Kind.HIRED, accountId, hire.id(), hire.extensionNumber(), null,
                    hire.name() + " joined as " + hire.status()));
            if (numberDonor != null) {
                changes.add(new Change(Kind.NUMBER_RECYCLED, accountId, hire.id(), hire.extensionNumber(),
                        numberDonor.id(), "new hire " + hire.name() + " got number " + hire.extensionNumber()
                        + " of departed " + numberDonor.id()));
            }
        }

        private void assignSeat() {
            List<SimulatedExtension> seats = state.extensions.values().stream()
                    .filter(SimulatedExtension::isUnassigned).toList();
            if (seats.isEmpty()) {
                return;
            }
            SimulatedExtension seat = seats.get(random.nextInt(seats.size()));
            SimulatedExtension assigned = personFields(state, random, seat)
                    .withStatus(ExtensionStatus.ENABLED)
                    .withNumber(state.takeNumber(random, null));
            state.put(assigned);
            changes.add(new Change(Kind.ASSIGNED, accountId, assigned.id(), assigned.extensionNumber(), null,
                    "seat assigned to " + assigned.name()));
        }

        private void provisionSeat() {
            SimulatedExtension seat = unassignedSeat(Long.toString(allocateExtensionId(random)), state.account, now);
            state.put(seat);
            changes.add(new Change(Kind.SEAT_PROVISIONED, accountId, seat.id(), null, null, "new Unassigned seat"));
        }

        private void rename() {
            List<SimulatedExtension> people = people();
            if (people.isEmpty()) {
                return;
            }
            SimulatedExtension person = people.get(random.nextInt(people.size()));
            String last = NameBank.pick(random, NameBank.LAST_NAMES);
            if (last.equals(person.lastName())) {
                return;
            }
            SimulatedExtension renamed = person.withPerson(person.firstName(), last,
                    state.uniqueEmail(person.firstName(), last), person.jobTitle(), person.department());
            state.put(renamed);
            changes.add(new Change(Kind.RENAMED, accountId, renamed.id(), renamed.extensionNumber(), null,
                    person.name() + " is now " + renamed.name()));
        }

        private void changeStatus() {
            List<SimulatedExtension> people = people();
            if (people.isEmpty()) {
                return;
            }
            SimulatedExtension person = people.get(random.nextInt(people.size()));
            String next = switch (person.status()) {
                case ExtensionStatus.ENABLED -> random.nextInt(5) == 0 ? ExtensionStatus.FROZEN : ExtensionStatus.DISABLED;
                default -> ExtensionStatus.ENABLED;
            };
            state.put(person.withStatus(next));
            changes.add(new Change(Kind.STATUS_CHANGED, accountId, person.id(), person.extensionNumber(), null,
                    person.status() + " -> " + next));
        }

        /** People other than the system extension, ordered by id. */
        private List<SimulatedExtension> people() {
            return state.extensions.values().stream()
                    .filter(e -> e.isPerson() && !e.isSystemExtension())
                    .toList();
        }
    }

    private static final class AccountState {
        final SimulatedAccount account;
        final TreeMap<Long, SimulatedExtension> extensions = new TreeMap<>();
        final Map<String, String> numberOwners = new HashMap<>();
        final Set<String> emails = new HashSet<>();
        int nextNumber = 102;

        AccountState(SimulatedAccount account) {
            this.account = account;
        }

        void put(SimulatedExtension extension) {
            SimulatedExtension previous = extensions.put(extension.numericId(), extension);
            if (previous != null && previous.extensionNumber() != null
                    && !previous.extensionNumber().equals(extension.extensionNumber())
                    && extension.id().equals(numberOwners.get(previous.extensionNumber()))) {
                numberOwners.remove(previous.extensionNumber());
            }
            if (extension.extensionNumber() != null) {
                // "" marks a number reserved by takeNumber for the extension being put
                String owner = numberOwners.get(extension.extensionNumber());
                if (owner != null && !owner.isEmpty() && !owner.equals(extension.id())) {
                    throw new IllegalStateException("number " + extension.extensionNumber() + " already in use");
                }
                numberOwners.put(extension.extensionNumber(), extension.id());
            }
        }

        void remove(SimulatedExtension extension) {
            extensions.remove(extension.numericId());
            if (extension.extensionNumber() != null) {
                numberOwners.remove(extension.extensionNumber());
            }
        }

        void releaseNumber(String number) {
            if (number != null) {
                numberOwners.remove(number);
            }
        }

        /** Reserves {@code wanted} when given and free, else the next free number. */
        String takeNumber(Random random, String wanted) {
            if (wanted != null && !numberOwners.containsKey(wanted)) {
                numberOwners.put(wanted, "");
                return wanted;
            }
            while (numberOwners.containsKey(Integer.toString(nextNumber))) {
                nextNumber++;
            }
            String number = Integer.toString(nextNumber);
            numberOwners.put(number, "");
            nextNumber += 1 + (random.nextInt(8) == 0 ? random.nextInt(4) : 0);
            return number;
        }

        String uniqueEmail(String first, String last) {
            String base = (first + "." + last).toLowerCase(Locale.ROOT);
            String email = base + "@" + account.domain();
            for (int i = 2; !emails.add(email); i++) {
                email = base + i + "@" + account.domain();
            }
            return email;
        }
    }
}
