package spiral.explore.sweep;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes {@link SweepExecutor}s that live outside the core (a Spark cluster, say), found with
 * {@link ServiceLoader} so that the command line needs no compile-time dependency on them. A
 * module offers one by listing its class in
 * {@code META-INF/services/spiral.explore.sweep.SweepExecutorFactory}.
 */
public interface SweepExecutorFactory {
  /** The executor's name, as {@code --executor} takes it (e.g. {@code spark}). */
  String name();

  /**
   * An executor.
   *
   * @param master where it runs, in the executor's own terms (for Spark a master URL such as
   *     {@code local[*]} or {@code spark://host:7077}); null for its default
   * @throws IllegalArgumentException if {@code master} is not one it understands
   */
  SweepExecutor create(String master);

  /** The factory of the named executor on the class path, if any. */
  static Optional<SweepExecutorFactory> find(String name) {
    for (SweepExecutorFactory f : ServiceLoader.load(SweepExecutorFactory.class)) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
