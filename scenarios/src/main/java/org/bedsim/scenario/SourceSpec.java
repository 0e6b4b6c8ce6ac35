package org.bedsim.scenario;

/**
 * Where a figure comes from: a published document (by public title, publisher and date, then page or line) with the
 * quoted text (and how the figure used was derived from it), or an assumption with its reasoning. Exactly one of
 * {@code cite} and {@code assumed}.
 */
public record SourceSpec(
        @Key(doc = "The published source: the document's public title, publisher and date, then its page or line "
                + "(e.g. LLR STP draft, 21 Nov 2016, in Rutland HWB pack 31 Jan 2017, text line 335).", required = false)
        String cite,
        @Key(doc = "The text quoted from the source.", required = false)
        String quote,
        @Key(doc = "With cite: how the figure used was derived from the published one (e.g. scaled to one fifth "
                + "of the population).", required = false)
        String note,
        @Key(doc = "Instead of cite: the reasoning behind an assumption that has no published source.",
                required = false)
        String assumed,
        @Key(doc = "With cite: the public address of the document, where there is one.", required = false)
        String url,
        @Key(doc = "With cite: true when the document is independent evidence from outside the plan (national "
                + "statistics, a published study), false or left out when it is the plan's own.", required = false,
                defaultValue = "false")
        Boolean independent) {

    /** @return true if the source is independent evidence */
    public boolean isIndependent() {
        return Boolean.TRUE.equals(independent);
    }
}
