package dev.rcidentity.model;

/** The account attributes an identity carries. */
public record AccountSummary(String companyName, String mainNumber, String status) {
}
