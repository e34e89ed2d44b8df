package spiral.explore.sweep;

import java.io.Serializable;

/**
 * One computation applied to many independent inputs by a {@link BatchSession}, for work that is
 * not a sweep's grid of points: a calibration's candidate parameter sets, each with its own seed.
 * It may travel to another machine, so it is serializable, and its result must depend on its
 * input alone (never on where, when or beside what it ran), which keeps results the same on any
 * executor.
 */
@FunctionalInterface
public interface BatchTask extends Serializable {
  /** The outputs for one input. */
  double[] apply(double[] input);
}
