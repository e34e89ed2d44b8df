package spiral.cli;

import picocli.CommandLine.Option;
import spiral.explore.sweep.SweepExecutor;
import spiral.explore.sweep.SweepExecutorFactory;

/** --executor and --master: where a sweep's points or a calibration's candidates are evaluated. */
final class ExecutorOptions {
  @Option(
      names = "--executor",
      paramLabel = "EXECUTOR",
      defaultValue = "local",
      description = "Where the work runs: local (this machine's threads; default) or spark (a Spark"
          + " job, see --master; the spiral launcher builds the spark module on first use).")
  String executor;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "With --executor spark, the Spark master: local[*] (default; all cores here),"
          + " local[N], or spark://HOST:PORT for a standalone cluster.")
  String master;

  @Option(
      names = "--spark-ui",
      description = "With --executor spark, turn Spark's web UI on (off by default) and print its address.")
  boolean sparkUi;

  /**
   * Whether the work goes to Spark, after checking the options together.
   *
   * @param threads the command's --threads, or null
   */
  boolean spark(Integer threads) {
    boolean spark = switch (executor) {
      case "local" -> false;
      case "spark" -> true;
      default -> throw new BadInputException("spiral: --executor must be local or spark, was '"
          + executor + "'");
    };
    if (!spark && master != null) {
      throw new BadInputException("spiral: --master needs --executor spark");
    }
    if (!spark && sparkUi) {
      throw new BadInputException("spiral: --spark-ui needs --executor spark");
    }
    if (spark && threads != null) {
      throw new BadInputException("spiral: --threads is for the local executor; with --executor"
          + " spark give the cores in --master (local[N]) or to the cluster's workers");
    }
    return spark;
  }

  /** The Spark executor, found on the class path (the cli does not depend on Spark). */
  SweepExecutor sparkExecutor() {
    SweepExecutorFactory factory = SweepExecutorFactory.find("spark").orElseThrow(() ->
        new BadInputException("spiral: --executor spark needs the spark module, which this"
            + " class path lacks: run it through the ./spiral launcher (it builds the module on"
            + " first use), or build it with ./mvnw -pl cli,spark -am package and run java -cp"
            + " 'spark/target/lib/*':spark/target/spiral-spark.jar:cli/target/spiral.jar"
            + " spiral.cli.Main (see README, Sweeps on Spark)"));
    if (sparkUi) {
      System.setProperty("spark.ui.enabled", "true"); // Spark reads spark.* properties into its configuration
    }
    try {
      return factory.create(master);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: --master: " + e.getMessage());
    }
  }
}
