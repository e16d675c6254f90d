package dev.rcidentity.cli;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the console's browser test looks at: one company of some forty extensions whose number 420 went from Alice
 * (disabled, then gone) to Bob (an unassigned seat given to him, who later moved to 421) to Carol (who moved from 430),
 * and an extension whose name is markup. The story ends a day ago, so "now" lies after it.
 */
final class ConsoleStory {
    static final String ACCOUNT = "800001";
    static final String COMPANY = "Acme Rockets";
    static final String ALICE = "800101";
    static final String BOB = "800102";
    static final String CAROL = "800103";
    static final String EVE = "800104";
    static final String NUMBER = "420";
    static final String EVE_NAME = "Eve <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
    private static final List<String> FIRST = List.of("Ava", "Liam", "Mia", "Noah", "Zoe", "Omar", "Ines", "Kenji", "Lena");
    private static final List<String> LAST = List.of("Garcia", "Nguyen", "Okafor", "Rossi");

    /** The first day of the story. */
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(28));

    private record Event(Instant at, String key, Object value) {
    }

    private Instant day(int n) {
        return t0.plus(Duration.ofDays(n));
    }

    /**
     * Writes the story to the input topics, in order. Every record gets the story's last time as its timestamp: records
     * stamped days apart would each roll a segment of the compacted rc.extensions.v1 (segment.ms is a day), and the
     * cleaner could compact an extension's earlier versions away before the topology reads them.
     */
    void publish(KafkaTestCluster kafka) throws Exception {
        List<Event> events = events();
        Instant last = events.stream().map(Event::at).max(Instant::compareTo).orElseThrow();
        kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT,
                new AccountSnapshot(ACCOUNT, COMPANY, "+16505550100", "Confirmed", "RingCentral", t0))), last);
        List<Map.Entry<String, ExtensionSnapshot>> snapshots = new ArrayList<>();
        List<Map.Entry<String, LoginEvent>> logins = new ArrayList<>();
        for (Event event : events) {
            if (event.value() instanceof ExtensionSnapshot snapshot) {
                snapshots.add(Map.entry(event.key(), snapshot));
            } else {
                logins.add(Map.entry(event.key(), (LoginEvent) event.value()));
            }
        }
        kafka.send(Topics.EXTENSIONS, snapshots, last);
        kafka.send(Topics.LOGINS, logins, last);
    }

    private List<Event> events() {
        List<Event> events = new ArrayList<>();
        events.add(snapshot(0, extension(ACCOUNT, "101", "Acme Admin", "Enabled", true)));
        for (int i = 0; i < 36; i++) {
            String id = String.valueOf(800200 + i);
            boolean seat = i % 12 == 11;
            String status = seat ? "Unassigned" : i % 7 == 3 ? "Disabled" : i % 11 == 5 ? "NotActivated" : "Enabled";
            String name = seat ? null : FIRST.get(i % FIRST.size()) + " " + LAST.get(i % LAST.size());
            events.add(snapshot(0, extension(id, seat ? null : String.valueOf(201 + i), name, status, false)));
        }
        ExtensionSnapshot alice = extension(ALICE, NUMBER, "Alice Smith", "Enabled", false);
        ExtensionSnapshot bob = extension(BOB, null, null, "Unassigned", false);
        ExtensionSnapshot carol = extension(CAROL, "430", "Carol White", "Enabled", true);
        events.add(snapshot(0, alice));
        events.add(snapshot(0, bob));
        events.add(snapshot(0, carol));
        events.add(snapshot(0, extension(EVE, "666", EVE_NAME, "Enabled", false)));
        events.add(login(1, ALICE));
        events.add(login(2, EVE));
        events.add(login(3, ACCOUNT));
        events.add(snapshot(4, extension(ALICE, NUMBER, "Alice Smith", "Disabled", false)));
        events.add(snapshot(8, extension(ALICE, NUMBER, "Alice Smith", "Disabled", false).asDeleted(day(8))));
        events.add(snapshot(10, extension(BOB, NUMBER, "Bob Jones", "Enabled", false)));
        events.add(snapshot(16, extension(BOB, "421", "Bob Jones", "Enabled", false)));
        events.add(snapshot(20, extension(CAROL, NUMBER, "Carol White", "Enabled", true)));
        events.add(login(21, CAROL));
        events.add(login(27, CAROL));
        return events;
    }

    private Event snapshot(int day, ExtensionSnapshot snapshot) {
        return new Event(day(day), snapshot.extensionId(), snapshot.observedAt(day(day)));
    }

    private Event login(int day, String owner) {
        Instant at = day(day).plus(Duration.ofHours(9));
        return new Event(at, owner, new LoginEvent(owner, ACCOUNT, at, LoginEvent.SOURCE_POLLER, null, null, null, null));
    }

    private ExtensionSnapshot extension(String id, String number, String name, String status, boolean admin) {
        String[] parts = name == null ? new String[] {null, null} : name.split(" ", 2);
        Contact contact = name == null ? null : new Contact(parts[0], parts[1], null, null, null);
        return new ExtensionSnapshot(ACCOUNT, id, number, name, "User", null, status, admin, false, contact, "main-site",
                t0, false, t0);
    }
}
