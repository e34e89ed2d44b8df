package spiral.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.Version;
import spiral.game.AgentLogitQre;
import spiral.game.EnumMixed;
import spiral.game.EnumPure;
import spiral.game.Equilibrium;
import spiral.game.ExtensiveGame;
import spiral.game.Game;
import spiral.game.GameFormatException;
import spiral.game.GameReader;
import spiral.game.GlobalNewton;
import spiral.game.IteratedPolymatrix;
import spiral.game.LemkeHowson;
import spiral.game.Liapunov;
import spiral.game.LogitQre;
import spiral.game.Rational;
import spiral.game.ReducedStrategicForm;
import spiral.game.SimplicialSubdivision;
import spiral.game.StrategicGame;
import spiral.game.SupportEnumeration;
import spiral.game.ZeroSumLp;

/**
 * Gambit's command-line tools ({@code gambit-enumpure}, {@code gambit-enummixed}, {@code
 * gambit-lcp}, {@code gambit-lp}, {@code gambit-logit}, {@code gambit-simpdiv}, {@code
 * gambit-enumpoly}, {@code gambit-liap}, {@code gambit-gnm}, {@code gambit-ipa}) on Spiral's
 * solvers: {@code spiral gambit-lcp [OPTIONS] [file]} takes the tool's options (getopt's rules:
 * bundled flags, {@code -d4} or {@code -d 4}, options after the file), reads standard input when
 * no file is given, prints the banner on standard error unless {@code -q}, the profiles on
 * standard output as the tool does, and exits as Gambit's tools do: 0, or 1 with a message on
 * standard error for any error (an unknown option, a file that cannot be opened, a malformed game,
 * a game the method does not apply to). Options Spiral does not implement are refused with exit
 * code 1 rather than ignored. It does not go through picocli, so that it starts quickly.
 */
final class GambitTool {
  private GambitTool() {}

  /** getopt's option string of each tool, as in Gambit 17. */
  static final Map<String, String> OPTIONS =
      Map.of(
          "enumpure", "DvhqAS",
          "enummixed", "d:vhqc",
          "lcp", "d:DvhqSe:r:",
          "lp", "d:DvqhS",
          "logit", "d:s:a:m:vqehSL:l:",
          "simpdiv", "g:hVvn:r:s:m:d:R:q",
          "enumpoly", "d:hSm:e:r:qvV",
          "liap", "d:n:i:s:m:R:hqVvA",
          "gnm", "d:n:s:m:f:i:c:R:qvVh",
          "ipa", "d:n:s:R:vVqh");

  private static final Map<String, String> TITLE =
      Map.of(
          "enumpure", "Search for Nash equilibria in pure strategies",
          "enummixed", "Compute Nash equilibria by enumerating extreme points",
          "lcp", "Compute Nash equilibria by solving a linear complementarity program",
          "lp", "Compute Nash equilibria by solving a linear program",
          "logit", "Compute a branch of the logit equilibrium correspondence",
          "simpdiv", "Compute Nash equilibria using simplicial subdivision",
          "enumpoly", "Compute Nash equilibria by solving polynomial systems",
          "liap", "Compute Nash equilibria by minimizing the Lyapunov function",
          "gnm", "Compute Nash equilibria using a global Newton method",
          "ipa", "Compute Nash equilibria using iterated polymatrix approximation");

  /** Options of Gambit's tools that Spiral does not implement: refused, with the reason. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("enumpure A", "agent-form equilibria (-A)"),
          Map.entry("enummixed c", "connectedness information (-c)"),
          Map.entry("logit L", "maximum likelihood estimation (-L)"),
          Map.entry("logit l", "QRE at given lambdas (-l)"),
          Map.entry("simpdiv r", "random starting points (-r)"),
          Map.entry("simpdiv n", "random starting points (-n)"),
          Map.entry("simpdiv R", "random starting points (-R)"),
          Map.entry("simpdiv s", "starting points from a file (-s)"),
          Map.entry("simpdiv V", "verbose output (-V)"),
          Map.entry("enumpoly V", "verbose output (-V)"));

  /** Whether {@code tool} (without the {@code gambit-} prefix) is one this class runs. */
  static boolean known(String tool) {
    return OPTIONS.containsKey(tool);
  }

