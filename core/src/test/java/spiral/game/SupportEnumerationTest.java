package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code enumpoly} against the lines Gambit 17's {@code gambit-enumpoly -q} printed (stored in
 * games/gambit-enumpoly/*.tsv), compared as sets of lines with 6 decimals: on 58 strategic
 * reference games (2 to 5 players) and a generated family of 89 games (2x2 to 5x5 two-player
 * ones with small integer payoffs, 2x2x2, 3x2x2, 3x3x2 and 2x2x2x2 ones). Every line Spiral
 * prints is an equilibrium (exactly where at most two players mix, else within 1e-8 of the payoff
 * range). The known differences are listed: equilibria Gambit's root finder misses (isolated
 * ones, verified here) and points Gambit prints on a continuum of equilibria (a degenerate game's
 * support where the equations are singular), which Spiral skips.
 */
class SupportEnumerationTest {
  /** Game: {lines Gambit printed that Spiral does not, lines Spiral prints that Gambit does not}. */
  static final Map<String, int[]> KNOWN =
      Map.ofEntries(
          Map.entry("catalog/journals/ijgt/nau2004/sec6.nfg", new int[] {1, 0}),
          Map.entry("catalog/journals/other/shapley1974/fig3.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/2x2x2x2x2.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/3x3x3.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/8x2x2.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/8x8.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/coord3.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/coord4.nfg", new int[] {0, 5}),
          Map.entry("contrib/games/g3.nfg", new int[] {0, 1}),
          Map.entry("contrib/games/sh3.nfg", new int[] {0, 1}),
          Map.entry("p014.nfg", new int[] {0, 1}),
          Map.entry("p016.nfg", new int[] {0, 1}),
          Map.entry("p020.nfg", new int[] {0, 1}),
          Map.entry("p025.nfg", new int[] {0, 1}),
          Map.entry("g059.nfg", new int[] {0, 1}),
          Map.entry("g027.nfg", new int[] {1, 0}),
          Map.entry("g028.nfg", new int[] {1, 0}),
          Map.entry("g056.nfg", new int[] {1, 0}));

