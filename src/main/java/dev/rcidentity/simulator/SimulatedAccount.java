package dev.rcidentity.simulator;

/**
 * One simulated RingCentral account (company). Its system extension, the main administrator, has the same id as
 * the account.
 */
public record SimulatedAccount(
        String accountId,
        String companyName,
        String mainNumber,
        String email,
        String domain,
        String brand,
        String city,
        String state,
        String street,
        String zip) {
}