  /**
   * The folder that relative file names (the game, {@code -s FILE}) resolve against: the working
   * directory, or the caller's for a request to the daemon ({@link SolverDaemon}).
   */
  private static final ThreadLocal<Path> BASE = ThreadLocal.withInitial(() -> Path.of(""));

  /** Runs {@code gambit-TOOL ARGS}; returns the exit code. */
  static int run(String tool, String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(tool, args, Path.of(""), in, out, err);
  }

  /**
   * Runs {@code gambit-TOOL ARGS} as if from the folder {@code base}; returns the exit code.
   * Standard input is read only where the game is to come from it.
   */
  static int run(
      String tool, String[] args, Path base, InputStream in, PrintStream out, PrintStream err) {
    BASE.set(base);
    try {
      return runFrom(tool, args, in, out, err);
    } finally {
      BASE.remove();
    }
  }

  private static int runFrom(
      String tool, String[] args, InputStream in, PrintStream out, PrintStream err) {
    String prog = "gambit-" + tool;
    String spec = OPTIONS.get(tool);
    Map<Character, String> opt = new HashMap<>();
    List<String> operands = new ArrayList<>();
    for (int k = 0; k < args.length; k++) {
      String a = args[k];
      if (a.equals("--")) {
        for (k++; k < args.length; k++) {
          operands.add(args[k]);
        }
        break;
      }
      if (a.startsWith("--")) {
        switch (a) {
          case "--help" -> opt.put('h', "");
          case "--version" -> opt.put('v', "");
          case "--verbose" -> {
            if (!tool.equals("simpdiv") && !tool.equals("enumpoly") && !tool.equals("liap")
                && !tool.equals("gnm") && !tool.equals("ipa")) {
              return unknown(err, prog, a);
            }
            opt.put('V', "");
          }
          default -> {
            return unknown(err, prog, a);
          }
        }
        continue;
      }
      if (a.length() < 2 || a.charAt(0) != '-') {
        operands.add(a);
        continue;
      }
      for (int c = 1; c < a.length(); c++) {
        char f = a.charAt(c);
        int at = spec.indexOf(f);
        if (at < 0 || f == ':') {
          return unknown(err, prog, "-" + f);
        }
        if (at + 1 < spec.length() && spec.charAt(at + 1) == ':') {
          String v;
          if (c + 1 < a.length()) {
            v = a.substring(c + 1);
          } else if (k + 1 < args.length) {
            v = args[++k];
          } else {
            return unknown(err, prog, "-" + f);
          }
          opt.put(f, v);
          break;
        }
        opt.put(f, "");
      }
    }
    if (opt.containsKey('h')) {
      err.print(banner(tool));
      err.print(help(tool, prog));
      return 0;
    }
    if (opt.containsKey('v')) {
      err.print(banner(tool));
      return 0;
    }
    if (!opt.containsKey('q')) {
      err.print(banner(tool));
    }
    for (char f : opt.keySet()) {
      String why = UNSUPPORTED.get(tool + " " + f);
      if (why != null) {
        err.println("Error: " + why + " is not implemented by Spiral's " + prog);
        return 1;
      }
    }
    Game game;
    String name = operands.isEmpty() || operands.get(0).equals("-") ? "<stdin>" : operands.get(0);
    try {
      if (name.equals("<stdin>")) {
        game = GameReader.read(in);
      } else {
        Path file = BASE.get().resolve(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
          err.println(prog + ": " + name + ": "
              + (Files.isDirectory(file) ? "Is a directory"
                  : Files.exists(file) ? "Permission denied" : "No such file or directory"));
          return 1;
        }
        game = GameReader.read(file);
      }
    } catch (GameFormatException e) {
      err.println("Error: " + name + (e.line() > 0 ? ":" : ": ") + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("Error: " + name + ": cannot read: " + e.getMessage());
      return 1;
    }
    try {
      StringBuilder o = new StringBuilder();
      FLUSH.set(() -> {
        out.print(o);
        o.setLength(0);
        out.flush();
      });
      try {
        solve(tool, opt, game, o);
      } finally {
        FLUSH.remove();
      }
      out.print(o);
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      String message =
          e instanceof BadStartFile ? e.getMessage() : asGambitSays(e.getMessage());
      if (e.getMessage() != null && e.getMessage().equals(ExtensiveGame.IMPERFECT_RECALL)
          && makesStrategyProfiles(tool, opt)) {
        // these tools make mixed strategy profiles (starts, perturbations) before solving
        message = "Mixed strategies not supported for games with imperfect recall.";
      }
      if (e instanceof spiral.game.TooLargeForMemory m && !message.contains("array")) {
        message += "; give Java more memory (SPIRAL_JAVA_OPTS=-Xmx"
            + (m.bytesNeeded().shiftRight(30).longValue() + 2) + "g)";
      }
      err.println("Error: " + message);
      return 1;
    }
  }

  /**
   * Whether Gambit's tool draws or reads mixed strategy profiles before it solves, so that a tree
   * with imperfect recall is refused by Gambit's profile code in its own words: gnm and ipa
   * (perturbations), liap without -A (starting points).
   */
  private static boolean makesStrategyProfiles(String tool, Map<Character, String> opt) {
    return tool.equals("gnm") || tool.equals("ipa")
        || (tool.equals("liap") && !opt.containsKey('A'));
  }

  /** Gambit's own words for the refusals its tools share with Spiral's solvers. */
  private static final java.util.Map<String, String> GAMBIT_WORDS = java.util.Map.of(
      spiral.game.ExtensiveGame.IMPERFECT_RECALL,
      "Computing equilibria of games with imperfect recall is not supported.");

  /**
   * A solver's refusal as Gambit's tools word theirs: in Gambit's own words where it has a line
   * for it, otherwise capitalised as Gambit's messages are.
   */
  static String asGambitSays(String message) {
    if (message == null || message.isEmpty()) {
      return "The game could not be solved";
    }
    String known = GAMBIT_WORDS.get(message);
    return known != null ? known : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static int unknown(PrintStream err, String prog, String option) {
    err.println(prog + ": Unknown option `" + option + "'.");
    return 1;
  }

  /** Gambit's decimals: atoi's reading, so a bad number is 0, as in Gambit. */
  private static int atoi(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([-+]?\\d+)").matcher(s);
    if (!m.find()) {
      return 0;
    }
    try {
      return Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Gambit's atof: the longest leading decimal number, 0 when there is none. */
  private static double atof(String s) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^\\s*([-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?)")
            .matcher(s);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static void solve(String tool, Map<Character, String> opt, Game game, StringBuilder o) {
    boolean strategic = opt.containsKey('S') || !(game instanceof ExtensiveGame);
    boolean detail = opt.containsKey('D');
    Integer decimals = opt.containsKey('d') ? atoi(opt.get('d')) : null;
    List<Equilibrium> eqs;
    Game shown = game;
    switch (tool) {
      case "enumpure" -> {
        decimals = null;
        shown = strategic ? form(game) : game;
        eqs = new EnumPure().solve(shown);
      }
      case "enummixed" -> {
        shown = form(game);
        eqs = new EnumMixed().solve(shown);
      }
      case "lcp" -> {
        shown = strategic ? form(game) : game;
        int stop = opt.containsKey('e') ? Math.max(0, atoi(opt.get('e'))) : 0;
        int depth = opt.containsKey('r') ? atoi(opt.get('r')) : 0;
        if (shown instanceof StrategicGame sg && sg.numPlayers() == 2) {
          // Gambit: a negative depth cuts every path off, so nothing is found
          eqs = depth < 0 ? List.of() : new LemkeHowson().solve(sg, stop, depth);
        } else {
          eqs = new LemkeHowson().solve(shown);
        }
      }
      case "enumpoly" -> {
        int stop = opt.containsKey('e') ? Math.max(0, atoi(opt.get('e'))) : 0;
        int digits = decimals == null ? 6 : decimals;
        List<Equilibrium> found = strategic
            ? new SupportEnumeration().solve(form(game), stop)
            : new SupportEnumeration().solve((ExtensiveGame) game, stop);
        for (Equilibrium e : found) {
          o.append("NE");
          for (Rational r : e.profile()) {
            o.append(',').append(GambitOutput.fixed(r.doubleValue(), digits));
          }
          o.append('\n');
        }
        return;
      }
      case "lp" -> {
        shown = strategic ? form(game) : game;
        eqs = new ZeroSumLp().solve(shown);
      }
      case "logit" -> {
        int digits = decimals == null ? 6 : decimals;
        java.util.function.Consumer<LogitQre.Point> branch =
            opt.containsKey('e')
                ? null
                : p -> o.append(GambitOutput.logitLine(null, p.lambda(), p.profile(), digits))
                    .append('\n');
        LogitQre.Options opts =
            new LogitQre.Options(
                opt.containsKey('s') ? atof(opt.get('s')) : LogitQre.DEFAULT_STEP,
                opt.containsKey('a') ? atof(opt.get('a')) : LogitQre.DEFAULT_ACCEL,
                opt.containsKey('m') ? atof(opt.get('m')) : LogitQre.DEFAULT_MAX_REGRET);
        LogitQre.Result r =
            strategic
                ? LogitQre.trace(form(game), opts, branch)
                : AgentLogitQre.trace((ExtensiveGame) game, opts, branch);
        o.append(GambitOutput.logitLine("NE", 0, r.profile(), digits)).append('\n');
        return;
      }
      case "gnm" -> {
        gnm(opt, form(game), game instanceof ExtensiveGame t ? t.payoffBounds() : null,
            decimals == null ? 6 : decimals, o);
        return;
      }
      case "liap" -> {
        if (opt.containsKey('A') && game instanceof ExtensiveGame tree) {
          agentLiap(opt, tree, decimals == null ? 6 : decimals, o);
        } else {
          liap(opt, form(game), decimals == null ? 6 : decimals, o);
        }
        return;
      }
      case "ipa" -> {
        ipa(opt, form(game), decimals == null ? 6 : decimals, o);
        return;
      }
      case "simpdiv" -> {
        if (opt.containsKey('g') && atoi(opt.get('g')) != SimplicialSubdivision.REFINE) {
          throw new IllegalArgumentException(
              "Spiral's simpdiv halves the grid at each step: -g " + opt.get('g')
                  + " is not implemented (only -g 2)");
        }
        Rational eps = Rational.of(1, 10_000_000);
        if (opt.containsKey('m')) {
          try {
            eps = Rational.parse(opt.get('m'));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-m: not a number: " + opt.get('m'));
          }
          if (eps.signum() <= 0 || eps.compareTo(Rational.ONE) >= 0) {
            throw new IllegalArgumentException("-m must be above 0 and below 1");
          }
        }
        shown = form(game);
        eqs = new SimplicialSubdivision(eps, SimplicialSubdivision.DEFAULT_GRID).solve(shown);
        if (decimals != null && decimals <= 0) {
          decimals = null; // Gambit's simpdiv: -d 0 is its default, exact rationals
        }
        if (decimals != null) {
          int d = decimals;
          for (Equilibrium e : eqs) {
            o.append("NE");
            for (Rational r : e.profile()) {
              o.append(',').append(GambitOutput.fixed(r.doubleValue(), d));
            }
            o.append('\n');
          }
          return;
        }
      }
      default -> throw new IllegalStateException(tool);
    }
    for (Equilibrium e : eqs) {
      if (detail) {
        o.append(GambitOutput.detail(shown, e.profile(), decimals));
      } else {
        o.append(decimals == null ? e.gambitLine() : e.gambitLine(decimals)).append('\n');
      }
    }
  }

  /**
   * Gambit's liap: -n starts (default 10) drawn from the seed -R (Spiral's default 0: Gambit
   * seeds from entropy) or read from the file -s, -i iterations, -m regret; -V also prints each
   * start and each failed end.
   */
  private static void liap(Map<Character, String> opt, StrategicGame g, int digits,
      StringBuilder o) {
    Liapunov l = new Liapunov(g);
    List<double[]> starts = starts(opt, g, Liapunov.DEFAULT_STARTS, Liapunov.DEFAULT_SEED);
    int iterations = opt.containsKey('i') ? atoi(opt.get('i')) : Liapunov.DEFAULT_ITERATIONS;
    double regret = opt.containsKey('m') ? atof(opt.get('m')) : Liapunov.DEFAULT_MAX_REGRET;
    boolean verbose = opt.containsKey('V');
    l.solve(starts, iterations, regret, r -> {
      if (verbose) {
        o.append(GambitOutput.fixedLine("start", r.start(), digits)).append('\n');
      }
      if (r.equilibrium()) {
        o.append(GambitOutput.fixedLine("NE", r.end(), digits)).append('\n');
      } else if (verbose) {
        o.append(GambitOutput.fixedLine("end", r.end(), digits)).append('\n');
      }
    });
  }

  /**
   * Gambit's liap -A on a tree: behaviour profiles. Spiral searches the reduced strategic form as
   * without -A and prints each end that passes the regret bound -m as the realisation-equivalent
   * behaviour profile, when its regret on the tree (exact) passes the same bound: Nash equilibria,
   * so agent-form equilibria too. Starting points are behaviour profiles, as in Gambit: the file
   * -s holds one a line (Gambit's behaviour order), each turned into the realisation-equivalent
   * mixed profile (Kuhn); random starts (-n, -R) are drawn on the reduced strategic form. -V also
   * prints each start, and each end that is not printed as an equilibrium, as behaviour profiles
   * ({@code start,…}, {@code end,…}).
   */
  private static void agentLiap(Map<Character, String> opt, ExtensiveGame tree, int digits,
      StringBuilder o) {
    StrategicGame g = ReducedStrategicForm.of(tree);
    Liapunov l = new Liapunov(g);
    List<double[]> starts;
    if (opt.containsKey('s')) {
      checkStartOptions(opt);
      starts = new ArrayList<>();
      for (double[] b : readProfiles(opt.get('s'), tree.profileLength())) {
        starts.add(spiral.game.BehaviourStrategies.mixed(tree, b));
      }
    } else {
      starts = starts(opt, g, Liapunov.DEFAULT_STARTS, Liapunov.DEFAULT_SEED);
    }
    int iterations = opt.containsKey('i') ? atoi(opt.get('i')) : Liapunov.DEFAULT_ITERATIONS;
    double regret = opt.containsKey('m') ? atof(opt.get('m')) : Liapunov.DEFAULT_MAX_REGRET;
    boolean verbose = opt.containsKey('V');
    Rational bound = spiral.game.EquilibriumChecker.payoffRange(g)
        .multiply(Rational.of(java.math.BigDecimal.valueOf(Math.max(0, regret))));
    l.solve(starts, iterations, regret, r -> {
      if (verbose) {
        o.append(GambitOutput.fixedLine("start",
            spiral.game.BehaviourStrategies.of(tree, r.start()), digits)).append('\n');
      }
      List<Equilibrium> found = List.of();
      if (r.equilibrium()) {
        List<Rational> mixed = LogitQre.toEquilibrium(g, r.end()).profile();
        found = spiral.game.BehaviourStrategies.equilibria(
            tree, List.of(new Equilibrium(mixed, List.of())), bound, 0);
      }
      for (Equilibrium e : found) {
        o.append("NE");
        for (Rational x : e.profile()) {
          o.append(',').append(GambitOutput.fixed(x.doubleValue(), digits));
        }
        o.append('\n');
      }
      if (found.isEmpty() && verbose) {
        o.append(GambitOutput.fixedLine("end",
            spiral.game.BehaviourStrategies.of(tree, r.end()), digits)).append('\n');
      }
    });
  }

  /**
   * Prints what a tool has written so far (gnm's lines come as its path finds them, as Gambit's
   * do, so that a run stopped early keeps them).
   */
  private static final ThreadLocal<Runnable> FLUSH = new ThreadLocal<>();

  private static void flush() {
    Runnable f = FLUSH.get();
    if (f != null) {
      f.run();
    }
  }

  /**
   * Gambit's gnm: -n perturbations (default 1) drawn from the seed -R (Spiral's default 0:
   * Gambit seeds from entropy) or read from the file -s, traced to lambda -m (negative, default
   * -10) (a tree's reduced strategic form scaled by the tree's payoff bounds) with -c steps per support cell, the local Newton method every -f steps and at most -i
   * iterations (three or more players); -V also prints the perturbation ({@code pert}, made unit
   * length), the start ({@code start}) and each support boundary (labelled with its lambda).
   */
  private static void gnm(Map<Character, String> opt, StrategicGame g,
      spiral.game.Rational[] bounds, int digits, StringBuilder o) {
    double end = opt.containsKey('m') ? atof(opt.get('m')) : GlobalNewton.DEFAULT_LAMBDA_END;
    if (!(end < 0)) {
      throw new IllegalArgumentException("Value for -m (end lambda) must be negative");
    }
    int freq = opt.containsKey('f') ? atoi(opt.get('f')) : GlobalNewton.DEFAULT_LNM_FREQUENCY;
    if (freq <= 0) {
      throw new IllegalArgumentException(
          "Value for -f (local Newton frequency) must be at least 1");
    }
    int iters =
        opt.containsKey('i') ? atoi(opt.get('i')) : GlobalNewton.DEFAULT_LNM_MAX_ITERATIONS;
    if (iters <= 0) {
      throw new IllegalArgumentException(
          "Value for -i (local Newton iterations) must be at least 1");
    }
    int steps = opt.containsKey('c') ? atoi(opt.get('c')) : GlobalNewton.DEFAULT_STEPS;
    if (steps <= 0) {
      throw new IllegalArgumentException(
          "Value for -c (steps in support cell) must be at least 1");
    }
    GlobalNewton m = new GlobalNewton(g, bounds);
    List<double[]> perts = starts(opt, g, 1, GlobalNewton.DEFAULT_SEED);
    GlobalNewton.Trace trace = !opt.containsKey('V') ? null : new GlobalNewton.Trace() {
      @Override
      public void perturbation(double[] gv) {
        o.append(GambitOutput.fixedLine("pert", gv, digits)).append('\n');
        flush();
      }

      @Override
      public void start(double[] sigma) {
        o.append(GambitOutput.fixedLine("start", sigma, digits)).append('\n');
        flush();
      }

      @Override
      public void boundary(double lambda, double[] sigma) {
        o.append(GambitOutput.fixedLine(GambitOutput.significant(lambda, 6), sigma, digits))
            .append('\n');
        flush();
      }
    };
    for (double[] p : perts) {
      m.solve(p, end, steps, freq, iters, x -> {
        o.append(GambitOutput.fixedLine("NE", x, digits)).append('\n');
        flush();
      }, trace);
    }
  }

  /**
   * Gambit's ipa: one equilibrium per perturbation, -n perturbations (default 1) drawn from the
   * seed -R (Spiral's default 0: Gambit seeds from entropy) or read from the file -s; -V also
   * prints each iteration's profile as an {@code iter-K} line. A perturbation whose iterations
   * find nothing prints nothing (Gambit's stops with an error).
   */
  private static void ipa(Map<Character, String> opt, StrategicGame g, int digits,
      StringBuilder o) {
    IteratedPolymatrix m = new IteratedPolymatrix(g);
    boolean verbose = opt.containsKey('V');
    for (double[] p : starts(opt, g, 1, IteratedPolymatrix.DEFAULT_SEED)) {
      IteratedPolymatrix.Outcome r = m.solve(p, verbose
          ? s -> o.append(GambitOutput.fixedLine("iter-" + s.iteration(), s.profile(), digits))
              .append('\n')
          : null);
      if (r != null) {
        o.append(GambitOutput.fixedLine("NE", r.profile(), digits)).append('\n');
      }
    }
  }

  /** A malformed file of starting points or perturbations (-s): its message starts FILE:LINE. */
  private static final class BadStartFile extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadStartFile(String message) {
      super(message);
    }
  }

  /** Gambit's checks of -n, -s and -R together. */
  private static void checkStartOptions(Map<Character, String> opt) {
    if (opt.containsKey('n') && opt.containsKey('s')) {
      throw new IllegalArgumentException("The -n and -s options are mutually exclusive.");
    }
    if (opt.containsKey('R') && !opt.containsKey('n')) {
      throw new IllegalArgumentException("The -R option requires -n.");
    }
  }

  /**
   * The profiles in {@code file}: one a line, {@code length} comma-separated numbers (decimals or
   * fractions); blank lines are skipped.
   */
  private static List<double[]> readProfiles(String file, int length) {
    List<double[]> profiles = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(BASE.get().resolve(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadStartFile(file + ": No such file or directory");
    } catch (IOException e) {
      throw new BadStartFile(file + ": cannot read: " + e.getMessage());
    }
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s*,\\s*");
      if (f.length != length) {
        throw new BadStartFile(file + ":" + (n + 1) + ": a profile needs " + length
            + " numbers, not " + f.length + ": " + line.strip());
      }
      double[] x = new double[f.length];
      for (int k = 0; k < f.length; k++) {
        try {
          x[k] = Rational.parse(f[k]).doubleValue();
        } catch (NumberFormatException e) {
          throw new BadStartFile(file + ":" + (n + 1) + ": not a number: " + f[k]);
        }
      }
      profiles.add(x);
    }
    return profiles;
  }

  /** -n COUNT random profiles from the seed -R, or the profiles in the file -s. */
  private static List<double[]> starts(Map<Character, String> opt, StrategicGame g,
      int defaultCount, long defaultSeed) {
    checkStartOptions(opt);
    if (opt.containsKey('s')) {
      return readProfiles(opt.get('s'), g.profileLength());
    }
    int count = opt.containsKey('n') ? Math.max(0, atoi(opt.get('n'))) : defaultCount;
    long seed = defaultSeed;
    if (opt.containsKey('R')) {
      try {
        seed = Long.parseUnsignedLong(opt.get('R').strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("-R: not a seed: " + opt.get('R'));
      }
    }
    return new Liapunov(g).randomStarts(count, seed);
  }

  private static StrategicGame form(Game g) {
    return g instanceof ExtensiveGame e ? ReducedStrategicForm.of(e) : (StrategicGame) g;
  }

  private static String banner(String tool) {
    return TITLE.get(tool) + "\nSpiral " + Version.get() + ", standing in for Gambit's gambit-"
        + tool + " (Gambit 17's options and output)\n\n";
  }

  private static String help(String tool, String prog) {
    StringBuilder b = new StringBuilder();
    b.append("Usage: ").append(prog).append(" [OPTIONS] [file]\n");
    b.append("If file is not specified, attempts to read game from standard input.\n\n");
    b.append("Options:\n");
    String spec = OPTIONS.get(tool);
    for (int i = 0; i < spec.length(); i++) {
      char f = spec.charAt(i);
      if (f == ':' || f == 'h' || f == 'v' || f == 'q') {
        continue;
      }
      boolean arg = i + 1 < spec.length() && spec.charAt(i + 1) == ':';
      String why = UNSUPPORTED.get(tool + " " + f);
      b.append(String.format("  -%c%-14s %s\n", f, arg ? " ARG" : "",
          why != null ? "(not implemented: " + why + ")" : describe(tool, f)));
    }
    b.append("  -h, --help       print this help message\n");
    b.append("  -q               quiet mode (suppresses banner)\n");
    b.append("  -v, --version    print version information\n");
    b.append("Exit codes: 0, or 1 for any error (as Gambit's tools).\n");
    return b.toString();
  }

  private static String describe(String tool, char f) {
    return switch (f) {
      case 'd' -> tool.equals("liap") || tool.equals("gnm") || tool.equals("ipa")
          ? "print probabilities with ARG decimals (default 6)"
          : tool.equals("logit")
          ? "significant digits of probabilities, places of lambda (default 6)"
          : tool.equals("enumpoly") ? "print probabilities with ARG decimals (default 6)"
          : "print decimals with ARG digits (default: exact rationals)";
      case 'D' -> "print detailed information about equilibria";
      case 'n' -> tool.equals("gnm") || tool.equals("ipa")
          ? "number of random perturbations (default 1)"
          : "number of random starting points (default 10)";
      case 'R' -> "seed of the random "
          + (tool.equals("gnm") || tool.equals("ipa") ? "perturbations" : "starting points")
          + " (Spiral's default: 0); requires -n";
      case 'i' -> tool.equals("gnm") ? "maximum iterations in local Newton (default 10)"
          : "maximum number of iterations per start (default 1000)";
      case 'f' -> "frequency to run local Newton method (default 3)";
      case 'c' -> "number of steps in each support cell (default 100)";
      case 'V' -> tool.equals("ipa")
          ? "verbose: also print each iteration's profile (iter-K lines)"
          : tool.equals("gnm")
          ? "verbose: also print the perturbation (pert), the start and each support boundary"
              + " (labelled with its lambda)"
          : "verbose: also print each start and each end that is not an equilibrium";
      case 'S' -> tool.equals("enumpoly")
          ? "use the reduced strategic game of a tree (default: behaviour profiles)"
          : "use the (reduced) strategic game of a tree";
      case 'A' -> "behaviour profiles of a tree (Spiral: Nash equilibria found on the reduced"
          + " strategic form); -s then reads behaviour profiles";
      case 'e' -> tool.equals("logit")
          ? "print only the terminal equilibrium (default: the entire branch)"
          : tool.equals("enumpoly") ? "terminate after finding ARG equilibria"
          : "terminate after finding ARG equilibria (strategic games)";
      case 's' -> tool.equals("liap") ? "file of starting points, one per line (not with -n)"
          : tool.equals("gnm") || tool.equals("ipa")
          ? "file of perturbation vectors, one per line (not with -n)"
          : tool.equals("logit") ? "initial step size (default .03)"
          : "accepted; Spiral's own step control is used";
      case 'a' -> tool.equals("logit") ? "maximum acceleration (default 1.1)"
          : "accepted; Spiral's own step control is used";
      case 'g' -> "grid refinement (only 2, the default)";
      case 'm' -> tool.equals("enumpoly")
          ? "accepted; Spiral checks each equilibrium exactly (regret 0)"
          : tool.equals("liap")
          ? "maximum regret as a proportion of the payoff range (default 1e-4)"
          : tool.equals("gnm") ? "lambda to end tracing (negative, default -10)"
          : tool.equals("logit")
          ? "maximum regret as a proportion of the payoff range (default 1e-8)"
          : "maximum regret as a proportion of the payoff range (default 1e-7)";
      case 'r' -> tool.equals("enumpoly")
          ? "accepted; Spiral solves each support exactly, with no rectangles"
          : "terminate recursion at depth ARG (strategic games; default: no limit)";
      default -> "";
    };
  }
}
