package spiral.wargame;

import java.util.concurrent.Executor;

/**
 * Builds the after-action report of a wargame: it runs the existing {@link spiral.sim.Simulator}
 * on the scenario (all engine, the game's seed) and compares the played game with the simulated
 * distribution.
 */
public final class AfterAction {
  private AfterAction() {}

  /**
   * The after-action report.
   *
   * @param game the game
   * @param state its state (over or not)
   * @param runs simulated runs (&ge; 1)
   * @param seed the master seed of the simulation
   * @param executor runs the simulation's blocks
   * @param parallelism how many blocks the executor runs at once (&ge; 1)
   */
  public static AfterActionReport of(
      Wargame game, GameState state, int runs, long seed, Executor executor, int parallelism) {
    throw new UnsupportedOperationException("in progress");
  }
}
