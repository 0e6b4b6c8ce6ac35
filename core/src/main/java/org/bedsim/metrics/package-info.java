/**
 * Measures planners report by period, computed from the flow model's day-by-day results: the Better Care Fund's
 * metrics by financial quarter and year (non-elective admissions, delayed transfers of care in days and per 100,000
 * adults, split by the owner of the awaited service, admissions to residential and nursing care per 100,000 aged 65
 * and over), and the population denominators they use. Plain arithmetic on arrays; no file formats.
 */
package org.bedsim.metrics;
