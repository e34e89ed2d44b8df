package spiral.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.explore.sweep.LocalSweepFolder;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepRunner;
import spiral.io.ParquetResults;

/** {@code spiral sweep SWEEP.yaml}: simulates every point of a design over a scenario's parameters. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep: every point of the sweep file's design (lhs, sobol-sequence,"
          + " factorial, morris, or saltelli for Sobol indices; the old name 'sobol' is refused"
          + " with a hint) is simulated with the sweep's seed (common random numbers) and"
          + " written as one row of DIR/results.csv (point, the parameters, seed, the outputs),"
          + " flushed point by point, and, once every point is done, DIR/results.parquet (the same"
          + " columns typed: point int32, parameters double, seed int64, outputs double), with"
          + " DIR/provenance.json beside them (the version, seed, base scenario and its SHA-256,"
          + " and its illustrative assumptions)."
          + " Points are evaluated side by side on the threads (a point's runs are shared among"
          + " them when there are fewer points than threads). --resume finishes an interrupted"
          + " sweep. The same sweep gives the same files on any number of threads, and --executor"
          + " spark (a Spark job, on this machine or a standalone cluster) gives the same files too."
          + " The sweep file and DIR may be URIs of a Hadoop file system (hdfs://, s3a://,"
          + " abfs://, gs://, ...) whose connector is on the class path (SPIRAL_CLASSPATH for"
          + " ./spiral); there each file is written beside its target and renamed over it, and"
          + " results.csv is rewritten that way with the rows so far, 10 s or more apart (at"
          + " least four times the last rewrite's time), and at the end, instead of flushed row by"
          + " row; --resume keeps the rows of the last rewrite."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP.yaml",
      description = "The sweep file: a local path, or a URI of a Hadoop file system (hdfs://...,"
          + " s3a://..., with its connector on the class path).")
  String file;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Output folder (default: the sweep file's name without its extension, in the"
          + " working folder): a local path, or a URI of a Hadoop file system (hdfs://...,"
          + " s3a://..., abfs://..., gs://..., with its connector on the class path).")
  String dir;

  /** The old name of --dir, from before --out meant one file in every command. */
  @Option(names = "--out", paramLabel = "DIR", hidden = true)
  String oldOut;

  @Option(names = "--resume", description = "Keep the points already in DIR/results.csv and run the rest.")
  boolean resume;

  @Option(
      names = "--no-parquet",
      description = "Write only DIR/results.csv, removing a results.parquet left there (saves"
          + " loading the Parquet writer, about half a second).")
  boolean noParquet;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Mixin ExecutorOptions where;

  /** The sidecar file beside the results with their provenance ({@link spiral.Provenance}). */
  static final String PROVENANCE = "provenance.json";

  @Override
  public Integer call() {
    if (threads != null && (threads < 1 || threads > 4096)) {
      throw new BadInputException("spiral: --threads must be between 1 and 4096, was " + threads);
    }
    boolean spark = where.spark(threads);
    PrintWriter err = spec.commandLine().getErr();
    if (oldOut != null) {
      if (this.dir != null) {
        throw new BadInputException("spiral: give the output folder once, with --dir DIR");
      }
      err.println("spiral: note: 'sweep --out DIR' is now 'sweep --dir DIR' (--out names one file"
          + " in the other commands); --out still works here for now.");
      err.flush();
      this.dir = oldOut;
    }
    Sweep sweep;
    String shown; // the sweep file as messages name it
    Path defaultDir;
    if (Locations.isHadoop(file)) {
      sweep = Locations.sweep(file);
      shown = file;
      defaultDir = Path.of(SweepRunner.defaultFolder(file));
    } else {
      Path local = Locations.local(file);
      sweep = SweepFiles.read(local);
      shown = local.toString();
      defaultDir = SweepFiles.defaultFolder(local);
    }
    String location = this.dir != null ? this.dir : defaultDir.toString();
    SweepFolder dir = Locations.folder(location); // a missing connector stops us before Spark
    ProgressBar bar = new ProgressBar(err, "sweep", ProgressBar.terminal());
    int points = sweep.points().length;
    int skipped;
    SweepExecutor remote = spark ? where.sparkExecutor() : null;
    try (Workers workers = spark ? null
        : new Workers(threads != null ? threads : Runtime.getRuntime().availableProcessors())) {
      SweepRunner runner = spark ? new SweepRunner(remote) : new SweepRunner(workers.sweeps());
      skipped = runner.run(sweep, dir, resume, bar);
      if (noParquet) {
        dir.delete(ParquetResults.FILE); // never leave a stale one
      } else {
        ParquetResults.write(dir);
      }
      // the results' provenance beside them, leaving results.csv's columns as they are
      String provenance = Output.json(Scenarios.provenance("sweep", sweep));
      if (dir instanceof LocalSweepFolder local) {
        Output.write(provenance, local.path().resolve(PROVENANCE), null);
      } else {
        dir.write(PROVENANCE, provenance);
      }
    } catch (SweepException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    } catch (IOException e) {
      throw dir instanceof LocalSweepFolder ? new UncheckedIOException(e)
          : new UncheckedIOException(dir.name() + ": " + e, e); // name the file system's folder
    } finally {
      bar.clear();
      try {
        dir.close();
      } catch (IOException e) {
        // the folder's files are written; a failure to let go of the file system changes nothing
      }
    }
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "%s: %,d points x %,d runs (%s design%s) -> %s%s",
        shown, points, sweep.runs(), sweep.design().type(),
        skipped > 0 ? String.format(Locale.ROOT, ", %,d resumed", skipped) : "",
        dir.name(SweepRunner.RESULTS),
        (noParquet ? "" : ", " + dir.name(ParquetResults.FILE)) + ", " + dir.name(PROVENANCE)));
    return 0;
  }

}
