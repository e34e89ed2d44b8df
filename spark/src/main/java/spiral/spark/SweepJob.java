package spiral.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepRunner;

/**
 * The sweep as a job for {@code spark-submit}:
 * {@code spark-submit --class spiral.spark.SweepJob spiral-spark.jar SWEEP.yaml [--dir DIR]
 * [--resume]}. The master comes from spark-submit ({@code --master}), else
 * {@value SparkSweepExecutor#DEFAULT_MASTER}. Writes {@code DIR/results.csv} like
 * {@code spiral sweep}. Exit status 2 for bad input, 1 for a failure. Cost: that of the sweep.
 */
public final class SweepJob {
  static final String USAGE = "usage: spark-submit --class spiral.spark.SweepJob spiral-spark.jar"
      + " SWEEP.yaml [--dir DIR] [--resume]";

  private SweepJob() {}

  /** Runs the job and exits with its status. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the job on the master Spark's configuration names.
   *
   * @return 0, 2 for bad input, 1 for a failure
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, new SparkSweepExecutor(null), out, err);
  }

  static int run(String[] args, SparkSweepExecutor executor, PrintStream out, PrintStream err) {
    String file = null;
    String dir = null;
    boolean resume = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--resume")) {
        resume = true;
      } else if ((a.equals("--dir") || a.equals("--out")) && i + 1 < args.length) {
        dir = args[++i]; // --out: the old name of --dir
      } else if (a.startsWith("--dir=") || a.startsWith("--out=")) {
        dir = a.substring("--dir=".length());
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (!a.startsWith("-") && file == null) {
        file = a;
      } else {
        err.println("spiral: unexpected argument '" + a + "'");
        err.println(USAGE);
        return 2;
      }
    }
    if (file == null) {
      err.println("spiral: missing the sweep file");
      err.println(USAGE);
      return 2;
    }
    for (String where : new String[] {file, dir}) {
      String scheme = where == null ? null : SweepFolder.scheme(where);
      if (scheme != null) { // never a local folder named after the scheme
        err.println("spiral: " + where + ": SweepJob reads and writes local files only, not yet"
            + " '" + scheme + ":'; for a Hadoop file system run 'spiral sweep SWEEP.yaml --dir URI"
            + " --executor spark'");
        return 2;
      }
    }
    try {
      return run(Path.of(file), dir == null ? null : Path.of(dir), resume, executor, out, err);
    } catch (java.nio.file.InvalidPathException e) {
      err.println("spiral: " + e.getMessage());
      return 2;
    }
  }

  private static int run(Path file, Path dir, boolean resume, SparkSweepExecutor executor,
      PrintStream out, PrintStream err) {
    if (!Files.isRegularFile(file)) {
      err.println("spiral: " + file + ": no such sweep file");
      return 2;
    }
    try {
      Sweep sweep = Sweep.read(file);
      if (dir == null) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        dir = Path.of(dot > 0 ? name.substring(0, dot) : name + "-results");
      }
      int skipped = new SweepRunner(executor).run(sweep, dir, resume, null);
      out.println(String.format(Locale.ROOT, "%s: %,d points x %,d runs (%s design%s) -> %s",
          file, sweep.points().length, sweep.runs(), sweep.design().type(),
          skipped > 0 ? String.format(Locale.ROOT, ", %,d resumed", skipped) : "",
          dir.resolve(SweepRunner.RESULTS)));
      return 0;
    } catch (SweepException e) {
      err.println("spiral: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("spiral: error: " + e.getMessage());
      return 1;
    }
  }
}