  static String line(Equilibrium e) {
    StringBuilder b = new StringBuilder("NE");
    for (Rational r : e.profile()) {
      b.append(',')
          .append(new BigDecimal(r.doubleValue()).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
    }
    return b.toString();
  }

  static void compare(String name, StrategicGame g, String gambit) {
    List<Equilibrium> eqs = new SupportEnumeration().solve(g);
    Rational tol = EquilibriumChecker.payoffRange(g).multiply(Rational.of(1, 100_000_000));
    for (Equilibrium e : eqs) {
      if (g.numPlayers() == 2) {
        assertThat(EquilibriumChecker.isNash(g, e.profile())).as(name + " " + line(e)).isTrue();
      } else {
        assertThat(EquilibriumChecker.maxRegret(g, e.profile())).as(name + " " + line(e))
            .isLessThanOrEqualTo(tol);
      }
    }
    Set<String> ours = new TreeSet<>(eqs.stream().map(SupportEnumerationTest::line).toList());
    assertThat(ours).as(name + ": each equilibrium once").hasSize(eqs.size());
    Set<String> theirs = new TreeSet<>(GambitLcpParityTest.expected(gambit));
    Set<String> missing = new TreeSet<>(theirs);
    missing.removeAll(ours);
    Set<String> extra = new TreeSet<>(ours);
    extra.removeAll(theirs);
    int[] known = KNOWN.getOrDefault(name, new int[] {0, 0});
    assertThat(missing).as(name + ": Gambit's lines not printed").hasSize(known[0]);
    assertThat(extra).as(name + ": lines Gambit does not print").hasSize(known[1]);
  }

  @TestFactory
  Stream<DynamicTest> generatedFamily() throws Exception {
    return GambitLcpParityTest.rows("gambit-enumpoly/gambit-enumpoly-family.tsv").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    "enumpoly " + row[0],
                    () -> compare(row[0], (StrategicGame) GameReader.parse(row[1]), row[2])));
  }

  @TestFactory
  Stream<DynamicTest> referenceGames() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    Assumptions.assumeTrue(
        folder != null, "the shared reference games (shared/games) are absent: skipped");
    return GambitLcpParityTest.rows("gambit-enumpoly/gambit-enumpoly-reference-nfg.tsv")
        .stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    "enumpoly " + row[0],
                    () -> {
                      Path f = folder.resolve(row[0]);
                      Assumptions.assumeTrue(Files.exists(f), row[0] + " absent");
                      compare(row[0], (StrategicGame) GameReader.read(f), row[1]);
                    }));
  }

  /** Gambit's enumpoly found 75 on the game built to have 75 (BENCH.md, 34.7 s there). */
  @Test
  void seventyFiveEquilibria() throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    Assumptions.assumeTrue(folder != null, "shared/games absent: skipped");
    Path f = folder.resolve("catalog/journals/dcg/vonstengel1999/6x6_game_with_75_eq.nfg");
    StrategicGame g = (StrategicGame) GameReader.read(f);
    List<Equilibrium> eqs = new SupportEnumeration().solve(g);
    assertThat(eqs).hasSize(75);
    assertThat(new TreeSet<>(eqs.stream().map(e -> e.profile().toString()).toList()))
        .isEqualTo(new TreeSet<>(new EnumMixed().solve(g).stream()
            .map(e -> e.profile().toString()).toList()));
  }

  @Test
  void irrationalEquilibriumOfThreePlayers() throws Exception {
    // Nau et al. 2004, sec. 4: the unique equilibrium is irrational; Gambit prints these digits
    Path folder = ReferenceGamesTest.gamesFolder();
    Assumptions.assumeTrue(folder != null, "shared/games absent: skipped");
    StrategicGame g =
        (StrategicGame) GameReader.read(folder.resolve("catalog/journals/ijgt/nau2004/sec4.nfg"));
    assertThat(new SupportEnumeration().solve(g).stream().map(SupportEnumerationTest::line))
        .containsExactly("NE,0.619233,0.380767,0.479804,0.520196,0.378825,0.621175");
  }

  @Test
  void treesAreSolvedInBehaviourStrategies() throws Exception {
    Game tree = GameReader.parse("EFG 2 R \"t\" { \"1\" \"2\" }\np \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 1 \"\" { 1, 0 }\nt \"\" 2 \"\" { 0, 1 }\n");
    assertThat(new SupportEnumeration().solve(tree))
        .extracting(Equilibrium::gambitLine).containsExactly("NE,1,0");
  }

  /**
   * No cap on strategies: 38 of player 1's 40 strategies are strictly dominated (removed before
   * the supports are enumerated); the other two and player 2's make a battle of the sexes, whose
   * three equilibria are found.
   */
  @Test
  void strictlyDominatedStrategiesArePrunedWithoutACap() throws Exception {
    StringBuilder nfg = new StringBuilder("NFG 1 R \"wide\" { \"1\" \"2\" } { 40 2 }\n\n");
    String[][] cell = new String[40][2];
    for (int r = 0; r < 38; r++) {
      cell[r][0] = "-1 " + r;
      cell[r][1] = "-1 " + (40 - r);
    }
    cell[38][0] = "2 1";
    cell[38][1] = "0 0";
    cell[39][0] = "0 0";
    cell[39][1] = "1 2";
    for (int c = 0; c < 2; c++) {
      for (int r = 0; r < 40; r++) {
        nfg.append(cell[r][c]).append(' ');
      }
    }
    StrategicGame g = (StrategicGame) GameReader.read(
        new java.io.ByteArrayInputStream(nfg.append('\n').toString().getBytes("UTF-8")));
    int[][] kept = SupportEnumeration.undominated(g);
    assertThat(kept[0]).containsExactly(38, 39);
    assertThat(kept[1]).containsExactly(0, 1);
    List<Equilibrium> eqs = new SupportEnumeration().solve(g);
    assertThat(eqs).hasSize(3);
    for (Equilibrium e : eqs) {
      assertThat(EquilibriumChecker.isNash(g, e.profile())).isTrue();
    }
  }

  /**
   * The Newton iteration's Jacobian is the derivative of its equations: on random 3- to
   * 5-player games and supports (some players pure, some strategies outside the support), each
   * column matches a central difference to within its truncation and rounding error (the
   * equations are multilinear, so the central difference is exact up to rounding).
   */
  @Test
  void theNewtonJacobianIsTheDerivativeOfTheEquations() {
    java.util.Random rng = new java.util.Random(19);
    for (int trial = 0; trial < 60; trial++) {
      int players = 3 + rng.nextInt(3);
      int[] sizes = new int[players];
      for (int i = 0; i < players; i++) {
        sizes[i] = 1 + rng.nextInt(3);
      }
      StrategicGame g = IpaReferenceTest.random(sizes, rng, 20);
      double[][] pay = new MixedPayoffs(g, true).pay;
      int[][] sup = new int[players][];
      int d = 0;
      for (int i = 0; i < players; i++) {
        List<Integer> in = new java.util.ArrayList<>();
        for (int s = 0; s < sizes[i]; s++) {
          if (rng.nextBoolean() || s == sizes[i] - 1 && in.isEmpty()) {
            in.add(s);
          }
        }
        sup[i] = in.stream().mapToInt(Integer::intValue).toArray();
        d += sup[i].length - 1;
      }
      double[] v = new double[d];
      for (int k = 0; k < d; k++) {
        v[k] = 0.1 + 0.3 * rng.nextDouble();
      }
      SupportNewton system = new SupportNewton(g, pay, sup);
      double[][] jac = new double[d][d];
      for (double[] row : jac) {
        java.util.Arrays.fill(row, Double.NaN); // every entry must be written, the zeros too
      }
      system.jacobian(v, jac);
      double h = 1e-5;
      for (int c = 0; c < d; c++) {
        double[] up = v.clone();
        double[] down = v.clone();
        up[c] += h;
        down[c] -= h;
        double[] fu = new double[d];
        double[] fd = new double[d];
        system.equations(up, fu);
        system.equations(down, fd);
        for (int r = 0; r < d; r++) {
          assertThat(jac[r][c])
              .as("trial %d, d f%d / d v%d", trial, r, c)
              .isCloseTo((fu[r] - fd[r]) / (2 * h), org.assertj.core.api.Assertions.within(1e-8));
        }
      }
    }
  }

  /**
   * The bound on a support's isolated roots is the number of ways to give each equation a group
   * of variables other than its player's, each group as many equations as it has variables:
   * counted here by brute force over every assignment on random supports, and the known values
   * (the derangements 2, 9 and 44 where three, four and five players mix over two strategies;
   * 0 where one player's equations outnumber the others' variables).
   */
  @Test
  void theRootBoundCountsTheAssignmentsOfEquationsToOtherPlayersVariables() {
    StrategicGame g5 = IpaReferenceTest.random(new int[] {2, 2, 2, 2, 2}, new java.util.Random(1), 9);
    double[][] pay5 = new MixedPayoffs(g5, false).pay;
    int[] both = {0, 1};
    assertThat(new SupportNewton(g5, pay5, new int[][] {both, both, both, {0}, {1}}).rootBound())
        .isEqualTo(2);
    assertThat(new SupportNewton(g5, pay5, new int[][] {both, both, both, both, {1}}).rootBound())
        .isEqualTo(9);
    assertThat(new SupportNewton(g5, pay5, new int[][] {both, both, both, both, both}).rootBound())
        .isEqualTo(44);
    StrategicGame g = IpaReferenceTest.random(new int[] {4, 2, 2}, new java.util.Random(2), 9);
    assertThat(new SupportNewton(g, new MixedPayoffs(g, false).pay,
        new int[][] {{0, 1, 2, 3}, both, both}).rootBound()).isZero();
    java.util.Random rng = new java.util.Random(23);
    int counted = 0;
    for (int trial = 0; trial < 300; trial++) {
      int players = 3 + rng.nextInt(3);
      int[] sizes = new int[players];
      int[][] sup = new int[players][];
      for (int i = 0; i < players; i++) {
        sizes[i] = 1 + rng.nextInt(4);
        sup[i] = java.util.stream.IntStream.range(0, 1 + rng.nextInt(sizes[i])).toArray();
      }
      int equations = java.util.Arrays.stream(sup).mapToInt(x -> x.length - 1).sum();
      if (equations > 8) {
        continue; // players^equations assignments to try: kept small
      }
      StrategicGame r = IpaReferenceTest.random(sizes, rng, 9);
      long bound = new SupportNewton(r, new MixedPayoffs(r, false).pay, sup).rootBound();
      // brute force: each equation (player i, one per free probability) picks a player j != i
      List<Integer> owner = new java.util.ArrayList<>();
      int[] capacity = new int[players];
      for (int i = 0; i < players; i++) {
        capacity[i] = sup[i].length - 1;
        for (int e = 0; e < capacity[i]; e++) {
          owner.add(i);
        }
      }
      long count = 0;
      int[] pick = new int[owner.size()];
      while (true) {
        int[] used = new int[players];
        boolean ok = true;
        for (int e = 0; e < pick.length; e++) {
          ok &= pick[e] != owner.get(e);
          used[pick[e]]++;
        }
        for (int j = 0; j < players; j++) {
          ok &= used[j] == capacity[j];
        }
        count += ok ? 1 : 0;
        int e = 0;
        while (e < pick.length && ++pick[e] == players) {
          pick[e++] = 0;
        }
        if (e == pick.length) {
          break;
        }
      }
      assertThat(bound).as("trial %d, supports %s", trial, java.util.Arrays.deepToString(sup))
          .isEqualTo(count);
      counted += count > 2 ? 1 : 0;
    }
    assertThat(counted).as("supports with more than two assignments").isGreaterThan(20);
  }

  /**
   * No support has more distinct isolated roots than its bound: Newton's method from 300 starts
   * on random 3- to 5-player games, every player mixing over two or three strategies, never finds
   * more (the premise of stopping a support's starts once the bound is reached).
   */
  @Test
  void newtonFindsNoMoreIsolatedRootsThanTheBound() {
    java.util.Random rng = new java.util.Random(29);
    int reached = 0;
    for (int trial = 0; trial < 40; trial++) {
      int players = 3 + rng.nextInt(2);
      int[] sizes = new int[players];
      int[][] sup = new int[players][];
      for (int i = 0; i < players; i++) {
        sizes[i] = 2 + (i == 0 ? rng.nextInt(2) : 0);
        sup[i] = java.util.stream.IntStream.range(0, sizes[i]).toArray();
      }
      StrategicGame g = IpaReferenceTest.random(sizes, rng, 20);
      SupportNewton system = new SupportNewton(g, new MixedPayoffs(g, false).pay, sup);
      List<double[]> roots = new java.util.ArrayList<>();
      for (int start = 0; start < 300; start++) {
        double[] v = new double[system.dim()];
        for (int k = 0; k < v.length; k++) {
          v[k] = 4 * rng.nextDouble() - 2; // outside the box too: roots anywhere count
        }
        if (!system.solve(v)) {
          continue;
        }
        if (SupportEnumeration.isNew(roots, v)) { // the solver's own rule for a distinct root
          roots.add(v);
        }
      }
      assertThat((long) roots.size()).as("trial %d", trial).isLessThanOrEqualTo(system.rootBound());
      reached += roots.size() == system.rootBound() ? 1 : 0;
    }
    assertThat(reached).as("supports whose every root was found").isPositive();
  }

  /**
   * The floating-point screen before the exact check refuses no equilibrium, even where the
   * payoffs are far from 0 and the floating-point regret of an exact equilibrium is mostly
   * rounding: random two-player games (the exact cases only) give the same equilibria with every
   * payoff shifted by 10^15 or scaled by 10^-12, exactly shifted or scaled.
   */
  @Test
  void theFloatingPointScreenRefusesNoEquilibrium() {
    java.util.Random rng = new java.util.Random(31);
    SupportEnumeration solver = new SupportEnumeration();
    int compared = 0;
    for (int trial = 0; trial < 40; trial++) {
      StrategicGame g = IpaReferenceTest.random(new int[] {2 + rng.nextInt(4), 2 + rng.nextInt(4)}, rng, 4);
      List<Equilibrium> plain = solver.solve(g, 0);
      for (Rational[] map : new Rational[][] {
          {Rational.ONE, Rational.of(java.math.BigInteger.TEN.pow(15), java.math.BigInteger.ONE)},
          {Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(12)), Rational.ZERO}}) {
        Rational[][] pay = new Rational[g.numProfiles()][2];
        for (int p = 0; p < g.numProfiles(); p++) {
          for (int i = 0; i < 2; i++) {
            pay[p][i] = g.payoff(p, i).multiply(map[0]).add(map[1]);
          }
        }
        StrategicGame moved = new StrategicGame("moved", "", g.players(), g.strategies(), pay);
        List<List<Rational>> want = plain.stream().map(Equilibrium::profile).toList();
        assertThat(solver.solve(moved, 0).stream().map(Equilibrium::profile).toList())
            .as("trial %d", trial).isEqualTo(want);
        compared += want.size();
      }
    }
    assertThat(compared).as("equilibria compared").isGreaterThan(100);
  }
}
