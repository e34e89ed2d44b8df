package spiral.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spiral daemon [start|run|stop|status]}: a warm process for the gambit-* tools. */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Keep a warm process for the gambit-* tools of the repository's gambit/ folder, so that a"
          + " script that runs them once per game does not pay Java's start each time (about"
          + " 0.1 s; a small game's solve takes under a millisecond warm). With a daemon running,"
          + " each gambit-TOOL shim sends its request to it and prints the same output, error"
          + " output and exit code as the tool run as its own process; without one it runs the"
          + " tool as before.",
      "",
      "The daemon listens on the loopback interface only; its port and a random token are in a"
          + " file only you can read (cli/target/spiral.daemon beside the jar, or the file"
          + " SPIRAL_DAEMON_FILE names, which the shims read too). It serves the jar it started"
          + " from and stops when that jar is rebuilt, when its file is removed, after --idle"
          + " minutes without a request, or with 'spiral daemon stop'.",
      "",
      "Actions: start (the default: start one in the background, its log in the file's name"
          + " plus .log), run (serve in the foreground until stopped), stop, status (exit code"
          + " 0 when one is running, 1 when none is)."
    })
final class DaemonCommand implements Callable<Integer> {
  /** What to do. */
  enum Action {
    start,
    run,
    stop,
    status
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ACTION",
      defaultValue = "start",
      description = "start (default), run, stop or status.")
  Action action;

  @Option(
      names = "--idle",
      paramLabel = "MINUTES",
      defaultValue = "30",
      description = "Stop after this many minutes without a request (default: ${DEFAULT-VALUE}).")
  int idleMinutes;

  @Override
  public Integer call() throws Exception {
    if (idleMinutes < 1 || idleMinutes > 7 * 24 * 60) {
      throw new BadInputException(
          "spiral daemon: --idle must be between 1 and 10080 minutes, got " + idleMinutes);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path jar = jar();
    Path file = file(jar);
    switch (action) {
      case run -> {
        try (SolverDaemon d =
            new SolverDaemon(file, jar, Duration.ofMinutes(idleMinutes), System::nanoTime)) {
          err.println("spiral daemon: serving the gambit-* tools on 127.0.0.1:" + d.port()
              + " (pid " + ProcessHandle.current().pid() + "); its file: " + file);
          err.flush();
          // stopped by a signal: the file goes with the process
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              d.close();
            } catch (IOException e) {
              // the process ends anyway; a file left behind is passed over by the shims
            }
          }));
          String why = d.serve();
          err.println("spiral daemon: stopped (" + why + ")");
        }
        return 0;
      }
      case stop -> {
        String a = SolverDaemon.ask(file, "stop");
        out.println(a != null && a.equals("STOPPING")
            ? "spiral daemon: stopped" : "spiral daemon: none running (" + file + ")");
        return 0;
      }
      case status -> {
        String a = SolverDaemon.ask(file, "status");
        if (a != null && a.startsWith("OK ")) {
          String[] f = a.split(" ");
          out.println("spiral daemon: running, pid " + f[1] + ", port " + f[2] + ", "
              + f[3] + (f[3].equals("1") ? " request" : " requests") + " served");
          return 0;
        }
        out.println("spiral daemon: none running (" + file + ")");
        return Main.FAILURE;
      }
      default -> {
        return start(file, out);
      }
    }
  }

  private int start(Path file, PrintWriter out) throws IOException, InterruptedException {
    String a = SolverDaemon.ask(file, "status");
    if (a != null && a.startsWith("OK ")) {
      out.println("spiral daemon: already running, pid " + a.split(" ")[1]);
      return 0;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "daemon", "run", "--idle", Integer.toString(idleMinutes)));
    Path log = Path.of(file + ".log");
    Process p = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true)
        .start();
    for (int i = 0; i < 300; i++) {
      a = SolverDaemon.ask(file, "status");
      if (a != null && a.startsWith("OK ")) {
        out.println("spiral daemon: started, pid " + p.pid() + "; the gambit/ tools now use it;"
            + " it stops after " + idleMinutes + " idle minutes or with 'spiral daemon stop'");
        return 0;
      }
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    p.destroy();
    throw new IllegalStateException("the daemon did not start; its log: " + log
        + (Files.exists(log) ? "" : " (none written)"));
  }

  /** The jar this process runs from, or null when it runs from class folders. */
  static Path jar() {
    try {
      Path p = Path.of(SolverDaemon.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /** The daemon's file: SPIRAL_DAEMON_FILE, else beside the jar. */
  static Path file(Path jar) {
    String env = System.getenv("SPIRAL_DAEMON_FILE");
    if (env != null && !env.isEmpty()) {
      return Path.of(env).toAbsolutePath();
    }
    if (jar == null) {
      throw new BadInputException(
          "spiral daemon: not run from a jar: name the daemon's file with SPIRAL_DAEMON_FILE");
    }
    return jar.resolveSibling(SolverDaemon.FILE_NAME);
  }
}
