package spiral.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes of a Spark standalone cluster on 127.0.0.1 that a test starts and stops: each a
 * {@code java} of its own with Spark's module openings, {@code SPARK_HOME}, the Scala version and
 * the loopback address set, its output in {@code NAME.log} under the test's folder. Shared by the
 * cluster tests of every Spark line (the project's own and Spark 3.5), which start the master
 * first and the workers next.
 */
public final class LocalCluster implements AutoCloseable {
  /** How long the workers have to register with the master. */
  public static final Duration REGISTER = Duration.ofSeconds(90);

  private final Path tmp;
  private final Path home;
  private final String scala;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  /** A cluster whose logs and work folders go under {@code tmp}, with this SPARK_HOME. */
  public LocalCluster(Path tmp, Path home, String scala) {
    this.tmp = tmp;
    this.home = home;
    this.scala = scala;
  }

  /**
   * Starts {@code java} on this class path; leading {@code -D} arguments are Java properties,
   * the next is the main class, the rest its arguments.
   */
  public Process start(String name, String classPath, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(Arrays.asList(System.getProperty("spark.add-opens", "").split(" +")));
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
      cmd.add(rest.remove(0)); // Java properties before the class path
    }
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.addAll(rest);
    cmd.removeIf(String::isEmpty);
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", scala);
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    logs.add(log);
    return p;
  }

  /** The log of the process started last. */
  public Path lastLog() {
    return logs.get(logs.size() - 1);
  }

  /**
   * Waits until {@code n} of the processes after the first (the master) say that they registered
   * with the master: a worker that has not heard back yet gets no executor.
   */
  public void awaitWorkers(int n) throws Exception {
    long end = System.nanoTime() + REGISTER.toNanos();
    while (System.nanoTime() < end) {
      int count = 0;
      for (Path log : logs.subList(1, logs.size())) {
        if (Files.readString(log, StandardCharsets.UTF_8).contains("Successfully registered with master")) {
          count++;
        }
      }
      if (count >= n) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster process exited with status " + p.exitValue() + "\n" + logs());
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(n + " workers did not register within " + REGISTER + "\n" + logs());
  }

  /** The executors' {@code stderr} files in the work folders ({@code work*}) under the test's folder. */
  public List<Path> executorLogs() {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("work") && Files.isDirectory(d)).toList()) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(p -> p.getFileName().toString().equals("stderr")).forEach(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The last lines of every process's log and every executor's, for failure messages. */
  public String logs() {
    StringBuilder b = new StringBuilder();
    List<Path> all = new ArrayList<>(logs);
    try {
      all.addAll(executorLogs());
    } catch (UncheckedIOException e) {
      b.append("(no executor logs: ").append(e.getMessage()).append(")\n");
    }
    tails(b, all, tmp);
    return b.toString();
  }

  /**
   * Appends the last 40 lines of each log file, each headed by its path (relative to {@code
   * base} where it lies inside it; null: as they are), for failure messages.
   */
  public static void tails(StringBuilder b, List<Path> logs, Path base) {
    for (Path p : logs) {
      b.append("---- ").append(base != null && p.startsWith(base) ? base.relativize(p) : p)
          .append(" (last 40 lines)\n");
      try {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append("(unreadable: ").append(e.getMessage()).append(")\n");
      }
    }
  }

  /** Stops every process (their children, the executors, first). */
  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A free TCP port on the loopback address. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
