package spiral.game;

import java.util.List;

/**
 * A method that computes Nash equilibria of a game: exactly, except {@code logit}, which traces a
 * floating-point path and returns an approximate equilibrium, and {@code simpdiv}, which returns
 * an exact profile that is an epsilon-equilibrium.
 */
public interface EquilibriumSolver {
  /** Gambit's name for the method, such as {@code enumpure}. */
  String name();

  /**
   * The equilibria the method finds.
   *
   * @throws IllegalArgumentException when the method does not apply to the game (for example a
   *     two-player method on a three-player game, or a tree with imperfect recall)
   */
  List<Equilibrium> solve(Game game);

  /** The solver with Gambit's name {@code name}, or null. */
  static EquilibriumSolver byName(String name) {
    return switch (name) {
      case "enumpure" -> new EnumPure();
      case "enummixed" -> new EnumMixed();
      case "lcp" -> new LemkeHowson();
      case "lp" -> new ZeroSumLp();
      case "spe" -> new SubgamePerfect();
      case "logit" -> new LogitQre();
      case "simpdiv" -> new SimplicialSubdivision();
      case "enumpoly" -> new SupportEnumeration();
      case "liap" -> strategicOnly("liap", g -> {
        Liapunov l = new Liapunov(g);
        List<Equilibrium> found = new java.util.ArrayList<>();
        l.solve(l.randomStarts(Liapunov.DEFAULT_STARTS, Liapunov.DEFAULT_SEED),
            Liapunov.DEFAULT_ITERATIONS, Liapunov.DEFAULT_MAX_REGRET, r -> {
              if (r.equilibrium()) {
                found.add(LogitQre.toEquilibrium(g, r.end()));
              }
            });
        return found;
      });
      case "gnm" -> strategicOnly("gnm", g -> {
        GlobalNewton m = new GlobalNewton(g);
        List<Equilibrium> found = new java.util.ArrayList<>();
        m.solve(m.randomPerturbations(1, GlobalNewton.DEFAULT_SEED).get(0),
            GlobalNewton.DEFAULT_LAMBDA_END, x -> found.add(LogitQre.toEquilibrium(g, x)));
        return found;
      });
      case "ipa" -> strategicOnly("ipa", g -> {
        IteratedPolymatrix m = new IteratedPolymatrix(g);
        IteratedPolymatrix.Outcome o =
            m.solve(m.randomPerturbations(1, IteratedPolymatrix.DEFAULT_SEED).get(0), null);
        return o == null ? List.of() : List.of(o.equilibrium());
      });
      default -> null;
    };
  }

  /** A method of strategic games, with its defaults; a tree is refused. */
  private static EquilibriumSolver strategicOnly(
      String name, java.util.function.Function<StrategicGame, List<Equilibrium>> method) {
    return new EquilibriumSolver() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Equilibrium> solve(Game game) {
        if (!(game instanceof StrategicGame g)) {
          throw new IllegalArgumentException(name + " solves strategic games (.nfg); 'spiral"
              + " solve' takes a tree's reduced strategic form");
        }
        return method.apply(g);
      }
    };
  }
}
