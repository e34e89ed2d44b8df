package spiral.history;

import java.util.List;
import java.util.Objects;
import spiral.explore.sweep.BatchTask;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;

/**
 * A calibration's simulator as a {@link BatchTask} that can travel to a cluster: it carries the
 * scenario as text (a built-in name, or a scenario file's bytes), the fitted parameters' paths,
 * the targets and the class sizes, and rebuilds the scenario once per JVM. An input is the
 * candidate's seed, as its high and low 32 bits (each exact in a double; a seed's 64 bits read as
 * one double would be a NaN for one seed in 2,048, and serialisation does not keep a NaN's bits),
 * followed by θ; the output is the synthetic class's count of each target. The counts are those of {@link Calibration}'s local simulator, to the bit.
 *
 * <p>Cost per input: compiling the model at θ and one run per crisis of the class.
 */
public final class CalibrationTask implements BatchTask {
  private static final long serialVersionUID = 1L;

  private final String scenarioName;
  private final byte[] scenarioContent;
  private final List<String> paths;
  private final List<String> targets;
  private final long[] trials;
  private transient AbcSmc.Simulator simulator;

  /**
   * A task for a scenario.
   *
   * @param scenarioName a built-in scenario's name, or the scenario file's name (for messages)
   * @param scenarioContent the scenario file's bytes, or null for a built-in scenario
   * @param paths the fitted parameters
   * @param targets the targets' ids ({@link HistoricalTarget#of})
   * @param trials the class size per target
   */
  public CalibrationTask(String scenarioName, byte[] scenarioContent, List<String> paths, List<String> targets, long[] trials) {
    this.scenarioName = Objects.requireNonNull(scenarioName, "scenarioName");
    this.scenarioContent = scenarioContent == null ? null : scenarioContent.clone();
    this.paths = List.copyOf(paths);
    this.targets = List.copyOf(targets);
    this.trials = trials.clone();
    if (this.targets.size() != this.trials.length) {
      throw new IllegalArgumentException("one class size per target");
    }
  }

  /**
   * The scenario this task rebuilds from its text.
   *
   * @throws IllegalArgumentException listing the scenario's problems, if it has any
   */
  public Scenario scenario() {
    try {
      return scenarioContent == null ? ScenarioLoader.resolve(scenarioName) : ScenarioLoader.parse(scenarioName, scenarioContent);
    } catch (spiral.scenario.ScenarioException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** An input row: the seed's high and low 32 bits, then θ. */
  public static double[] input(long seed, double[] theta) {
    double[] in = new double[theta.length + 2];
    in[0] = seed >>> 32;
    in[1] = seed & 0xFFFFFFFFL;
    System.arraycopy(theta, 0, in, 2, theta.length);
    return in;
  }

  /** The seed of an input row. */
  static long seed(double[] input) {
    return ((long) input[0] << 32) | (long) input[1];
  }

  @Override
  public double[] apply(double[] input) {
    AbcSmc.Simulator sim;
    synchronized (this) {
      if (simulator == null) {
        simulator = Calibration.simulator(scenario(), paths, targets.stream().map(HistoricalTarget::of).toList(), trials);
      }
      sim = simulator;
    }
    double[] theta = java.util.Arrays.copyOfRange(input, 2, input.length);
    long[] counts = new long[trials.length];
    sim.simulate(theta, seed(input), counts);
    double[] out = new double[counts.length];
    for (int j = 0; j < counts.length; j++) {
      out[j] = counts[j];
    }
    return out;
  }

  /** The task as ABC-SMC's batch simulator on a session. */
  public AbcSmc.BatchSimulator on(spiral.explore.sweep.BatchSession session) {
    return (thetas, seeds, counts) -> {
      double[][] in = new double[thetas.length][];
      for (int c = 0; c < thetas.length; c++) {
        in[c] = input(seeds[c], thetas[c]);
      }
      double[][] out = session.evaluate(this, in);
      for (int c = 0; c < thetas.length; c++) {
        for (int j = 0; j < counts[c].length; j++) {
          counts[c][j] = (long) out[c][j];
        }
      }
    };
  }
}
