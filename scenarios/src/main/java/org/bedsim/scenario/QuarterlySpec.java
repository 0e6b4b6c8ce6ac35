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
        @Key(doc = "Published actuals and plans by quarter or financial year, shown beside the model's (the chart "
                + "of delayed days draws them); never used to compute anything.", required = false)
        List<PublishedFigureSpec> published,
        @Key(doc = "Id of the source (in 'sources') of what is counted: the owners of the settings, the care-home "
                + "sinks.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public QuarterlySpec {
        careHomeSinks = Specs.frozen(careHomeSinks);
        published = Specs.frozen(published);
    }
}
