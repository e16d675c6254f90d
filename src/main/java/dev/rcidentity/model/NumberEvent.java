package dev.rcidentity.model;

import java.time.Instant;

/** An extension took ({@code held}) or gave up a number at a time; keyed {@code <accountId>/<extensionNumber>}. */
public record NumberEvent(String extensionId, boolean held, Instant at) {
}
