package spiral.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.LocalSweepFolder;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepRunner;
import spiral.io.HadoopFiles;
import spiral.io.HadoopSweepFolder;
import spiral.io.HadoopSweeps;

/**
 * The sweep as a job for {@code spark-submit}:
 * {@code spark-submit --class spiral.spark.SweepJob SUBMIT-JAR SWEEP.yaml [--dir DIR] [--resume]}
 * with the submit jar of the cluster's Spark line. The master comes from spark-submit
 * ({@code --master}), else {@value SparkSweepExecutor#DEFAULT_MASTER}; a Spark context that is
 * running already (a managed platform's job) is used and left running. Writes
 * {@code DIR/results.csv} like {@code spiral sweep}. The sweep file and {@code DIR} may be local
 * paths or URIs of any Hadoop file system whose connector is on the driver's class path ({@code
 * hdfs://}, {@code s3a://}, ...; Spark's distributions carry Hadoop's client), written as {@code
 * spiral sweep} writes them there ({@link HadoopSweepFolder}). In cluster deploy mode local paths
 * must be absolute (on a file system the cluster shares). Exit status 2 for bad input, 1 for a
 * failure. Cost: that of the sweep.
 */
public final class SweepJob {
  static final String USAGE = "usage: spark-submit --class spiral.spark.SweepJob"
      + " spiral-spark-SPARKLINE.jar SWEEP.yaml [--dir DIR] [--resume]";

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
    String relative = clusterRelative(System.getProperty(DEPLOY_MODE), file, dir);
    if (relative != null) {
      err.println("spiral: " + relative);
      return 2;
    }
    return run(file, dir, resume, executor, out, err);
  }

  /** The setting (a Java property in the driver) that spark-submit's --deploy-mode sets. */
  static final String DEPLOY_MODE = "spark.submit.deployMode";

  /**
   * Why a job in cluster deploy mode cannot use these paths, or null: there the driver runs on a
   * machine of the cluster, in a folder of its own, so a relative path (or no {@code --dir}, which
   * means a folder beside the working directory) would read from and write to wherever the
   * driver happened to run.
   */
  static String clusterRelative(String deployMode, String file, String dir) {
    if (!"cluster".equals(deployMode)) {
      return null;
    }
    String why = " (spark-submit --deploy-mode cluster runs the driver on a machine of the cluster,"
        + " in a folder of its own): give the sweep file and --dir as absolute paths on a file"
        + " system every machine of the cluster shares";
    try {
      if (!HadoopFiles.isHadoop(file) && !Path.of(file).isAbsolute()) {
        return file + ": a relative sweep file in cluster deploy mode" + why;
      }
      if (dir == null) {
        return file + ": no --dir in cluster deploy mode" + why;
      }
      if (!HadoopFiles.isHadoop(dir) && !Path.of(dir).isAbsolute()) {
        return dir + ": a relative --dir in cluster deploy mode" + why;
      }
    } catch (java.nio.file.InvalidPathException e) {
      return null; // reported as bad input where the path is used
    }
    return null;
  }

  private static int run(String file, String dir, boolean resume, SparkSweepExecutor executor,
      PrintStream out, PrintStream err) {
    SweepFolder folder = null;
    try {
      Sweep sweep;
      if (HadoopFiles.isHadoop(file)) {
        try {
          sweep = HadoopSweeps.read(file);
        } catch (HadoopFiles.NoFileSystemException e) {
          throw e;
        } catch (IOException e) { // the file system failed (unreachable, refused)
          throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
      } else {
        Path local = localPath(file);
        if (!Files.isRegularFile(local)) {
          err.println("spiral: " + file + ": no such sweep file");
          return 2;
        }
        sweep = Sweep.read(local);
      }
      if (dir == null) { // beside the working folder, named after the sweep file
        dir = SweepRunner.defaultFolder(file);
      }
      folder = HadoopFiles.isHadoop(dir) ? hadoopFolder(dir) : new LocalSweepFolder(localPath(dir));
      int skipped = new SweepRunner(executor).run(sweep, folder, resume, null);
      out.println(String.format(Locale.ROOT, "%s: %,d points x %,d runs (%s design%s) -> %s",
          file, sweep.points().length, sweep.runs(), sweep.design().type(),
          skipped > 0 ? String.format(Locale.ROOT, ", %,d resumed", skipped) : "",
          folder.name(SweepRunner.RESULTS)));
      return 0;
    } catch (SweepException | HadoopFiles.NoFileSystemException e) {
      err.println("spiral: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("spiral: error: " + (folder == null || folder instanceof LocalSweepFolder
          ? "" : folder.name() + ": ") + e.getMessage());
      return 1;
    } finally {
      if (folder != null) {
        try {
          folder.close();
        } catch (IOException e) {
          // the folder's files are written; letting go of the file system changes nothing
        }
      }
    }
  }

  /** A local path, or bad input naming it. */
  private static Path localPath(String location) {
    try {
      return HadoopFiles.localPath(location);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new SweepException(location + ": not a valid path: " + e.getMessage());
    }
  }

  /** A folder on a Hadoop file system, a malformed URI as bad input. */
  private static SweepFolder hadoopFolder(String location) throws IOException {
    try {
      return HadoopSweepFolder.open(location);
    } catch (IllegalArgumentException e) {
      throw new SweepException(e.getMessage());
    }
  }
}
