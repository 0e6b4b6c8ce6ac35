package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A place patients stay in (with beds over time), or a sink they leave to (kind {@code home}, no beds). */
public record SettingSpec(
        @Key(doc = "Id of the setting, used by cohorts' entry, los and routing.", pattern = Key.NAME)
        String name,
        @Key(doc = "What it is: acute (hospital ward or site), community (community hospital ward), virtual_ward "
                + "(caseload cared for at home), caseload (home-based slots: reablement, rapid response, early "
                + "supported discharge), interim (interim, intermediate care or care-home beds), home (a sink: "
                + "home, died, permanent placement).")
        Kind kind,
        @Key(doc = "What the setting is, for readers.", required = false)
        String description,
        @Key(doc = "Beds (or virtual beds) at the start; required for every kind but home.", required = false,
                min = 0, max = 1_000_000)
        Integer beds,
        @Key(doc = "Later changes of capacity, in date order, each inside the measured period.", required = false)
        List<CapacityChangeSpec> capacityChanges,
        @Key(doc = "What a patient arriving from outside does when every bed is taken: wait (queue, first come "
                + "first served), escalate (open up to escalation_beds extra beds, then wait), divert (go to "
                + "divert_to instead) or lose (turned away, counted as refused). Transfers from another setting "
                + "always wait in their current bed (a delayed transfer).", required = false,
                defaultValue = "\"wait\"")
        WhenFull whenFull,
        @Key(doc = "With when_full: escalate, the extra beds that can be opened.", required = false, min = 1,
                max = 100_000)
        Integer escalationBeds,
        @Key(doc = "With when_full: divert, the setting tried instead.", required = false, pattern = Key.NAME)
        String divertTo,
        @Key(doc = "Who gets a freed bed first: fifo (longest waiting), transfers_first (patients blocked in "
                + "another setting) or arrivals_first (patients from outside).", required = false,
                defaultValue = "\"fifo\"")
        Priority priority,
        @Key(doc = "Who a delay awaiting this setting is attributed to: social_care, nhs or joint (the delayed "
                + "transfers of care return's split). Left out: unattributed.", required = false)
        Owner owner,
        @Key(doc = "The discharge pathway this setting is, as planners name them: 0 home with no new support, 1 home "
                + "with reablement or rapid response, 2 intermediate care or discharge-to-assess beds, 3 nursing or "
                + "residential placement. Reports roll discharges up by it.", required = false, min = 0, max = 3)
        Integer pathway,
        @Key(doc = "true if every patient here is medically fit and awaiting a transfer (for example, waiting in an "
                + "acute bed for the assessment a pathway needs): the quarterly metrics count its midnight census as "
                + "delayed days, attributed to its owner. Its own KPIs are unchanged.", required = false,
                defaultValue = "false")
        Boolean delayedWhileHere,
        @Key(doc = "Id of the source (in 'sources') of the beds.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public SettingSpec {
        capacityChanges = Specs.frozen(capacityChanges);
    }

    /** @return true for a sink */
    public boolean isSink() {
        return kind == Kind.HOME;
    }

    /** @return the effective policy */
    public WhenFull effectiveWhenFull() {
        return whenFull == null ? WhenFull.WAIT : whenFull;
    }

    /** @return the effective priority */
    public Priority effectivePriority() {
        return priority == null ? Priority.FIFO : priority;
    }

    /** Kinds of setting. */
    public enum Kind {
        ACUTE, COMMUNITY, VIRTUAL_WARD, CASELOAD, INTERIM, HOME;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who a delay awaiting the setting is attributed to. */
    public enum Owner {
        SOCIAL_CARE, NHS, JOINT;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an arrival from outside does when the setting is full. */
    public enum WhenFull {
        WAIT, ESCALATE, DIVERT, LOSE;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who gets a freed bed first. */
    public enum Priority {
        FIFO, TRANSFERS_FIRST, ARRIVALS_FIRST;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
