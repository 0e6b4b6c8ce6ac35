package org.bedsim.model;

import org.bedsim.dist.Distribution;

/**
 * How long a cohort's patients wait for a bed before they leave the queue (renege), and where they go.
 *
 * <p>Patience applies to the first queue for a bed a patient joins (its entry setting, or where it is redirected or
 * diverted to wait). A patient still waiting when its patience runs out leaves for {@code to}: a sink (home: it goes
 * home untreated, no readmission is drawn) or another setting (another site, a virtual ward), where it asks for a bed
 * as an arrival from outside and, if that is full, waits there without a second patience.
 *
 * @param after the patience, days, drawn for each patient as a pure function of its number (stream
 *     {@code patience/<cohort>})
 * @param to the sink or setting reneging patients go to
 */
public record Patience(Distribution after, String to) {

    /** Validates. */
    public Patience {
        if (after == null || to == null || to.isBlank()) {
            throw new IllegalArgumentException("patience needs a distribution and a destination");
        }
    }
}
