package spiral.spark;

import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepExecutorFactory;

/**
 * Offers {@link SparkSweepExecutor} as the {@code spark} executor to {@code spiral sweep
 * --executor spark}, through {@link java.util.ServiceLoader}. Cost: nothing until a sweep runs.
 */
public final class SparkSweepExecutorFactory implements SweepExecutorFactory {
  /** The factory (for the service loader). */
  public SparkSweepExecutorFactory() {}

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public SweepExecutor create(String master) {
    return new SparkSweepExecutor(master == null ? SparkSweepExecutor.DEFAULT_MASTER : master);
  }
}
