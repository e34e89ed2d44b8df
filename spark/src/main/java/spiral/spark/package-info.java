/**
 * Sweeps as a Spark job: {@link spiral.spark.SparkSweepExecutor} evaluates a sweep's points on a
 * Spark cluster ({@code local[*]} or a standalone master) with the local executor's numbers,
 * offered to the command line through {@link spiral.spark.SparkSweepExecutorFactory};
 * {@link spiral.spark.SweepJob} is the {@code spark-submit} entry point. Depends on the core;
 * nothing depends on it.
 */
package spiral.spark;
