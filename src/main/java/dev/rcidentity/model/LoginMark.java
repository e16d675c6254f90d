package dev.rcidentity.model;

import java.time.Instant;

/** What makes a login recognisable when it is replayed: when it happened and who reported it. */
public record LoginMark(Instant at, String source) {
}
