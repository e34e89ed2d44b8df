package spiral.explore.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioParameters;
import spiral.sim.CompiledModel;
import spiral.sim.Progress;
import spiral.sim.SimulationSummary;
import spiral.sim.Simulator;
import spiral.sim.Stats;

/**
 * Runs a sweep into a results file: each point sets the parameters on the base scenario and is
 * simulated with the sweep's seed (common random numbers across points), so the results do not
 * depend on the number of threads or on the {@link SweepExecutor} that evaluates the points. Rows
 * go to {@code DIR/results.csv} in point order as they finish (in a local folder flushed one by
 * one; see {@link SweepFolder#rows}), so that an interrupted sweep can be resumed.
 */
public final class SweepRunner {
  /** The results file's name inside the output folder. */
  public static final String RESULTS = "results.csv";
  /** The copy of the sweep file kept next to the results. */
  public static final String SWEEP = "sweep.yaml";

  private final SweepExecutor executor;

  /** A runner on an executor. */
  public SweepRunner(SweepExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** A runner that evaluates points one after another on a simulator. */
  public SweepRunner(Simulator simulator) {
    this(new LocalSweepExecutor(simulator));
  }

  /** The results file's header: point, each parameter path, seed, each output. */
  public static String header(Sweep sweep) {
    List<String> cols = new ArrayList<>();
    cols.add("point");
    cols.addAll(sweep.names());
    cols.add("seed");
    cols.addAll(sweep.outputs());
    return String.join(",", cols);
  }

  /**
   * The outputs of one point.
   *
   * @param values the parameter values, in the sweep's order
   * @param progress told of runs done within the point
   */
  public static double[] evaluate(Sweep sweep, double[] values, Simulator simulator,
      Progress progress) {
    Map<String, Double> set = new LinkedHashMap<>();
    for (int j = 0; j < values.length; j++) {
      set.put(sweep.parameters().get(j).path(), values[j]);
    }
    Scenario sc = ScenarioParameters.with(sweep.scenario(), set);
    CompiledModel model = new CompiledModel(sc);
    Stats st = simulator.run(model, sweep.runs(), sweep.seed(), progress);
    SimulationSummary s = SimulationSummary.of(sc, model, st, sweep.seed());
    double[] out = new double[sweep.outputs().size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = switch (sweep.outputs().get(k)) {
        case "nuclearUse" -> s.outcomes().get("NUCLEAR_USE").p();
        case "contained" -> s.outcomes().get("CONTAINED").p();
        case "settlement" -> s.outcomes().get("SETTLEMENT").p();
        case "protracted" -> s.outcomes().get("PROTRACTED").p();
        case "directWar" -> s.flags().get("directWar").p();
        case "furtherAttacks" -> s.flags().get("furtherAttacks").p();
        case "meanMaxRung" -> s.maxRung().mean();
        default -> s.means().get(sweep.outputs().get(k)).mean();
      };
    }
    return out;
  }

  /** One results line (without the line end). */
  public static String row(int point, double[] values, long seed, double[] outputs) {
    StringBuilder b = new StringBuilder().append(point);
    for (double v : values) {
      b.append(',').append(v);
    }
    b.append(',').append(seed);
    for (double v : outputs) {
      b.append(',').append(v);
    }
    return b.toString();
  }

  /**
   * Runs the sweep into {@code dir/results.csv}, keeping a copy of the sweep as
   * {@code dir/sweep.yaml}: {@link #run(Sweep, SweepFolder, boolean, Progress)} on a local folder.
   */
  public int run(Sweep sweep, Path dir, boolean resume, Progress progress) throws IOException {
    return run(sweep, new LocalSweepFolder(dir), resume, progress);
  }

  /**
   * Runs the sweep into the folder's {@code results.csv}, keeping a copy of the sweep as its
   * {@code sweep.yaml}. Rows are added through {@link SweepFolder#rows}, so how soon a finished
   * row survives an interruption is the folder's to say; whatever survived is kept by a resume.
   * A run that fails before its first point, in a folder it created, removes what it wrote
   * there, so that a plain rerun is not refused.
   *
   * @param resume whether to keep the points already in an existing results file and run only
   *     the rest; without it an existing results file is an error
   * @param progress told of runs done over the whole sweep
   * @return how many points were already done (0 without resume)
   * @throws SweepException if the results file exists without resume, or its header does not
   *     match the sweep, or its rows are not the sweep's first points
   */
  public int run(Sweep sweep, SweepFolder dir, boolean resume, Progress progress)
      throws IOException {
    boolean fresh = !dir.exists();
    try {
      return runInto(sweep, dir, resume, progress);
    } catch (IOException | RuntimeException | Error e) {
      if (fresh) { // a failure before the first point leaves nothing that blocks a plain rerun
        removeUnstarted(dir);
      }
      throw e;
    }
  }

  private int runInto(Sweep sweep, SweepFolder dir, boolean resume, Progress progress)
      throws IOException {
    double[][] points = sweep.points();
    String file = dir.name(RESULTS);
    String header = header(sweep);
    int done = 0;
    dir.create();
    if (dir.exists(RESULTS)) {
      if (!resume) {
        throw new SweepException(file + " exists: use --resume to finish it, or another --out");
      }
      List<String> lines = completeLines(dir.read(RESULTS));
      if (lines.isEmpty() || !lines.get(0).equals(header)) {
        throw new SweepException(file + ": its header does not match this sweep (expected '"
            + header + "'); cannot resume, use another --out");
      }
      done = lines.size() - 1;
      if (done > points.length) {
        throw new SweepException(file + ": has " + done + " points, the sweep only "
            + points.length + "; cannot resume");
      }
      for (int i = 0; i < done; i++) {
        String line = lines.get(i + 1);
        if (!line.startsWith(i + ",")) {
          throw new SweepException(file + ":" + (i + 2) + ": expected point " + i
              + "; cannot resume");
        }
      }
      // drop an incomplete last line left by an interruption
      dir.write(RESULTS, String.join("\n", lines) + "\n");
    } else {
      dir.write(RESULTS, header + "\n");
    }
    dir.write(SWEEP, sweep.text());
    long total = (long) points.length * sweep.runs();
    try (SweepFolder.Rows w = dir.rows(RESULTS)) {
      executor.evaluate(sweep, done, (i, out) -> w.add(row(i, points[i], sweep.seed(), out)),
          progress == null ? Progress.NONE : progress);
    }
    if (progress != null) {
      progress.advance(total, total);
    }
    return done;
  }

  /** The lines that end with a line end (an unterminated last line is dropped). */
  static List<String> completeLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        String line = text.substring(start, i);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        out.add(line);
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * The output folder a sweep file gets when none is given: its file name (after the last '/'
   * or '\\', so a Hadoop URI's too) without its extension, or with {@code -results} where it
   * has none, relative to the working folder.
   */
  public static String defaultFolder(String sweepFile) {
    String name = sweepFile.substring(
        Math.max(sweepFile.lastIndexOf('/'), sweepFile.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name + "-results";
  }

  /**
   * Removes what a sweep that failed before its first point left in a folder it created (the
   * header-only results file and the copy of the sweep file), so that a plain rerun is not
   * refused; a folder with any result in it is left as it is. Best effort: a failure here is
   * swallowed, as the failure being reported matters more.
   */
  private static void removeUnstarted(SweepFolder dir) {
    try {
      if (dir.exists(RESULTS) && dir.read(RESULTS).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).count() > 1) {
        return;
      }
      for (String f : dir.files()) {
        dir.delete(f);
      }
      dir.deleteIfEmpty();
    } catch (IOException | RuntimeException e) {
      // best effort
    }
  }
}
