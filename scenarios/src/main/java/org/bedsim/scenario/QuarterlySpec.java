package org.bedsim.scenario;

import java.util.List;

/**
 * The Better Care Fund metrics by financial quarter (Q1 April-June): which population bands are the denominators,
 * which sinks are permanent residential or nursing care, and the published figures to compare the model with.
 */
public record QuarterlySpec(
        @Key(doc = "Age band (in 'population') of adults 18+: the denominator of delayed transfers of care per "
                + "100,000 adults.", required = false, pattern = Key.NAME)
        String adults,
        @Key(doc = "Age band (in 'population') of people aged 65+: the denominator of care-home admissions per "
                + "100,000; cohorts with this age_band are the ones counted.", required = false, pattern = Key.NAME)
        String older,
        @Key(doc = "Sinks that are permanent admissions to residential or nursing care.", required = false,
                pattern = Key.NAME)
        List<String> careHomeSinks,
        @Key(doc = "Settings of reablement or rehabilitation (home reablement, intermediate care): the share of "
                + "people aged 65+ (the cohorts of age band 'older') discharged from hospital into one of them who "
                + "are still at home 91 days later is reported by quarter of the discharge (Better Care Fund metric "
                + "4.3). Needs older and home_sinks.", required = false, pattern = Key.NAME)
        List<String> reablement,
        @Key(doc = "Sinks that are the patient's own home, for the reablement outcome: a patient who reached one "
                + "of them within 91 days is at home; another sink (a care home, death) or still being in care is "
                + "not.", required = false, pattern = Key.NAME)
        List<String> homeSinks,
        @Key(doc = "Published actuals and plans by quarter or financial year, shown beside the model's (the chart "
                + "of delayed days draws them); never used to compute anything.", required = false)
        List<PublishedFigureSpec> published,
        @Key(doc = "Id of the source (in 'sources') of what is counted: the owners of the settings, the care-home "
                + "sinks.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public QuarterlySpec {
        careHomeSinks = Specs.frozen(careHomeSinks);
        reablement = Specs.frozen(reablement);
        homeSinks = Specs.frozen(homeSinks);
        published = Specs.frozen(published);
    }
}
