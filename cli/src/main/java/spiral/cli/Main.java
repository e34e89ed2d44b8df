package spiral.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import spiral.Version;

/**
 * The {@code spiral} command: one sub-command per job. Exit codes: 0 success, 1 failure at run
 * time, 2 bad input (bad options, invalid scenario files).
 */
@Command(
    name = "spiral",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Spiral: a crisis-escalation and negotiation lab. It simulates how a crisis such as a"
          + " limited Russian attack on NATO can end (contained, settled, protracted, or in nuclear"
          + " use) with reproducible numbers and confidence intervals, ranks the responses to it,"
          + " and analyses the negotiations that could end it."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 failure at run time, 2 bad input.",
      "Start with:  spiral simulate rand-d-ports"
    })
public final class Main implements Runnable {
  /** Exit code for a failure at run time. */
  public static final int FAILURE = 1;
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * Runs the command line and exits with its exit code. {@code spiral gambit-TOOL ARGS} runs
   * as Gambit's tool of that name ({@link GambitTool}: Gambit's options, output and exit codes).
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].startsWith("gambit-")
        && GambitTool.known(args[0].substring("gambit-".length()))) {
      java.io.PrintStream out =
          new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
      int code =
          GambitTool.run(args[0].substring("gambit-".length()),
              java.util.Arrays.copyOfRange(args, 1, args.length), System.in, out, System.err);
      out.flush();
      System.exit(code);
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given writers and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // a plain 'spiral solve' line runs without picocli, whose start-up cost most of a small
    // solve's time; any other line goes through picocli (SolveCommand.plain)
    SolveCommand solve = SolveCommand.plain(args, out, err);
    CommandLine cl = solve == null ? commandLine(out, err, args) : null;
    try {
      if (solve != null) {
        try {
          return solve.call();
        } catch (Exception ex) { // as picocli hands the command's exception to the handler below
          return failed(ex, err, false);
        }
      }
      return cl.execute(args);
    } catch (Error e) { // picocli hands on errors (a missing class, no memory): still one line
      failure(err, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e,
          java.util.Arrays.asList(args).contains("--verbose"));
      return FAILURE;
    }
  }

  /**
   * The sub-commands, by name, in the order of the help. Only the one named by the first
   * argument is registered when there is one (picocli reads every registered command's
   * annotations at start-up: registering all of them cost a small solve most of its time).
   */
  private static final String[][] COMMANDS = {
    {"scenarios", "ScenariosCommand"},
    {"validate", "ValidateCommand"},
    {"simulate", "SimulateCommand"},
    {"trace", "TraceCommand"},
    {"options", "OptionsCommand"},
    {"study", "StudyCommand"},
    {"negotiate", "NegotiateCommand"},
    {"positions", "PositionsCommand"},
    {"solve", "SolveCommand"},
    {"game", "GameCommand"},
    {"model", "ModelCommand"},
    {"sweep", "SweepCommand"},
    {"sensitivity", "SensitivityCommand"},
    {"discover", "DiscoverCommand"},
    {"history", "HistoryCommand"},
    {"calibrate", "CalibrateCommand"},
    {"backtest", "BacktestCommand"},
    {"serve", "ServeCommand"},
    {"daemon", "DaemonCommand"},
  };

  /** The sub-commands' names, in the order of the help. */
  static java.util.List<String> commandNames() {
    return java.util.Arrays.stream(COMMANDS).map(c -> c[0]).toList();
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... argv) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    String first = argv.length > 0 ? argv[0] : null;
    boolean one = false;
    for (String[] c : COMMANDS) {
      one |= c[0].equals(first);
    }
    // the top-level help ('spiral', 'spiral -h', 'spiral --help') lists each command by its name and
    // description only: read from the annotation, without building the command's whole model
    boolean listOnly = argv.length == 0 || (argv.length == 1 && java.util.List.of("-h", "--help", "-V", "--version").contains(first));
    for (String[] c : COMMANDS) {
      if (!one || c[0].equals(first)) {
        try {
          Class<?> type = Class.forName("spiral.cli." + c[1]);
          if (listOnly) {
            CommandLine.Model.CommandSpec entry = CommandLine.Model.CommandSpec.create().name(c[0]);
            entry.usageMessage().description(type.getAnnotation(CommandLine.Command.class).description());
            cl.addSubcommand(c[0], new CommandLine(entry));
          } else {
            cl.addSubcommand(type.getDeclaredConstructor().newInstance());
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (!one) {
      cl.addSubcommand(new CommandLine.HelpCommand());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> t instanceof BadInputException ? BAD_INPUT : FAILURE);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("spiral: " + ParameterErrors.message(ex));
          c.getErr().flush();
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> failed(ex, c.getErr(), main.verbose));
    return cl;
  }

  /**
   * Reports an exception that a command threw and returns the exit code: bad input in its own
   * words (exit code 2), anything else as a run-time failure (1); stack traces only when verbose.
   */
  private static int failed(Exception ex, PrintWriter e, boolean verbose) {
    if (ex instanceof BadInputException bad) {
      e.println(bad.getMessage());
      if (verbose) {
        ex.printStackTrace(e);
      }
      e.flush();
      return BAD_INPUT;
    }
    failure(e, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(),
        ex, verbose);
    return FAILURE;
  }

  /** Reports a run-time failure in one line; the stack trace only when verbose. */
  private static void failure(PrintWriter e, String message, Throwable t, boolean verbose) {
    e.println("spiral: error: " + message);
    if (verbose) {
      t.printStackTrace(e);
    } else {
      e.println("(run again with --verbose for details)");
    }
    e.flush();
  }

  /** Supplies the version from the build. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"spiral " + Version.get()};
    }
  }
}
