/**
 * Parameter sweeps: a sweep file names a scenario, the parameters to vary and a design; the
 * runner simulates every design point and writes one CSV row per point, in point order and
 * resumably; the local executor evaluates several points at once on the worker threads, with the
 * same results to the bit. {@link spiral.explore.sweep.OneAtATime} re-evaluates a sweep for its
 * tornado.
 */
package spiral.explore.sweep;
