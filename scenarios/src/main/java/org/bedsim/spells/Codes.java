package org.bedsim.spells;

import java.util.Locale;
import java.util.Map;

/**
 * Admission types and discharge destinations as words or as NHS Data Dictionary codes (admission method, discharge
 * destination), and names made into bedsim ids.
 */
final class Codes {
    private static final Map<String, String> DESTINATIONS = Map.ofEntries(
            Map.entry("19", "home"), Map.entry("29", "home"), Map.entry("30", "home"), Map.entry("66", "home"),
            Map.entry("54", "care-home"), Map.entry("65", "care-home"), Map.entry("85", "care-home"),
            Map.entry("88", "care-home"), Map.entry("79", "died"), Map.entry("37", "other"),
            Map.entry("38", "other"), Map.entry("48", "other-hospital"), Map.entry("49", "other-hospital"),
            Map.entry("50", "other-hospital"), Map.entry("51", "other-hospital"), Map.entry("52", "other-hospital"),
            Map.entry("53", "other-hospital"), Map.entry("84", "other-hospital"), Map.entry("87", "other-hospital"),
            Map.entry("usual-residence", "home"), Map.entry("death", "died"), Map.entry("dead", "died"));

    private Codes() {
    }

    /** @return true (elective), false (non-elective), or null when unknown */
    static Boolean elective(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        switch (s) {
            case "elective", "el", "planned", "booked", "waiting_list", "11", "12", "13":
                return true;
            case "non_elective", "nonelective", "ne", "emergency", "non_emergency", "maternity", "21", "22", "23",
                    "24", "25", "2a", "2b", "2c", "2d", "28", "31", "32", "81", "82", "83", "84", "89":
                return false;
            default:
                return null;
        }
    }

    /** @return the sink or setting id a destination names, or null for an unknown numeric code */
    static String destination(String v) {
        String id = id(v);
        String mapped = DESTINATIONS.get(id);
        if (mapped != null) {
            return mapped;
        }
        if (id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return id;
    }

    /** @return {@code v} as a bedsim id: lower case, runs of other characters as one dash, at most 63 long */
    static String id(String v) {
        String fast = asciiId(v);
        if (fast != null) {
            return fast;
        }
        String s = v.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "x";
        }
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    /**
     * {@link #id} of an ASCII value by one pass over its characters (the regular expressions cost a third of a fit's
     * time on a million rows); null when the value has other characters, whose lower case needs the full rules.
     */
    private static String asciiId(String v) {
        int n = v.length();
        StringBuilder b = null;
        boolean dash = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                if (b == null) {
                    b = new StringBuilder(n);
                }
                if (dash && b.length() > 0) {
                    b.append('-');
                }
                dash = false;
                b.append(c);
            } else {
                dash = true;
            }
        }
        if (b == null) {
            return "x";
        }
        String s = b.toString();
        return s.length() > 63 ? s.substring(0, 63) : s;
    }
}
