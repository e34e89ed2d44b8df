/**
 * History: the International Crisis Behavior (ICB) data inside the product, reference classes of
 * past crises with their base rates, and the calibration of a scenario's uncertain parameters to
 * a reference class (ABC-SMC).
 *
 * <p>Data: Michael Brecher, Jonathan Wilkenfeld, Kyle Beardsley, Patrick James and David Quinn,
 * <i>International Crisis Behavior Data Codebook, Version 14</i> (2017); Brecher and Wilkenfeld,
 * <i>A Study of Crisis</i> (University of Michigan Press, 1997/2000). The mapping of ICB codes onto
 * Spiral's outcomes is a modelling choice, documented in docs/HISTORY.md and {@link
 * spiral.history.HistoricalTarget}.
 */
package spiral.history;
