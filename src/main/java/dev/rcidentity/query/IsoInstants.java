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
    private static final long YEAR_0 = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L;

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

    /**
     * {@code instant} in the plain UTC form, with nine digits of fraction when it has one ({@link Instant#parse} reads
     * it back as the same instant); {@link Instant#toString} outside the years 0000-9999.
     */
    static String plainUtc(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        StringBuilder out = new StringBuilder(SECONDS_END + 11);
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2).append('T');
        pad(out, secondOfDay / 3_600, 2).append(':');
        pad(out, secondOfDay / 60 % 60, 2).append(':');
        pad(out, secondOfDay % 60, 2);
        if (instant.getNano() != 0) {
            pad(out.append('.'), instant.getNano(), 9);
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        out.append("0".repeat(width - digits.length()));
        return out.append(digits);
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
