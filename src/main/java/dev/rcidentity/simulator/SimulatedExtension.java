package dev.rcidentity.simulator;

import java.time.Instant;
import java.util.Set;

/**
 * One extension as the simulator holds it. Ids are decimal strings; the wire format renders {@code id} as a JSON
 * number like RingCentral does. {@code extensionNumber}, {@code name} and the contact fields are null where
 * RingCentral leaves them out (an Unassigned seat has no number and no person).
 */
public record SimulatedExtension(
        String id,
        String accountId,
        String extensionNumber,
        String name,
        String type,
        String subType,
        String status,
        String firstName,
        String lastName,
        String email,
        String jobTitle,
        String department,
        boolean admin,
        boolean internationalCalling,
        boolean hidden,
        String siteId,
        String siteName,
        Instant creationTime) {

    public long numericId() {
        return Long.parseLong(id);
    }

    public boolean isSystemExtension() {
        return id.equals(accountId);
    }

    public boolean isUnassigned() {
        return ExtensionStatus.UNASSIGNED.equals(status);
    }

    /** A person's user extension (not a queue, menu, room... and not an empty seat). */
    public boolean isPerson() {
        return "User".equals(type) && !isUnassigned();
    }

    SimulatedExtension withNumber(String number) {
        return new SimulatedExtension(id, accountId, number, name, type, subType, status, firstName, lastName, email,
                jobTitle, department, admin, internationalCalling, hidden, siteId, siteName, creationTime);
    }

    SimulatedExtension withStatus(String newStatus) {
        return new SimulatedExtension(id, accountId, extensionNumber, name, type, subType, newStatus, firstName,
                lastName, email, jobTitle, department, admin, internationalCalling, hidden, siteId, siteName,
                creationTime);
    }

    SimulatedExtension withPerson(String newFirstName, String newLastName, String newEmail, String newJobTitle,
                                  String newDepartment) {
        String newName = newFirstName + " " + newLastName;
        return new SimulatedExtension(id, accountId, extensionNumber, newName, type, subType, status, newFirstName,
                newLastName, newEmail, newJobTitle, newDepartment, admin, internationalCalling, hidden, siteId,
                siteName, creationTime);
    }

    /** Status values RingCentral documents; the simulator emits only these. */
    static final class ExtensionStatus {
        static final String ENABLED = "Enabled";
        static final String DISABLED = "Disabled";
        static final String FROZEN = "Frozen";
        static final String NOT_ACTIVATED = "NotActivated";
        static final String UNASSIGNED = "Unassigned";
        static final Set<String> ALL = Set.of(ENABLED, DISABLED, FROZEN, NOT_ACTIVATED, UNASSIGNED);

        private ExtensionStatus() {
        }
    }
}
