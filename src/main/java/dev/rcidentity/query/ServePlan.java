package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The serve decision, apart from the reading: where a read of one partition is tried, in order. This instance when it
 * holds the active copy; else the active instance, once (a forwarded request is never forwarded again, so instances
 * with stale metadata cannot ping-pong); else a standby copy here (if its staleness is within the caller's bound);
 * else the standbys on other instances. Single reads and batches follow the same plan. A read that must reflect a
 * write ({@code ?after=}) is answered by active copies only: a standby copy does not track which input offsets it
 * reflects (Kafka Streams records the position of a store where it processes records, not where it restores them).
 */
final class ServePlan {
    /** One place to try. */
    sealed interface Attempt permits ActiveHere, StandbyHere, Ask {
    }

    /** The active copy on this instance. */
    record ActiveHere() implements Attempt {
    }

    /** This instance's copy, whichever it is, when it is within {@code maxLagMs} of its changelog. */
    record StandbyHere() implements Attempt {
    }

    /** Another instance, asked once. */
    record Ask(HostInfo instance) implements Attempt {
    }

    /** Standbys on other instances are asked in this order, so that every instance tries them alike. */
    private static final Comparator<HostInfo> STANDBY_ORDER = Comparator.comparing(HostInfo::host)
            .thenComparingInt(HostInfo::port);

    private ServePlan() {
    }

    static List<Attempt> of(HostInfo self, Placement placement, boolean forwarded) {
        return of(self, placement, forwarded, false);
    }

    static List<Attempt> of(HostInfo self, Placement placement, boolean forwarded, boolean activeOnly) {
        List<Attempt> attempts = new ArrayList<>();
        boolean selfActive = self.equals(placement.active());
        if (selfActive) {
            attempts.add(new ActiveHere());
        } else if (!forwarded && placement.active() != null) {
            attempts.add(new Ask(placement.active()));
        }
        if (activeOnly) {
            return attempts;
        }
        if (selfActive || placement.standbys().contains(self)) {
            attempts.add(new StandbyHere());
        }
        if (!forwarded) {
            List<HostInfo> others = new ArrayList<>(placement.standbys().size());
            for (HostInfo standby : placement.standbys()) {
                if (!standby.equals(self)) {
                    others.add(standby);
                }
            }
            others.sort(STANDBY_ORDER);
            for (HostInfo standby : others) {
                attempts.add(new Ask(standby));
            }
        }
        return attempts;
    }
}
