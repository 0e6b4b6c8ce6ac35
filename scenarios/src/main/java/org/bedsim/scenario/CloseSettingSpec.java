package org.bedsim.scenario;

/**
 * A site or ward closing: its arrivals, and every route, redirect and divert into it, go to another setting (a site
 * of any kind: another acute site, a community ward), where its patients take the stay and routing they had in the
 * closed one unless they have their own there.
 */
public record CloseSettingSpec(
        @Key(doc = "The setting that closes.", pattern = Key.NAME)
        String setting,
        @Key(doc = "The setting that receives its patients (not of kind home).", pattern = Key.NAME)
        String into) {
}
