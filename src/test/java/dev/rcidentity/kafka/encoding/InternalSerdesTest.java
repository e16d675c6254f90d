package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.ListedExtension;
import dev.rcidentity.model.LoginMark;
import dev.rcidentity.model.NumberEvent;
import dev.rcidentity.model.NumberHoldings;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalSerdesTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00.123456789Z");
    private static final Instant BEFORE_1970 = Instant.parse("1969-12-31T23:59:59.5Z");

    /** One value of every stored type with every field set, and one with every nullable field null. */
    private record Sample<T>(Serde<T> serde, T full, T sparse) {
    }

    private static final List<Sample<?>> SAMPLES = List.of(
            new Sample<>(InternalSerdes.EXTENSION_SNAPSHOT,
                    new ExtensionSnapshot("400001", "400101", "101", "Zoë Ångström ☎", "FutureType", "Sub", "Frozen",
                            true, true, new Contact("Zoë", "", "z@example.com", "Sales", "Lead"), "9", BEFORE_1970,
                            true, AT),
                    new ExtensionSnapshot("1", "2", null, null, null, null, null, false, false, null, null, null,
                            false, null)),
            new Sample<>(InternalSerdes.ACCOUNT_SNAPSHOT,
                    new AccountSnapshot("400001", "Acme ☃", "+16505550100", "Confirmed", "RingCentral", AT),
                    new AccountSnapshot("400001", null, null, null, null, null)),
            new Sample<>(InternalSerdes.IDENTITY_STATE,
                    new IdentityState(new Identity("400101", "400101", "400001", Resolution.DELETED, true, "101",
                            "Zoë", "User", "Enabled", Boolean.FALSE, new AccountSummary("Acme", "+1650", "Confirmed"),
                            BEFORE_1970, AT, Long.MAX_VALUE, "100", AT), "400001",
                            List.of(new LoginMark(AT, "poller"), new LoginMark(BEFORE_1970, null))),
                    new IdentityState(null, null, List.of())),
            new Sample<>(InternalSerdes.IDENTITY_STATE,
                    new IdentityState(new Identity("7", null, null, Resolution.UNRESOLVED, false, null, null, null,
                            null, Boolean.TRUE, null, null, null, 0, null, null), null, List.of()),
                    new IdentityState(new Identity(null, null, null, null, false, null, null, null, null, null, null,
                            null, null, -1, null, null), null, List.of(new LoginMark(null, null)))),
            new Sample<>(InternalSerdes.EXTENSION_HISTORY,
                    new ExtensionHistory(List.of(
                            new HistoryRow("400101:1", "400101", "400001", 1, BEFORE_1970, AT, false,
                                    HistoryRow.CREATED, "101", "Zoë", "User", "Enabled", true),
                            new HistoryRow("400101:2", "400101", "400001", 2, AT, null, true,
                                    "SOME_FUTURE_CHANGE", null, null, null, null, false))),
                    new ExtensionHistory(List.of())),
            new Sample<>(InternalSerdes.NUMBER_HOLDINGS,
                    new NumberHoldings(List.of(new NumberHoldings.Holding("400101", BEFORE_1970, AT),
                            new NumberHoldings.Holding("400102", AT, null))),
                    new NumberHoldings(List.of(new NumberHoldings.Holding(null, null, null)))),
            new Sample<>(InternalSerdes.NUMBER_EVENT,
                    new NumberEvent("400101", true, AT),
                    new NumberEvent(null, false, null)),
            new Sample<>(InternalSerdes.LISTED_EXTENSION,
                    new ListedExtension("400101", "Frozen", "FutureType", true),
                    new ListedExtension("2", null, null, false)));

    @SuppressWarnings("unchecked")
    private static <T> void forEachValue(ValueCheck check) {
        for (Sample<?> sample : SAMPLES) {
            Sample<T> s = (Sample<T>) sample;
            check.check(s.serde(), s.full());
            check.check(s.serde(), s.sparse());
        }
    }

    private interface ValueCheck {
        <T> void check(Serde<T> serde, T value);
    }

    private static <T> byte[] write(Serde<T> serde, T value) {
        return serde.serializer().serialize("t", value);
    }

    private static <T> T read(Serde<T> serde, byte[] bytes) {
        return serde.deserializer().deserialize("t", bytes);
    }

    private static String typeName(Object value) {
        return value.getClass().getSimpleName();
    }

    @Test
    void everyTypeRoundTripsExactlyWithAllFieldsAndWithNulls() {
        forEachValue(new ValueCheck() {
            @Override
            public <T> void check(Serde<T> serde, T value) {
                byte[] bytes = write(serde, value);
                assertEquals(CompactSerde.FORMAT_V1, bytes[0]);
                assertEquals(value, read(serde, bytes));
            }
        });
    }

    @Test
    void readsTheJsonThatEarlierVersionsWrote() {
        forEachValue(new ValueCheck() {
            @Override
            public <T> void check(Serde<T> serde, T value) {
                byte[] json = Json.serializer().serialize("t", value);
                assertEquals('{', json[0]);
                // JSON loses nothing these values hold, so it reads back to the same value.
                assertEquals(value, read(serde, json));
            }
        });
    }

    @Test
    void aWholeSnapshotThatEarlierVersionsListedReadsAsItsListingEntry() {
        ExtensionSnapshot snapshot = new ExtensionSnapshot("400001", "400101", "101", "Zoë", "User", null, "Enabled",
                false, false, null, null, AT, true, AT);
        byte[] json = Json.serializer().serialize("account-extensions", snapshot);
        assertEquals(ListedExtension.of(snapshot), InternalSerdes.LISTED_EXTENSION.deserializer()
                .deserialize("account-extensions", json));
    }

    @Test
    void isSmallerThanJson() {
        forEachValue(new ValueCheck() {
            @Override
            public <T> void check(Serde<T> serde, T value) {
                byte[] binary = write(serde, value);
                byte[] json = Json.serializer().serialize("t", value);
                assertTrue(binary.length * 2 < json.length, typeName(value) + ": " + binary.length + " vs " + json.length);
            }
        });
    }

    @Test
    void aTruncatedValueFailsNamingTheTypeAtEveryLength() {
        forEachValue(new ValueCheck() {
            @Override
            public <T> void check(Serde<T> serde, T value) {
                byte[] bytes = write(serde, value);
                for (int length = 1; length < bytes.length; length++) {
                    byte[] prefix = Arrays.copyOf(bytes, length);
                    SerializationException e = assertThrows(SerializationException.class, () -> read(serde, prefix),
                            typeName(value) + " cut to " + length + " of " + bytes.length + " bytes");
                    assertTrue(e.getMessage().startsWith("Malformed " + typeName(value) + " (format 1) in t: "),
                            e.getMessage());
                }
            }
        });
    }

    @Test
    void bytesLeftOverAfterTheValueAreRefused() {
        forEachValue(new ValueCheck() {
            @Override
            public <T> void check(Serde<T> serde, T value) {
                byte[] bytes = write(serde, value);
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
                SerializationException e = assertThrows(SerializationException.class, () -> read(serde, longer));
                assertTrue(e.getMessage().contains(typeName(value)) && e.getMessage().contains("1 bytes left over"),
                        e.getMessage());
            }
        });
    }

    @Test
    void anUnknownFormatByteIsRefused() {
        byte[] bytes = write(InternalSerdes.NUMBER_EVENT, new NumberEvent("1", true, AT));
        bytes[0] = 2;
        SerializationException e = assertThrows(SerializationException.class,
                () -> read(InternalSerdes.NUMBER_EVENT, bytes));
        assertEquals("Unknown format byte 0x02 for NumberEvent in t (this version reads 0x01 and JSON)", e.getMessage());
    }

    @Test
    void corruptBytesFailInsteadOfGivingAWrongValue() {
        byte[] event = write(InternalSerdes.NUMBER_EVENT, new NumberEvent("1", true, AT));
        event[3] = 7; // the 'held' boolean: format, length 2, '1', held
        assertThrows(SerializationException.class, () -> read(InternalSerdes.NUMBER_EVENT, event));

        byte[] history = {CompactSerde.FORMAT_V1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        SerializationException e = assertThrows(SerializationException.class,
                () -> read(InternalSerdes.EXTENSION_HISTORY, history));
        assertTrue(e.getMessage().contains("ExtensionHistory") && e.getMessage().contains("overruns"), e.getMessage());

        byte[] state = write(InternalSerdes.IDENTITY_STATE, SAMPLES.get(2).full() instanceof IdentityState s ? s : null);
        state[2 + 1 + 6 + 1 + 6 + 1 + 6] = 9; // the Resolution code after presence, ownerId, extensionId, accountId
        e = assertThrows(SerializationException.class, () -> read(InternalSerdes.IDENTITY_STATE, state));
        assertTrue(e.getMessage().contains("unknown Resolution code 9"), e.getMessage());
    }

    @Test
    void aValueThatBreaksTheModelsRulesIsInvalidNotWrong() {
        byte[] bytes = write(InternalSerdes.ACCOUNT_SNAPSHOT, new AccountSnapshot("400001", null, null, null, null, null));
        bytes[2] = 'x'; // the first digit of the account id
        SerializationException e = assertThrows(SerializationException.class,
                () -> read(InternalSerdes.ACCOUNT_SNAPSHOT, bytes));
        assertTrue(e.getMessage().startsWith("Invalid AccountSnapshot in t: "), e.getMessage());
    }

    @Test
    void nullAndEmptyBytesAreTombstones() {
        assertNull(write(InternalSerdes.IDENTITY_STATE, null));
        assertNull(read(InternalSerdes.IDENTITY_STATE, null));
        assertNull(read(InternalSerdes.IDENTITY_STATE, new byte[0]));
    }

    @Test
    void writesTheSameBytesFromEveryThread() throws Exception {
        ExtensionSnapshot snapshot = (ExtensionSnapshot) SAMPLES.get(0).full();
        byte[] here = write(InternalSerdes.EXTENSION_SNAPSHOT, snapshot);
        byte[][] there = new byte[1][];
        Thread thread = new Thread(() -> there[0] = write(InternalSerdes.EXTENSION_SNAPSHOT, snapshot));
        thread.start();
        thread.join();
        assertArrayEquals(here, there[0]);
    }
}
