package org.bedsim.spells;

/** The kinds of bad row an extract can have; each is counted, located by line, and the row refused. */
public enum Problem {
    WRONG_FIELD_COUNT("wrong number of fields"),
    NO_SETTING("no setting"),
    NO_ADMISSION_DATE("no admission date"),
    BAD_ADMISSION_DATE("admission date not understood"),
    BAD_DISCHARGE_DATE("discharge date not understood"),
    DISCHARGE_BEFORE_ADMISSION("discharged before admitted"),
    BAD_READY_DATE("ready-for-discharge date not understood or outside the stay"),
    FUTURE_DATE("date in the future"),
    DATE_OUT_OF_RANGE("date before 1990 or after 2099"),
    DUPLICATE_ID("duplicate spell id"),
    NEGATIVE_AGE("negative age"),
    UNKNOWN_ADMISSION_TYPE("unknown admission type or method code"),
    NO_DESTINATION("discharged with no destination"),
    UNKNOWN_DESTINATION("unknown discharge destination code");

    private final String text;

    Problem(String text) {
        this.text = text;
    }

    /** @return what the problem is, for people */
    public String text() {
        return text;
    }
}
