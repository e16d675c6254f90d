package dev.rcidentity.faults;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Resolution;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A backlog of logins for known extensions of one account: every owner logs in {@code loginsPerOwner} times, one
 * minute apart, round by round; half way through, every extension is renamed and gets a new number, so identity
 * updates from snapshots interleave with those from logins.
 */
final class LoginBacklog {
    static final String ACCOUNT = "700001";
    /**
     * Recent event times: rc.logins.v1 keeps 30 days by record time, so the broker deletes older logins within minutes
     * (its retention check), whether or not the topology has read them.
     */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));

    private LoginBacklog() {
    }

    static List<String> owners(int count) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owners.add(String.valueOf(700_101 + i));
        }
        return owners;
    }

    static List<InputRecord> of(int ownerCount, int loginsPerOwner) {
        List<String> owners = owners(ownerCount);
        List<InputRecord> records = new ArrayList<>();
        records.add(InputRecord.of(Topics.ACCOUNTS, ACCOUNT,
                new AccountSnapshot(ACCOUNT, "Globex", "+16505550199", "Confirmed", "RingCentral", T0), T0));
        for (int i = 0; i < owners.size(); i++) {
            records.add(snapshot(owners.get(i), "1" + i, "User " + i, T0));
        }
        for (int round = 1; round <= loginsPerOwner; round++) {
            Instant at = T0.plus(Duration.ofMinutes(round));
            for (String owner : owners) {
                records.add(InputRecord.of(Topics.LOGINS, owner,
                        new LoginEvent(owner, ACCOUNT, at, LoginEvent.SOURCE_INGEST, null, null, null, null), at));
            }
            if (round == loginsPerOwner / 2) {
                Instant renamed = at.plusSeconds(30);
                for (int i = 0; i < owners.size(); i++) {
                    records.add(snapshot(owners.get(i), "2" + i, "Renamed " + i, renamed));
                }
            }
        }
        return records;
    }

    /**
     * The identities the README's rules give for {@link #of}: resolved to the renamed extension (renamed before the
     * last login, so its new number is also the number at login), every login counted, updated at the last login.
     * {@code LoginBacklogTest} checks this against the topology itself on a small backlog.
     */
    static Map<String, Identity> expectedIdentities(int ownerCount, int loginsPerOwner) {
        Map<String, Identity> table = new HashMap<>();
        List<String> owners = owners(ownerCount);
        Instant first = T0.plus(Duration.ofMinutes(1));
        Instant last = T0.plus(Duration.ofMinutes(loginsPerOwner));
        for (int i = 0; i < owners.size(); i++) {
            String id = owners.get(i);
            table.put(id, new Identity(id, id, ACCOUNT, Resolution.RESOLVED, false, "2" + i, "Renamed " + i, "User",
                    "Enabled", false, new AccountSummary("Globex", "+16505550199", "Confirmed"), first, last,
                    loginsPerOwner, "2" + i, last));
        }
        return table;
    }

    private static InputRecord snapshot(String id, String number, String name, Instant observedAt) {
        return InputRecord.of(Topics.EXTENSIONS, id, new ExtensionSnapshot(ACCOUNT, id, number, name, "User", null,
                "Enabled", false, false, null, null, null, false, observedAt), observedAt);
    }
}
