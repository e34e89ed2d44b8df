package spiral.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;

/**
 * Gambit's {@code enumpure}: every pure-strategy Nash equilibrium, by checking each pure profile
 * for profitable unilateral deviations. Strategic games: cost O(profiles x sum of strategy
 * counts). Extensive games (perfect recall only, as in Gambit): the profiles are pure behaviour
 * strategies that choose an action only where the player's own earlier choices allow the set to
 * be reached (others print as 0); a profile is kept when no player can gain by any change of their
 * whole strategy, found by best response over the player's own sequences (von Stengel 1996);
 * cost O(reduced profiles x nodes) in time, checking the current {@link Deadline} at every
 * profile, and in memory one best-response value per player and profile of the others' strategies
 * ({@link #bytesNeeded}): a tree whose enumeration the heap cannot hold is refused before it
 * starts ({@link TooLargeForMemory}); there is no fixed limit on the number of profiles.
 */
public final class EnumPure implements EquilibriumSolver {
  /**
   * Bytes of heap that enumerating the pure behaviour profiles of {@code g} takes, estimated:
   * each player's reduced strategies (their actions), and per player one memoised best-response
   * value (about 220 bytes with its key) for each profile of the other players' strategies.
   */
  public static java.math.BigInteger bytesNeeded(ExtensiveGame g) {
    java.math.BigInteger total = ReducedStrategicForm.profiles(g);
    java.math.BigInteger bytes = java.math.BigInteger.ZERO;
    for (int i = 1; i <= g.numPlayers(); i++) {
      java.math.BigInteger c = ReducedStrategicForm.count(g, i);
      bytes = bytes.add(c.multiply(java.math.BigInteger.valueOf(64 + 4L * g.infosets(i).size())))
          .add(total.divide(c).multiply(java.math.BigInteger.valueOf(220)));
    }
    return bytes;
  }

  /**
   * Refuses a tree whose enumeration would need more than {@code available} bytes of heap.
   *
   * @throws TooLargeForMemory when it would not fit
   */
  static void checkMemory(ExtensiveGame g, long available) {
    java.math.BigInteger needed = bytesNeeded(g);
    if (needed.compareTo(java.math.BigInteger.valueOf(available)) > 0) {
      throw new TooLargeForMemory("the game is too large for memory: enumerating its "
          + ReducedStrategicForm.profiles(g) + " reduced pure strategy profiles needs about "
          + (needed.bitLength() < 63 ? HeapBudget.format(needed.longValue())
              : needed.shiftRight(30) + " GiB")
          + ", and " + HeapBudget.format(available) + " is free (the Java heap's maximum, -Xmx, is "
          + HeapBudget.format(Runtime.getRuntime().maxMemory()) + ")", needed);
    }
  }

  @Override
  public String name() {
    return "enumpure";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    return game instanceof StrategicGame s ? solve(s) : solve((ExtensiveGame) game);
  }

  /** All pure equilibria of a strategic game, in odometer order of the profiles. */
  public List<Equilibrium> solve(StrategicGame g) {
    int n = g.numPlayers();
    List<Equilibrium> out = new ArrayList<>();
    for (int p = 0; p < g.numProfiles(); p++) {
      if ((p & 1023) == 0) {
        Deadline.check();
      }
      boolean nash = true;
      for (int i = 0; i < n && nash; i++) {
        int cur = g.strategyOf(p, i);
        int base = p - cur * g.stride(i);
        Rational u = g.payoff(p, i);
        for (int s = 0; s < g.numStrategies(i); s++) {
          if (s != cur && g.payoff(base + s * g.stride(i), i).compareTo(u) > 0) {
            nash = false;
            break;
          }
        }
      }
      if (nash) {
        List<Rational> prof = new ArrayList<>();
        List<Rational> pay = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int cur = g.strategyOf(p, i);
          for (int s = 0; s < g.numStrategies(i); s++) {
            prof.add(s == cur ? Rational.ONE : Rational.ZERO);
          }
          pay.add(g.payoff(p, i));
        }
        out.add(new Equilibrium(prof, pay));
      }
    }
    return out;
  }

  /** All pure behaviour equilibria of an extensive game with perfect recall. */
  public List<Equilibrium> solve(ExtensiveGame g) {
    g.requirePerfectRecall();
    int n = g.numPlayers();
    // offsets of each player's block in the profile vector
    int[] offset = new int[n + 2];
    Map<Infoset, Integer> start = new HashMap<>();
    int k = 0;
    for (int i = 1; i <= n; i++) {
      offset[i] = k;
      for (Infoset s : g.infosets(i)) {
        start.put(s, k);
        k += s.actions().size();
      }
    }
    offset[n + 1] = k;
    int len = k;
    if (len == 0) {
      return List.of(); // no decisions at all: Gambit reports no equilibria either
    }
    if (bytesNeeded(g).compareTo(java.math.BigInteger.valueOf(HeapBudget.free())) > 0) {
      checkMemory(g, HeapBudget.freeAfterCollection());
    }
    List<List<int[]>> strategies = new ArrayList<>(); // per player: positions set to 1
    for (int i = 1; i <= n; i++) {
      List<int[]> all = new ArrayList<>();
      List<Infoset> sets = g.infosets(i);
      for (int[] choice : ReducedStrategicForm.strategies(g, i)) {
        List<Integer> pos = new ArrayList<>();
        for (int c = 0; c < choice.length; c++) {
          if (choice[c] >= 0) {
            pos.add(start.get(sets.get(c)) + choice[c]);
          }
        }
        all.add(pos.stream().mapToInt(Integer::intValue).toArray());
      }
      strategies.add(all);
    }
    List<Equilibrium> out = new ArrayList<>();
    List<Map<Long, Rational>> memo = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      memo.add(new HashMap<>());
    }
    int[] idx = new int[n];
    Rational[] prof = new Rational[len];
    while (true) {
      Deadline.check();
      java.util.Arrays.fill(prof, Rational.ZERO);
      for (int i = 0; i < n; i++) {
        for (int pos : strategies.get(i).get(idx[i])) {
          prof[pos] = Rational.ONE;
        }
      }
      List<Rational> profile = List.of(prof);
      EquilibriumChecker.Behaviour b = new EquilibriumChecker.Behaviour(g, profile);
      List<Rational> u = EquilibriumChecker.payoffs(g, profile);
      boolean nash = true;
      for (int i = 0; i < n && nash; i++) {
        long key = 0;
        for (int j = n - 1; j >= 0; j--) {
          key = key * strategies.get(j).size() + (j == i ? 0 : idx[j]);
        }
        final int player = i + 1;
        Rational br =
            memo.get(i)
                .computeIfAbsent(key, x -> EquilibriumChecker.bestResponseValue(g, b, player));
        nash = br.compareTo(u.get(i)) <= 0;
      }
      if (nash) {
        out.add(new Equilibrium(profile, u));
      }
      int i = 0;
      while (i < n && ++idx[i] == strategies.get(i).size()) {
        idx[i] = 0;
        i++;
      }
      if (i == n) {
        break;
      }
    }
    return out;
  }
}
