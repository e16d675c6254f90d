package dev.rcidentity.model;

/** RingCentral ids travel as strings holding decimal 64-bit integers. */
public final class Ids {
    private Ids() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 19) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Checks a required id; the message names the record and the field, never the whole payload. */
    public static String require(String id, String record, String field) {
        if (id == null || id.isEmpty()) {
            throw new InvalidRecordException(record + " without " + field);
        }
        if (!isValid(id)) {
            throw new InvalidRecordException(record + " has a malformed " + field + " (expected a decimal id): " + abbreviate(id));
        }
        return id;
    }

    /** Checks an optional id: null passes, anything else must be a decimal id. */
    public static String optional(String id, String record, String field) {
        return id == null || id.isEmpty() ? null : require(id, record, field);
    }

    /** A value short enough to quote in an error message ("null" for none). */
    public static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
