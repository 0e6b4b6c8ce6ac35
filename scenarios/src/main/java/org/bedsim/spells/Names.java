package org.bedsim.spells;

/** Names from extracts made into bedsim ids. */
public final class Names {
    private Names() {
    }

    /** @return {@code v} as an id: lower case, other characters as dashes, at most 63 long */
    public static String id(String v) {
        return Codes.id(v);
    }
}
