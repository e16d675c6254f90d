package dev.rcidentity.model;

public record Contact(String firstName, String lastName, String email, String department, String jobTitle) {
}
