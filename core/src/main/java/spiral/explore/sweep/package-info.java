/**
 * Parameter sweeps: a sweep file names a scenario, the parameters to vary and a design; the
 * runner simulates every design point and writes one CSV row per point, resumably.
 */
package spiral.explore.sweep;
