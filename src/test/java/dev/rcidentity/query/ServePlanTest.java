package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a read is tried, in order, for each placement of the partition and whether the request was forwarded. */
class ServePlanTest {
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8081);
    private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8082);
    private static final HostInfo THIRD = new HostInfo("127.0.0.1", 8083);

    private static List<ServePlan.Attempt> plan(HostInfo active, Set<HostInfo> standbys, boolean forwarded) {
        return ServePlan.of(SELF, new Placement(2, active, standbys), forwarded);
    }

    @Test
    void activeHereThenItsOwnCopyWithinTheLagBoundThenTheOtherStandbys() {
        assertEquals(List.of(new ServePlan.ActiveHere(), new ServePlan.StandbyHere(), new ServePlan.Ask(OTHER)),
                plan(SELF, Set.of(OTHER), false));
    }

    @Test
    void activeElsewhereIsAskedFirstThenTheStandbysInAStableOrder() {
        assertEquals(List.of(new ServePlan.Ask(OTHER), new ServePlan.Ask(THIRD)),
                plan(OTHER, Set.of(THIRD), false));
        assertEquals(List.of(new ServePlan.Ask(THIRD), new ServePlan.StandbyHere(), new ServePlan.Ask(OTHER)),
                plan(THIRD, Set.of(SELF, OTHER), false));
    }

    @Test
    void aForwardedRequestIsOnlyEverReadHere() {
        assertEquals(List.of(), plan(OTHER, Set.of(THIRD), true));
        assertEquals(List.of(new ServePlan.StandbyHere()), plan(OTHER, Set.of(SELF, THIRD), true));
        assertEquals(List.of(new ServePlan.ActiveHere(), new ServePlan.StandbyHere()), plan(SELF, Set.of(OTHER), true));
    }

    @Test
    void aReadThatMustReflectAWriteIsOnlyEverAnsweredByTheActiveCopy() {
        assertEquals(List.of(new ServePlan.ActiveHere()), ServePlan.of(SELF, new Placement(2, SELF, Set.of(OTHER)), false, true));
        assertEquals(List.of(new ServePlan.Ask(OTHER)), ServePlan.of(SELF, new Placement(2, OTHER, Set.of(SELF, THIRD)), false, true));
        assertEquals(List.of(), ServePlan.of(SELF, new Placement(2, OTHER, Set.of(SELF)), true, true));
    }

    @Test
    void noActiveKnownLeavesTheStandbys() {
        assertEquals(List.of(new ServePlan.Ask(OTHER), new ServePlan.Ask(THIRD)), plan(null, Set.of(THIRD, OTHER), false));
    }
}
