package spiral.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import spiral.game.AgentLogitQre;
import spiral.game.Beliefs;
import spiral.game.Deadline;
import spiral.game.Equilibrium;
import spiral.game.EquilibriumSolver;
import spiral.game.ExtensiveGame;
import spiral.game.Game;
import spiral.game.GameFormatException;
import spiral.game.GameReader;
import spiral.game.GlobalNewton;
import spiral.game.IteratedPolymatrix;
import spiral.game.Liapunov;
import spiral.game.LogitQre;
import spiral.game.Rational;
import spiral.game.SimplicialSubdivision;
import spiral.game.StrategicGame;
import spiral.game.TooLargeForMemory;

/** {@code spiral solve GAME}: Nash equilibria of a game in Gambit's .nfg or .efg format. */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Compute Nash equilibria of a game file in Gambit's formats (.nfg strategic, .efg"
          + " extensive), exactly (logit, liap, gnm, ipa: approximately, in floating point;"
          + " simpdiv: an exact profile that is an approximate equilibrium).",
      "",
      "Methods (Gambit's names):",
      "  enumpure   (default) all pure-strategy equilibria of a strategic game, or of a tree"
          + " with perfect recall as pure behaviour profiles (an information set that the"
          + " player's own choices never reach prints 0 for every action).",
      "  enummixed  all extreme equilibria of a two-player game, exact (vertex enumeration of"
          + " the best-response polytopes), degenerate games included; a tree is solved on its"
          + " reduced strategic form, whose strategies are listed lexicographically, first"
          + " information set most significant.",
      "  lcp        Lemke-Howson on a two-player strategic game, exact, with Gambit's search:"
          + " depth first from the artificial equilibrium, following every label's path from"
          + " each new basis, so the lines and their order are gambit-lcp's (extreme"
          + " equilibria, not always all of them; a degenerate game's equilibrium once per"
          + " basis reached). On a"
          + " two-player tree with perfect recall: one equilibrium by Lemke's algorithm on the"
          + " sequence form, exact, as Gambit's lcp (a set the player's own play never reaches"
          + " prints the uniform distribution).",
      "  lp         one equilibrium (optimal minimax strategies) of a two-player constant-sum"
          + " game, exact, by the simplex method on the game's linear program (on a tree: the"
          + " sequence-form program).",
      "  spe        one subgame-perfect equilibrium (not all of them) of a tree with perfect"
          + " recall, by backward induction, exact (chance nodes take expectations; a tie goes to the first"
          + " action in file order); play is given at every information set, reached or not."
          + " With imperfect information, each proper subgame is solved bottom-up on its reduced"
          + " strategic form (enummixed for two players, enumpure otherwise), keeping the first"
          + " equilibrium found.",
      "  logit      one approximate equilibrium of a game with any number of players:"
          + " the limit of the principal branch of the logit quantal-response correspondence,"
          + " traced from the centroid at lambda 0 in floating point by predictor-corrector"
          + " continuation with Gambit's step control (-s STEP: first step along the branch,"
          + " default 0.03; -a ACCEL: maximal acceleration, default 1.1) until no player's"
          + " regret reaches -m REGRET (default 1e-8) times the payoff range. Strategic games:"
          + " the QRE in mixed strategies; trees (perfect recall): the agent QRE in behaviour"
          + " strategies, as Gambit's logit on a tree (regret of each reached information set);"
          + " with -S, the reduced strategic form's. Printed as Gambit's logit prints it:"
          + " probabilities with 6 significant digits (D with --decimals D), 1.5e-07 below 1e-4."
          + " --path also prints each step: 'lambda,probabilities' lines (lambda with D places)"
          + " before the NE line, as Gambit's logit does by default, or a 'path' list in"
          + " --format json; -e (the default) prints the NE line only.",
      "  simpdiv    one approximate equilibrium of a game with any number of players by"
          + " simplicial subdivision (van der Laan and Talman's restart algorithm on the product"
          + " of the strategy simplices), the grid refined from denominator --grid (default 2)"
          + " by halving the mesh until no player's regret exceeds --epsilon (default 1e-8)"
          + " times the game's payoff range (largest minus smallest payoff), checked exactly."
          + " The profile is exact (fractions over a power of 2 times the first grid); a tree"
          + " is solved on its reduced strategic form and printed as a profile over its reduced"
          + " strategies, as Gambit's simpdiv prints it.",
      "  enumpoly   the isolated equilibria of a strategic game with any number of players by"
          + " support enumeration: exact where at most two players mix (linear equations);"
          + " where three or more mix, Newton's method on the polynomial equations, kept at"
          + " regret up to 1e-8 of the payoff range (exact when the root is a small fraction)."
          + " A tree (perfect recall) is solved in behaviour strategies, as Gambit's enumpoly:"
          + " each equilibrium of its reduced strategic form becomes the realisation-equivalent"
          + " behaviour profile (Kuhn), printed once, after its regret on the tree is checked;"
          + " at a set the player's own play never reaches every action prints 0 (Gambit prints"
          + " some equilibrium play there). With -S: the reduced strategic form's profiles.",
      "  liap       approximate equilibria of a strategic game with any number of players by"
          + " minimising the Lyapunov function (McKelvey 1991: the sum of squared positive"
          + " regrets of every strategy, relative to the payoff range) from --starts random"
          + " profiles (default 10), seeded by --seed (default 0: the same lines on every run;"
          + " Gambit seeds from entropy), by projected gradient descent, at most 1000 steps each;"
          + " an end point is printed when its regret is below 1e-4 of the payoff range, so"
          + " the lines may repeat an equilibrium or miss some. Probabilities with 6 decimals"
          + " (--decimals D). A tree (perfect recall) is searched on its reduced strategic form"
          + " and each end printed as the realisation-equivalent behaviour profile, after its"
          + " regret on the tree is checked against the same bound (0 for every action of a set"
          + " the player's own play never reaches), as Gambit's liap -A prints behaviour"
          + " profiles; with -S: the reduced strategic form's profiles (as Gambit's liap without"
          + " -A).",
      "  gnm        approximate equilibria of a strategic game with any number of players by"
          + " Govindan and Wilson's global Newton method: the path of equilibria of the game"
          + " perturbed by lambda times a random bonus vector (--starts N vectors, default 1,"
          + " seeded by --seed, default 0; Gambit seeds from entropy), from large lambda to"
          + " lambda -10; each crossing of lambda 0 is an equilibrium (an odd number in all on"
          + " a generic game), printed once, with 6 decimals (--decimals D); the path is"
          + " followed as Gambit's gnm (GameTracer's) follows it. A tree is solved on its"
          + " reduced strategic form, its payoffs scaled by the tree's, as Gambit's.",
      "  ipa        approximate equilibria of a strategic game with any number of players by"
          + " Govindan and Wilson's iterated polymatrix approximation: the game is replaced by"
          + " its polymatrix approximation at the current profile, whose equilibrium (Lemke's"
          + " pivoting from the pure profile that maximises a random perturbation vector: --starts"
          + " N vectors, default 1, seeded by --seed, default 0; Gambit seeds from entropy) moves"
          + " the profile a fifth of the way, until that equilibrium is one of the game (regret"
          + " below 1e-4, then Newton's method: below 1e-6 of the payoff range); 100 iterations"
          + " without one start again from a seeded random profile, 10000 give up (nothing"
          + " printed for that vector). One line per vector that succeeds, with 6 decimals"
          + " (--decimals D); exact where at most two players mix on supports of equal size"
          + " (two-player games end at the first iteration). A tree is solved on its reduced"
          + " strategic form.",
      "",
      "Output: one line per equilibrium, 'NE,' followed by the probabilities - strategic games:"
          + " player 1's strategies in file order, then player 2's; trees: players in order,"
          + " information sets in depth-first order of first appearance, actions in file order -"
          + " as exact rationals (1/3) or, with --decimals D, as fixed decimals. The lines match"
          + " Gambit's command-line tools, so results can be compared line by line (as sets:"
          + " the order of the lines may differ). --format json also gives each equilibrium's"
          + " expected payoff per player and, for a tree, its beliefs: per player, per"
          + " information set (in profile order), the probability of each of the set's nodes"
          + " (depth-first order) given that the set is reached, or null for a set reached"
          + " with probability 0.",
      "",
      "--timeout SECONDS (default 60, 0 for none) bounds the solving time, building a tree's"
          + " reduced strategic form included: past it the solver gives up with exit code 1"
          + " (enumeration and spe on large imperfect-information trees can take very long; lcp"
          + " finds one equilibrium of a two-player tree quickly). There is no fixed limit on"
          + " the number of strategies or profiles: a tree whose reduced strategic form (or"
          + " enumpure's search) needs more memory than the Java heap has free is refused"
          + " (exit code 2) with the memory needed; SPIRAL_JAVA_OPTS=-Xmx16g gives ./spiral a"
          + " larger heap.",
      "",
      "Gambit's flags: -q (quiet; spiral solve prints no banner anyway), -d D (as --decimals),"
          + " -S (a tree's reduced strategic form: enumpure, lcp, lp, logit, enumpoly, liap;"
          + " enummixed, simpdiv, gnm and ipa always use it), -D (detailed output: each strategy's"
          + " probability and expected payoff; on a tree each action's probability and value"
          + " at its set, then each node's belief and realisation probability), -e (logit: only the end point; lcp: -e N stops"
          + " after N equilibria of a strategic game), -s, -a and -m (logit's first step,"
          + " maximal acceleration and maximal regret; Gambit 17's -m is a regret, not a"
          + " maximal lambda). Gambit 17's tools have no -P: for a"
          + " subgame-perfect equilibrium use --method spe. The gambit/ folder of the repository"
          + " holds gambit-enumpure, gambit-lcp, ... that run as Gambit's tools do (see README).",
      "",
      "No GAME, or GAME '-', reads standard input. Files over 64 MiB are refused. A bad file is reported as"
          + " FILE:LINE:COLUMN: message, with exit code 2; so is a game a method does not apply"
          + " to (imperfect recall, enummixed, lcp or lp on more than two players,"
          + " lcp or lp on a tree with more than two players, simpdiv on a"
          + " reduced strategic form over 5,000,000 profiles, spe on a"
          + " strategic game or on a subgame without a pure equilibrium"
          + " (more than two players),"
          + " lp on a game that is not constant-sum, or too large to enumerate).",
      ""
    })
