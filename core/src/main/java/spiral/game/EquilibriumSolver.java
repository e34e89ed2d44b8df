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
      default -> null;
    };
  }
}
