/**
 * Estimation from observations, arrays in: censored maximum-likelihood fits of length-of-stay families with AIC
 * choice, a goodness-of-fit distance and a Kaplan-Meier fallback; arrival volumes, weekday and month profiles and a
 * log-linear trend from daily counts (a Poisson regression with over-dispersion); shares with intervals; MSER-5
 * warm-up detection. No file formats: the scenarios layer turns extracts into these arrays.
 */
package org.bedsim.fit;