final class SolveCommand implements Callable<Integer> {
  enum Method {
    enumpure,
    enummixed,
    lcp,
    lp,
    spe,
    logit,
    simpdiv,
    enumpoly,
    liap,
    gnm,
    ipa
  }

  enum SolveFormat {
    gambit,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "GAME",
      description = "Game file (.nfg or .efg); none or '-': standard input.")
  String game;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = DEFAULT_METHOD,
      description =
          "enumpure, enummixed, lcp, lp, spe, logit, simpdiv, enumpoly, liap, gnm or ipa"
              + " (default: ${DEFAULT-VALUE}).")
  Method method;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = DEFAULT_FORMAT,
      description = "gambit (NE lines) or json (default: ${DEFAULT-VALUE}).")
  SolveFormat format;

  @Option(
      names = {"-d", "--decimals"},
      paramLabel = "D",
      description = "Print probabilities and payoffs as decimals with D places (0 to 50).")
  Integer decimals;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = DEFAULT_TIMEOUT,
      description = "Give up after this many seconds, building a tree's reduced strategic"
          + " form included; exit code 1 (default: ${DEFAULT-VALUE}; 0: no limit).")
  double timeout;

  @Option(
      names = "--path",
      description = "With --method logit, also print lambda and the profile at every step.")
  boolean path;

  @Option(
      names = "--cross-bifurcations",
      description = "With --method logit: where the branch turns back at a bifurcation that"
          + " Gambit's tracer cannot get past (its step falls below the minimum, and it prints"
          + " that point), cross it and go on towards an equilibrium instead. Not Gambit's:"
          + " without it the end point is Gambit's.")
  boolean crossBifurcations;

  @Option(
      names = {"-s", "--step"},
      paramLabel = "STEP",
      description = "With --method logit: the first step along the branch, in arc length, above 0"
          + " (default: 0.03, Gambit's).")
  Double step;

  @Option(
      names = {"-a", "--accel"},
      paramLabel = "ACCEL",
      description = "With --method logit: the maximal acceleration, the factor above 1 by which"
          + " the step may grow or shrink at each point (default: 1.1, Gambit's).")
  Double accel;

  @Option(
      names = {"-m", "--max-regret"},
      paramLabel = "REGRET",
      description = "With --method logit: tracing stops where no player's regret (a tree: no"
          + " reached information set's) reaches REGRET times the payoff range, above 0"
          + " (default: 1e-8, Gambit's; Gambit 17's -m, not a maximal lambda).")
  Double maxRegret;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description =
          "With --method simpdiv: the largest regret accepted, relative to the payoff range, as"
              + " a decimal or fraction above 0 and below 1 (default: 1e-8).")
  String epsilon;

  @Option(
      names = "--grid",
      paramLabel = "D",
      description =
          "With --method simpdiv: denominator of the first grid, 1 to 1000000 (default: 2).")
  Integer grid;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "With --method liap, gnm or ipa: seed of the random starting points or"
          + " perturbations (default: 0).")
  Long seed;

  @Option(
      names = "--starts",
      paramLabel = "N",
      description = "With --method liap: number of random starting points (default: 10); gnm"
          + " and ipa: of random perturbations (default: 1).")
  Integer starts;

  @Option(
      names = {"-q", "--quiet"},
      description = "Gambit's quiet flag: no banner (spiral solve prints none anyway).")
  boolean quiet;

  @Option(
      names = {"-S", "--strategic"},
      description = "Solve a tree's reduced strategic form and print strategy profiles.")
  boolean strategic;

  @Option(
      names = {"-D", "--detail"},
      description = "Detailed output as Gambit's -D: per player, each strategy's probability and"
          + " expected payoff; for a tree's behaviour profile, each action's probability and"
          + " value at its information set, then each node's belief and realisation"
          + " probability.")
  boolean detail;

  @Option(
      names = "-e",
      arity = "0..1",
      paramLabel = "N",
      parameterConsumer = EndConsumer.class,
      description = "As Gambit: with logit, print only the end point (the default); with lcp,"
          + " -e N stops after N equilibria of a strategic game.")
  String end;

  /** Takes a number after -e (lcp's EQA) but leaves a game file name where it is. */
  static final class EndConsumer implements picocli.CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(
        java.util.Stack<String> args,
        picocli.CommandLine.Model.ArgSpec argSpec,
        CommandSpec commandSpec) {
      String v = "";
      if (!args.isEmpty() && args.peek().matches("\\d+")) {
        v = args.pop();
      }
      argSpec.setValue(v);
    }
  }

  /** The defaults of --method, --format and --timeout, for picocli and for {@link #plain}. */
  static final String DEFAULT_METHOD = "enumpure";
  static final String DEFAULT_FORMAT = "gambit";
  static final String DEFAULT_TIMEOUT = "60";

  /** Standard output where picocli did not build the command ({@link #plain}); else null. */
  private PrintWriter plainOut;
  private PrintWriter plainErr;

  /**
   * A {@code spiral solve} line whose words are only a game file and the options below, each at
   * most once, every value a separate word or after '=' of a long option ({@code --method lcp},
   * {@code --method=lcp}, {@code -d 4}), set as picocli would set them, without picocli: its
   * classes cannot be mapped from the class-data-sharing archive (they are Java 5 class files,
   * which JDK 17's archive skips) and building its model took about 0.1 s of a small solve.
   * Null for any other line (help, version, -e, --verbose, bundled flags such as -qS, attached
   * values such as -d4, '-', '--', '@' files, a value picocli would reject, a second game), and
   * when a picocli system property is set: picocli parses those as before, with its messages.
   * Standard output goes to {@code out}, notes (not errors) to {@code err}.
   */
  static SolveCommand plain(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 0 || !args[0].equals("solve")) {
      return null;
    }
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("picocli.")) {
        return null;
      }
    }
    SolveCommand c = new SolveCommand();
    c.method = Method.valueOf(DEFAULT_METHOD);
    c.format = SolveFormat.valueOf(DEFAULT_FORMAT);
    c.timeout = Double.parseDouble(DEFAULT_TIMEOUT);
    java.util.Set<String> seen = new java.util.HashSet<>();
    try {
      for (int k = 1; k < args.length; k++) {
        String a = args[k];
        if (a.isEmpty() || a.startsWith("@")) {
          return null;
        }
        if (!a.startsWith("-")) {
          if (c.game != null) {
            return null;
          }
          c.game = a;
          continue;
        }
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        String key = switch (name) {
          case "-d", "--decimals" -> "--decimals";
          case "-s", "--step" -> "--step";
          case "-a", "--accel" -> "--accel";
          case "-m", "--max-regret" -> "--max-regret";
          case "-q", "--quiet" -> "--quiet";
          case "-S", "--strategic" -> "--strategic";
          case "-D", "--detail" -> "--detail";
          case "--method", "--format", "--timeout", "--path", "--epsilon", "--grid", "--seed",
              "--starts", "--cross-bifurcations" -> name;
          default -> null;
        };
        if (key == null || !seen.add(key)) {
          return null;
        }
        switch (key) {
          case "--quiet", "--strategic", "--detail", "--path", "--cross-bifurcations" -> {
            if (value != null) {
              return null;
            }
            switch (key) {
              case "--quiet" -> c.quiet = true;
              case "--strategic" -> c.strategic = true;
              case "--detail" -> c.detail = true;
              case "--cross-bifurcations" -> c.crossBifurcations = true;
              default -> c.path = true;
            }
            continue;
          }
          default -> { }
        }
        if (value == null) {
          if (k + 1 == args.length) {
            return null;
          }
          value = args[++k];
        }
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
          return null;
        }
        // picocli's conversions (valueOf); a value they refuse falls back to picocli's message
        switch (key) {
          case "--method" -> c.method = Method.valueOf(value);
          case "--format" -> c.format = SolveFormat.valueOf(value);
          case "--decimals" -> c.decimals = Integer.valueOf(value);
          case "--timeout" -> c.timeout = Double.valueOf(value);
          case "--step" -> c.step = Double.valueOf(value);
          case "--accel" -> c.accel = Double.valueOf(value);
          case "--max-regret" -> c.maxRegret = Double.valueOf(value);
          case "--epsilon" -> c.epsilon = value;
          case "--grid" -> c.grid = Integer.valueOf(value);
          case "--seed" -> c.seed = Long.valueOf(value);
          default -> c.starts = Integer.valueOf(value);
        }
      }
    } catch (IllegalArgumentException e) { // NumberFormatException, or no such enum constant
      return null;
    }
    c.plainOut = out;
    c.plainErr = err;
    return c;
  }

  @Override
  public Integer call() {
    if (game == null) {
      game = "-";
    }
    if (decimals != null && (decimals < 0 || decimals > 50)) {
      throw new BadInputException("spiral solve: --decimals must be between 0 and 50");
    }
    String name = game.equals("-") ? "<stdin>" : game;
    Game g;
    try {
      g = game.equals("-") ? GameReader.read(System.in) : GameReader.read(Path.of(game));
    } catch (NoSuchFileException e) {
      throw new BadInputException("spiral solve: " + name + ": no such file");
    } catch (GameFormatException e) {
      throw new BadInputException(name + (e.line() > 0 ? ":" : ": ") + e.getMessage());
    } catch (IOException e) {
      if (!game.equals("-") && Files.isDirectory(Path.of(game))) {
        throw new BadInputException("spiral solve: " + name + ": is a folder, not a game file");
      }
      throw new BadInputException("spiral solve: " + name + ": cannot read: " + e.getMessage());
    }
    if (!(timeout >= 0) || timeout > 1e9) {
      throw new BadInputException(
          "spiral solve: --timeout must be a number of seconds, 0 or more (got " + timeout + ")");
    }
    if (path && method != Method.logit) {
      throw new BadInputException("spiral solve: --path applies to --method logit only");
    }
    if (crossBifurcations && method != Method.logit) {
      throw new BadInputException(
          "spiral solve: --cross-bifurcations applies to --method logit only");
    }
    LogitQre.Options logitOptions = logitOptions();
    int stopAfter = 0;
    if (end != null) {
      if (method == Method.logit && end.isEmpty()) {
        if (path) {
          throw new BadInputException("spiral solve: -e (end point only) contradicts --path");
        }
      } else if (method == Method.lcp && !end.isEmpty()) {
        stopAfter = Integer.parseInt(end);
      } else {
        throw new BadInputException(
            "spiral solve: -e applies to --method logit (no number) or lcp (-e N)");
      }
    }
    if (detail && format == SolveFormat.json) {
      throw new BadInputException("spiral solve: -D is for the gambit format, not json");
    }
    if (method == Method.logit && decimals == null) {
      decimals = 6;
    }
    // one time limit for building a tree's reduced strategic form and solving it
    long started = System.nanoTime();
    // gnm scales a tree's reduced strategic form by the tree's payoff bounds, as Gambit's
    spiral.game.Rational[] treeBounds =
        g instanceof ExtensiveGame t && method == Method.gnm ? t.payoffBounds() : null;
    if (g instanceof ExtensiveGame tree
        && (method == Method.simpdiv || method == Method.gnm || method == Method.ipa
            || (strategic && method != Method.spe))) {
      try {
        g = withinTimeout(started, () -> spiral.game.ReducedStrategicForm.of(tree));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("spiral solve: " + name + ": " + method + ": "
            + e.getMessage() + tooLarge(e, tree, method));
      } catch (Deadline.Exceeded e) {
        throw gaveUp(name, tree, e);
      }
    }
    if ((epsilon != null || grid != null) && method != Method.simpdiv) {
      throw new BadInputException(
          "spiral solve: --epsilon and --grid apply to --method simpdiv only");
    }
    if ((seed != null || starts != null) && method != Method.liap && method != Method.gnm
        && method != Method.ipa) {
      throw new BadInputException(
          "spiral solve: --seed and --starts apply to --method liap, gnm and ipa only");
    }
    if (starts != null && (starts < 1 || starts > 1_000_000)) {
      throw new BadInputException(
          "spiral solve: --starts must be between 1 and 1000000, got " + starts);
    }
    if ((method == Method.liap || method == Method.gnm || method == Method.ipa)
        && decimals == null && format == SolveFormat.gambit) {
      decimals = 6;
    }
    EquilibriumSolver solver =
        method == Method.simpdiv || method == Method.liap || method == Method.gnm
            || method == Method.ipa
            ? (method == Method.simpdiv ? simpdiv() : null)
            : EquilibriumSolver.byName(method.name());
    List<Equilibrium> eqs;
    List<LogitQre.Point> steps = new ArrayList<>();
    LogitQre.Result[] logitResult = new LogitQre.Result[1];
    Game game = g;
    int stop = stopAfter;
    try {
      Supplier<List<Equilibrium>> work =
          () -> {
            if (method == Method.logit && game instanceof ExtensiveGame tree) {
              LogitQre.Result r =
                  AgentLogitQre.trace(tree, logitOptions, path ? steps::add : null);
              logitResult[0] = r;
              return List.of(AgentLogitQre.toEquilibrium(tree, r.profile()));
            }
            if (method == Method.logit && game instanceof StrategicGame sg) {
              logitResult[0] = LogitQre.trace(sg, logitOptions, path ? steps::add : null);
              return List.of(LogitQre.toEquilibrium(sg, logitResult[0].profile()));
            }
            if (method == Method.gnm) {
              StrategicGame sg = (StrategicGame) game;
              GlobalNewton m = new GlobalNewton(sg, treeBounds);
              List<Equilibrium> found = new ArrayList<>();
              for (double[] p : m.randomPerturbations(starts == null ? 1 : starts,
                  seed == null ? GlobalNewton.DEFAULT_SEED : seed)) {
                m.solve(p, GlobalNewton.DEFAULT_LAMBDA_END,
                    x -> found.add(LogitQre.toEquilibrium(sg, x)));
              }
              return found;
            }
            if (method == Method.ipa) {
              StrategicGame sg = (StrategicGame) game;
              IteratedPolymatrix m = new IteratedPolymatrix(sg);
              List<Equilibrium> found = new ArrayList<>();
              for (double[] p : m.randomPerturbations(starts == null ? 1 : starts,
                  seed == null ? IteratedPolymatrix.DEFAULT_SEED : seed)) {
                IteratedPolymatrix.Outcome o = m.solve(p, null);
                if (o != null) {
                  found.add(o.equilibrium());
                }
              }
              return found;
            }
            if (method == Method.liap && game instanceof ExtensiveGame tree) {
              return treeLiap(tree);
            }
            if (method == Method.liap) {
              return liap((StrategicGame) game);
            }
            if (method == Method.lcp && game instanceof StrategicGame sg
                && sg.numPlayers() == 2) {
              return new spiral.game.LemkeHowson().solve(sg, stop, 0);
            }
            return solver.solve(game);
          };
      eqs = withinTimeout(started, work);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral solve: " + name + ": " + method + ": " + e.getMessage()
          + tooLarge(e, g, method));
    } catch (Deadline.Exceeded e) {
      throw gaveUp(name, g, e);
    }
    PrintWriter out = plainOut != null ? plainOut : spec.commandLine().getOut();
    if (format == SolveFormat.json) {
      Map<String, Object> m = json(g, eqs);
      if (logitResult[0] != null) {
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("lambda", logitResult[0].lambda());
        end.put("converged", logitResult[0].converged());
        m.put("logit", end);
      }
      if (path) {
        List<Object> list = new ArrayList<>();
        for (LogitQre.Point p : steps) {
          Map<String, Object> q = new LinkedHashMap<>();
          q.put("lambda", p.lambda());
          q.put("profile", p.profile());
          list.add(q);
        }
        m.put("path", list);
      }
      out.print(Output.json(m));
    } else {
      for (LogitQre.Point p : steps) {
        out.println(GambitOutput.logitLine(null, p.lambda(), p.profile(), decimals));
      }
      if (stopAfter > 0 && eqs.size() > stopAfter) {
        eqs = eqs.subList(0, stopAfter);
      }
      for (Equilibrium e : eqs) {
        if (detail) {
          out.print(GambitOutput.detail(g, e.profile(), decimals));
        } else if (logitResult[0] != null) {
          out.println(GambitOutput.logitLine("NE", 0, logitResult[0].profile(), decimals));
        } else {
          out.println(decimals == null ? e.gambitLine() : e.gambitLine(decimals));
        }
      }
    }
    out.flush();
    if (logitResult[0] != null && !logitResult[0].converged()) {
      PrintWriter err = plainErr != null ? plainErr : spec.commandLine().getErr();
      err.println("spiral solve: logit: the path tracer gave up at lambda "
          + String.format(java.util.Locale.ROOT, "%.6f", logitResult[0].lambda())
          + " (" + logitResult[0].reason() + "), before every regret fell below the bound: the"
          + " profile printed is the branch's last point, not an equilibrium"
          + (logitOptions.crossBifurcations() ? ""
              : "; where the branch turns back at a bifurcation, --cross-bifurcations crosses it"));
      err.flush();
    }
    return 0;
  }

  /**
   * Runs {@code work} under --timeout, counted from {@code started} (System.nanoTime): what is
   * left of it, or no limit for --timeout 0.
   */
  private <T> T withinTimeout(long started, Supplier<T> work) {
    if (timeout == 0) {
      return work.get();
    }
    long left = (long) (timeout * 1e9) - (System.nanoTime() - started);
    return Deadline.within(Duration.ofNanos(Math.max(0, left)), work);
  }

  /** The failure past --timeout, naming the faster methods that apply (exit code 1). */
  private SolverGaveUp gaveUp(String name, Game g, Deadline.Exceeded e) {
    String faster = faster(g, method);
    String hint = faster.isEmpty() ? "try a larger --timeout"
        : "try " + faster + " or a larger --timeout";
    // the whole --timeout, though the solver's own deadline was what was left of it
    String limit = BigDecimal.valueOf(timeout).stripTrailingZeros().toPlainString() + " s";
    return new SolverGaveUp(name + ": " + method + ": gave up after " + limit + "; " + hint, e);
  }

  /**
   * The next step after a refusal for size (too many strategies to enumerate, or more
   * memory than the heap has): a larger heap where memory was short, and the faster methods that
   * apply to the game; empty for other refusals.
   */
  static String tooLarge(IllegalArgumentException e, Game g, Method method) {
    String heap = "";
    if (e instanceof TooLargeForMemory m && !e.getMessage().contains("array")) {
      long gib = m.bytesNeeded().shiftRight(30).longValue() + 2;
      heap = "give Java more memory (SPIRAL_JAVA_OPTS=-Xmx" + gib + "g for ./spiral and the"
          + " gambit-* shims)";
    }
    String faster = tooLarge(e.getMessage(), g, method);
    if (heap.isEmpty()) {
      return faster;
    }
    return "; " + heap + (faster.isEmpty() ? "" : " or t" + faster.substring(3));
  }

  /**
   * The next step after a refusal for size (too many strategies to enumerate): the faster
   * methods that apply to the game; empty for other refusals.
   */
  static String tooLarge(String message, Game g, Method method) {
    String m = message == null ? "" : message;
    boolean size = m.contains("too large") || m.contains("the limit is") || m.contains("at most")
        || m.contains("too many");
    String faster = size ? faster(g, method) : "";
    return faster.isEmpty() ? "" : "; try " + faster;
  }

  /**
   * Methods that find an equilibrium fast where {@code method} enumerates or ran out of time: spe
   * lcp on two players (one equilibrium), spe on a tree (backward induction); empty when neither
   * applies or {@code method} is already one of them.
   */
  static String faster(Game g, Method method) {
    List<String> ways = new ArrayList<>();
    if (g.numPlayers() == 2 && method != Method.lcp && method != Method.lp) {
      ways.add("--method lcp (one equilibrium, fast on two-player games and trees)");
    }
    if (g instanceof ExtensiveGame && method != Method.spe) {
      ways.add("--method spe (the subgame-perfect equilibrium of a tree, by backward induction)");
    }
    return String.join(" or ", ways);
  }

  /**
   * liap on a tree: the minimiser on the reduced strategic form, each end that passes its regret
   * bound there converted to the realisation-equivalent behaviour profile and printed when its
   * regret on the tree (exact) is below the same bound.
   */
  private List<Equilibrium> treeLiap(ExtensiveGame tree) {
    StrategicGame sg = spiral.game.ReducedStrategicForm.of(tree);
    Rational bound = spiral.game.EquilibriumChecker.payoffRange(sg)
        .multiply(Rational.of(BigDecimal.valueOf(Liapunov.DEFAULT_MAX_REGRET)));
    List<Equilibrium> found = new ArrayList<>();
    for (Equilibrium e : liap(sg)) {
      found.addAll(spiral.game.BehaviourStrategies.equilibria(
          tree, List.of(new Equilibrium(e.profile(), List.of())), bound, 0));
    }
    return found;
  }

  /**
   * liap on a strategic game: the minimiser from the seeded random starts ({@code --starts},
   * {@code --seed}), each end that passes its regret bound as an equilibrium, in the order found.
   */
  private List<Equilibrium> liap(StrategicGame sg) {
    Liapunov l = new Liapunov(sg);
    List<Equilibrium> found = new ArrayList<>();
    l.solve(
        l.randomStarts(
            starts == null ? Liapunov.DEFAULT_STARTS : starts,
            seed == null ? Liapunov.DEFAULT_SEED : seed),
        Liapunov.DEFAULT_ITERATIONS,
        Liapunov.DEFAULT_MAX_REGRET,
        r -> {
          if (r.equilibrium()) {
            found.add(LogitQre.toEquilibrium(sg, r.end()));
          }
        });
    return found;
  }

  /** The solver ran past --timeout: a run-time failure (exit code 1). */
  static final class SolverGaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SolverGaveUp(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The logit tracing controls: Gambit's defaults, or -s, -a and -m, each checked (only with
   * --method logit).
   */
  private LogitQre.Options logitOptions() {
    if ((step != null || accel != null || maxRegret != null) && method != Method.logit) {
      throw new BadInputException(
          "spiral solve: -s, -a and -m (--step, --accel, --max-regret) apply to --method logit"
              + " only");
    }
    if (step != null && !(step > 0 && Double.isFinite(step))) {
      throw new BadInputException(
          "spiral solve: -s (first step) must be a number above 0, got " + step);
    }
    if (accel != null && !(accel > 1 && Double.isFinite(accel))) {
      throw new BadInputException(
          "spiral solve: -a (maximal acceleration) must be a number above 1, got " + accel);
    }
    if (maxRegret != null && !(maxRegret > 0 && Double.isFinite(maxRegret))) {
      throw new BadInputException(
          "spiral solve: -m (maximal regret, relative to the payoff range) must be a number"
              + " above 0, got " + maxRegret);
    }
    return new LogitQre.Options(
        step == null ? LogitQre.DEFAULT_STEP : step,
        accel == null ? LogitQre.DEFAULT_ACCEL : accel,
        maxRegret == null ? LogitQre.DEFAULT_MAX_REGRET : maxRegret,
        crossBifurcations);
  }

  private SimplicialSubdivision simpdiv() {
    Rational e = SimplicialSubdivision.DEFAULT_EPSILON;
    if (epsilon != null) {
      try {
        e = Rational.parse(epsilon);
      } catch (NumberFormatException x) {
        throw new BadInputException("spiral solve: --epsilon: not a number: " + epsilon);
      }
      if (e.signum() <= 0 || e.compareTo(Rational.ONE) >= 0) {
        throw new BadInputException(
            "spiral solve: --epsilon must be above 0 and below 1, got " + epsilon);
      }
    }
    int d = SimplicialSubdivision.DEFAULT_GRID;
    if (grid != null) {
      if (grid < 1 || grid > 1_000_000) {
        throw new BadInputException("spiral solve: --grid must be between 1 and 1000000, got "
            + grid);
      }
      d = grid;
    }
    return new SimplicialSubdivision(e, d);
  }

  private Map<String, Object> json(Game g, List<Equilibrium> eqs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spiral", spiral.Version.get());
    m.put("game", g.title());
    m.put("method", method.name());
    m.put("players", g.players());
    List<Object> list = new ArrayList<>();
    for (Equilibrium e : eqs) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("profile", values(e.profile()));
      q.put("payoffs", values(e.payoffs()));
      if (g instanceof ExtensiveGame tree) {
        List<Object> beliefs = new ArrayList<>();
        for (List<List<Rational>> player : Beliefs.of(tree, e.profile())) {
          List<Object> sets = new ArrayList<>();
          for (List<Rational> b : player) {
            sets.add(b == null ? null : values(b));
          }
          beliefs.add(sets);
        }
        q.put("beliefs", beliefs);
      }
      list.add(q);
    }
    m.put("equilibria", list);
    return m;
  }

  private List<Object> values(List<Rational> l) {
    List<Object> out = new ArrayList<>();
    for (Rational r : l) {
      out.add(decimals == null ? r.toString() : new BigDecimal(r.toDecimal(decimals)));
    }
    return out;
  }
}
