/**
 * Spell extracts: reading them (CSV, streaming, every bad row counted and located), turning them into the arrays
 * {@code org.bedsim.fit} estimates from, writing the fitted scenario and its report, the spell log a run writes
 * ({@code run --spells-out}) and the back-test of a scenario against an observed census.
 */
package org.bedsim.spells;
