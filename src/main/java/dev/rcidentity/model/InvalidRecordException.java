package dev.rcidentity.model;

/** Bad input: a record that is well-formed JSON but breaks the contract (missing or malformed ids, key mismatch). */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String message) {
        super(message);
    }
}
