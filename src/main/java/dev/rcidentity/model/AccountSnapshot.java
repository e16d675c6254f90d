package dev.rcidentity.model;

import java.time.Instant;

/** A RingCentral account (a company) as a sweep saw it. */
public record AccountSnapshot(
        String accountId,
        String companyName,
        String mainNumber,
        String status,
        String brand,
        Instant observedAt) {

    public AccountSnapshot {
        Ids.require(accountId, "AccountSnapshot", "accountId");
    }

    public AccountSummary summary() {
        return new AccountSummary(companyName, mainNumber, status);
    }
}
