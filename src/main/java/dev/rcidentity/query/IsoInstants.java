package dev.rcidentity.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one form of time batches carry in bulk, {@code 2026-03-01T09:00:00Z} with an optional fraction of up to
 * nine digits, without {@link java.time.format.DateTimeFormatter} (a number batch reads 1,000 of them, and the
 * formatter was half of its parsing). Anything else is left to {@link Instant#parse}.
 */
final class IsoInstants {
    private static final int SECONDS_END = 19; // "2026-03-01T09:00:00"

    private IsoInstants() {
    }

    /** The instant {@code text} names in the plain UTC form, or null when it is in any other form. */
    static Instant plainUtc(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length > SECONDS_END + 11 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            if (text.charAt(SECONDS_END) != '.' || length == SECONDS_END + 2) {
                return null;
            }
            int fraction = digits(text, SECONDS_END + 1, length - 1);
            nanos = fraction < 0 ? -1 : fraction * (int) Math.pow(10, SECONDS_END + 11 - length);
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
