package org.bedsim.model;

/**
 * What happens to a patient arriving from outside (an emergency or referral arrival) who finds a setting full.
 * Transfers from another setting never use it: they stay, blocked, in their current bed (a delayed transfer of care),
 * except that escalation beds and a divert target serve them as well.
 *
 * @param kind the policy
 * @param escalationBeds for {@link Kind#ESCALATE}: extra beds opened beyond capacity, &gt;= 1; otherwise 0
 * @param divertTo for {@link Kind#DIVERT}: the setting tried instead; otherwise null
 */
public record AdmissionPolicy(Kind kind, int escalationBeds, String divertTo) {

    /** The policies. */
    public enum Kind {
        /** Wait, first come first served, for a bed (e.g. in the emergency department). */
        WAIT,
        /** Open up to {@code escalationBeds} extra beds, then wait. */
        ESCALATE,
        /** Go to {@code divertTo} instead; if it is full too, wait for this setting. */
        DIVERT,
        /** Turned away (out of area); counted as refused. */
        LOSE
    }

    /** The default policy: wait. */
    public static final AdmissionPolicy WAIT = new AdmissionPolicy(Kind.WAIT, 0, null);
    /** Turned away when full. */
    public static final AdmissionPolicy LOSE = new AdmissionPolicy(Kind.LOSE, 0, null);

    /** Validates the combination of fields. */
    public AdmissionPolicy {
        if (kind == null) {
            throw new IllegalArgumentException("policy kind is required");
        }
        if (kind == Kind.ESCALATE ? escalationBeds < 1 : escalationBeds != 0) {
            throw new IllegalArgumentException("escalation beds must be >= 1 with ESCALATE and 0 otherwise, was "
                    + escalationBeds + " with " + kind);
        }
        if ((kind == Kind.DIVERT) != (divertTo != null && !divertTo.isEmpty())) {
            throw new IllegalArgumentException("divertTo must name a setting with DIVERT and only then, was '"
                    + divertTo + "' with " + kind);
        }
    }

    /** @return escalate by {@code beds} extra beds */
    public static AdmissionPolicy escalate(int beds) {
        return new AdmissionPolicy(Kind.ESCALATE, beds, null);
    }

    /** @return divert to {@code setting} */
    public static AdmissionPolicy divert(String setting) {
        return new AdmissionPolicy(Kind.DIVERT, 0, setting);
    }
}
