package dev.rcidentity.connections;

import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.rcidentity.connections.InvalidTokenException.Reason.EXPIRED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.FORGED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.OVERLOADED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.REPLAYED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectLinksTest {
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final ConnectLinks links = ConnectLinks.from(CredentialKeys.of(CredentialCipherTest.newKey(), List.of()),
            Duration.ofHours(24), clock);

    @Test
    void aLinkRedeemsOnceWithinItsValidity() {
        ConnectLinks.Link link = links.create("Acme Corp");
        assertEquals("Acme Corp", link.name());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), link.expiresAt());
        assertTrue(link.linkId().matches("[A-Za-z0-9_.-]+"), "safe in a URL query: " + link.linkId());
        clock.advance(Duration.ofHours(23));
        assertEquals("Acme Corp", links.redeem(link.linkId()));
        assertEquals(REPLAYED, assertThrows(InvalidTokenException.class, () -> links.redeem(link.linkId())).reason());
    }

    @Test
    void anExpiredOrForeignLinkIsRefused() {
        ConnectLinks.Link link = links.create("acme");
        clock.advance(Duration.ofHours(24));
        assertEquals(EXPIRED, assertThrows(InvalidTokenException.class, () -> links.redeem(link.linkId())).reason());
        String foreign = ConnectLinks.from(CredentialKeys.of(CredentialCipherTest.newKey(), List.of()),
                Duration.ofHours(1), clock).create("acme").linkId();
        assertEquals(FORGED, assertThrows(InvalidTokenException.class, () -> links.redeem(foreign)).reason());
    }

    @Test
    void namesAndValidityAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> links.create(" "));
        assertThrows(IllegalArgumentException.class, () -> links.create("x".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> new ConnectLinks(new byte[32], Duration.ofDays(8), clock));
        assertThrows(IllegalArgumentException.class, () -> new ConnectLinks(new byte[32], Duration.ZERO, clock));
    }

    @Test
    void usedIdsAreForgottenOnlyOnceTheyExpireAndAFullTrackerRefusesRatherThanForgets() {
        SingleUse used = new SingleUse(2);
        var now = clock.instant();
        assertTrue(used.claim("a", now.plusSeconds(10), now, "link"));
        assertFalse(used.claim("a", now.plusSeconds(10), now, "link"));
        assertTrue(used.claim("b", now.plusSeconds(20), now, "link"));
        assertEquals(OVERLOADED, assertThrows(InvalidTokenException.class,
                () -> used.claim("c", now.plusSeconds(30), now, "link")).reason());
        assertTrue(used.claim("c", now.plusSeconds(30), now.plusSeconds(10), "link"));
        assertEquals(2, used.size());
        assertFalse(used.claim("b", now.plusSeconds(20), now.plusSeconds(10), "link"));
    }
}
