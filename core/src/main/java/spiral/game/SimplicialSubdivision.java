package spiral.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gambit's {@code simpdiv}: one approximate Nash equilibrium of a game with any number of players
 * by simplicial subdivision, the variable-dimension restart algorithm on the product of the
 * players' strategy simplices (van der Laan and Talman 1982, "On the computation of fixed points
 * in the product space of unit simplices and an application to noncooperative N person games",
 * Math. Oper. Res. 7; van der Laan, Talman and van der Heyden 1987, "Simplicial variable dimension
 * algorithms for solving the nonlinear complementarity problem on a product of unit simplices
 * using a general labelling", Math. Oper. Res. 12; van der Laan and Talman 1987, "A simplicial
 * approach to computing approximate equilibria").
 *
 * <p>The space of mixed profiles is triangulated on the grid of mesh 1/d. A grid point x gets the
 * integer label (i, j) of the strategy that is played (x_ij &gt; 0) and loses most against the
 * player's best reply, max_k u_ik(x) - u_ij(x), over all players (first such strategy on ties);
 * a strategy played with probability 0 is never a label, which keeps the path inside the space.
 * From a start v the path moves through simplices of the regions A(T) = {v + sum over (i,j) in T
 * of lambda_ij q(i,j), lambda &gt;= 0}, q(i,j) = e(i,j+1) - e(i,j) (cyclic within player i), T
 * holding a proper subset of each player's labels, each region triangulated by Freudenthal
 * simplices; a label found outside T enlarges T (one dimension up), reaching the face lambda_ij =
 * 0 drops (i,j) (one dimension down), and the path ends at a simplex that carries every label of
 * one player. Then every vertex is within one mesh of a point where each played strategy is
 * nearly a best reply, and the vertex with the least regret is kept. The grid is then refined
 * (the mesh divided by {@code refine}) and the algorithm restarts from that vertex, until the
 * profile's largest regret of any player is at most epsilon times the range of payoffs of the
 * strategic form (largest minus smallest payoff of any player): Gambit's acceptance criterion,
 * default 1e-8.
 *
 * <p>Arithmetic: grid points are exact (integers over d, held as longs); labels are computed from
 * payoffs in doubles (a wrong label from rounding near a tie only changes the path, never its
 * validity, because the boundary rule is decided on the exact grid); the acceptance test is exact,
 * in rationals, and the profile is returned exactly, as fractions with denominator d.
 *
 * <p>A tree (perfect recall) is solved on its {@link ReducedStrategicForm reduced strategic form}
 * and the mixed profile is returned as the behaviour profile it induces (Kuhn 1953): at each
 * information set the probability of each action among the player's reduced strategies that reach
 * the set, and the uniform distribution at a set that the player's own play never reaches. Its
 * regret equals that of the mixed profile.
 *
 * <p>Cost: each label takes O(profiles x players^2) floating-point operations; the number of
 * labels per grid is the length of the path, which is not bounded polynomially: from a good start
 * it is usually a few dozen, but on some grids the path makes an excursion whose length grows with
 * d (the method's known weakness; Gambit offers an optional leash). Here a path that computes more
 * than {@link #LEASH_PER_STRATEGY} labels per strategy is abandoned and the grid is started
 * again one grid step away from the previous approximation, up to twice per strategy, after which
 * the path is followed to its end, so the method still always terminates with an
 * epsilon-equilibrium. About log2(1/epsilon) grids are needed. {@link #MAX_LABELS} bounds the
 * work.
 */
public final class SimplicialSubdivision implements EquilibriumSolver {
  /** Gambit's default acceptance criterion: largest regret, relative to the payoff range. */
  public static final Rational DEFAULT_EPSILON = Rational.of(1, 100_000_000);

  /** Default denominator of the first grid. */
  public static final int DEFAULT_GRID = 2;

  /** Factor by which the grid's denominator grows at each restart (Gambit's default). */
  public static final int REFINE = 2;

  /** Largest grid denominator tried before giving up. */
  public static final long MAX_DENOMINATOR = 1L << 50;

  /**
   * Labels per strategy allowed on one grid before the path is taken for an excursion and
   * started again one grid step away.
   */
  public static final long LEASH_PER_STRATEGY = 200;

  /** Largest number of labels computed in one solve before giving up. */
  public static final long MAX_LABELS = 200_000_000L;

  private final Rational epsilon;
  private final int grid;

  /** With Gambit's defaults: epsilon 1e-8, first grid 1/2. */
  public SimplicialSubdivision() {
    this(DEFAULT_EPSILON, DEFAULT_GRID);
  }

  /**
   * With a given acceptance criterion and first grid.
   *
   * @param epsilon largest regret accepted, relative to the payoff range; positive
   * @param grid denominator of the first grid; at least 1
   * @throws IllegalArgumentException when out of range
   */
  public SimplicialSubdivision(Rational epsilon, int grid) {
    if (epsilon.signum() <= 0) {
      throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }
    if (grid < 1) {
      throw new IllegalArgumentException("the first grid's denominator must be at least 1, got "
          + grid);
    }
    this.epsilon = epsilon;
    this.grid = grid;
  }

  @Override
  public String name() {
    return "simpdiv";
  }

  /** The acceptance criterion, relative to the payoff range. */
  public Rational epsilon() {
    return epsilon;
  }

  /** One approximate equilibrium (a list of one). */
  @Override
  public List<Equilibrium> solve(Game game) {
    if (game instanceof ExtensiveGame e) {
      return List.of(solve(e));
    }
    return List.of(solve((StrategicGame) game));
  }

  /** One epsilon-equilibrium of a strategic game. */
  public Equilibrium solve(StrategicGame g) {
    List<Rational> profile = mixed(g);
    return new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile));
  }

  /**
   * One epsilon-equilibrium of a tree with perfect recall, as a behaviour profile.
   *
   * @throws IllegalArgumentException for imperfect recall or a reduced strategic form too large
   */
  public Equilibrium solve(ExtensiveGame e) {
    StrategicGame g = ReducedStrategicForm.of(e);
    List<Rational> profile = behaviour(e, mixed(g));
    return new Equilibrium(profile, EquilibriumChecker.payoffs(e, profile));
  }

  /**
   * The largest regret accepted for a game: epsilon times the range of the strategic form's payoffs
   * (for a tree, of its reduced strategic form).
   */
  public Rational bound(Game game) {
    StrategicGame g =
        game instanceof ExtensiveGame e ? ReducedStrategicForm.of(e) : (StrategicGame) game;
    return epsilon.multiply(EquilibriumChecker.payoffRange(g));
  }

  /** The behaviour profile induced by a mixed profile over reduced strategies (Kuhn 1953). */
  static List<Rational> behaviour(ExtensiveGame e, List<Rational> mixed) {
    List<Rational> out = new ArrayList<>();
    int offset = 0;
    for (int i = 1; i <= e.numPlayers(); i++) {
      List<int[]> strategies = ReducedStrategicForm.strategies(e, i);
      List<ExtensiveGame.Infoset> sets = e.infosets(i);
      for (int k = 0; k < sets.size(); k++) {
        int actions = sets.get(k).actions().size();
        Rational[] num = new Rational[actions];
        Arrays.fill(num, Rational.ZERO);
        Rational reach = Rational.ZERO;
        for (int s = 0; s < strategies.size(); s++) {
          int a = strategies.get(s)[k];
          Rational p = mixed.get(offset + s);
          if (a >= 0 && !p.isZero()) {
            num[a] = num[a].add(p);
            reach = reach.add(p);
          }
        }
        for (int a = 0; a < actions; a++) {
          out.add(reach.isZero() ? Rational.of(1, actions) : num[a].divide(reach));
        }
      }
      offset += strategies.size();
    }
    return out;
  }

  private List<Rational> mixed(StrategicGame g) {
    Path path = new Path(g);
    Rational bound = epsilon.multiply(EquilibriumChecker.payoffRange(g));
    double loose = bound.doubleValue() * 1.001; // the exact test decides
    long d = grid;
    long[] v = path.centroid(d);
    while (true) {
      long[] w = null;
      for (int attempt = 0; w == null; attempt++) {
        long[] start = v;
        long leash = Long.MAX_VALUE;
        if (attempt < 2 * path.n) {
          leash = LEASH_PER_STRATEGY * path.n;
          if (attempt > 0) {
            start = path.nudge(v, attempt - 1);
          }
        }
        w = path.run(start, d, leash);
      }
      if (path.maxRegret(w, d) <= loose) {
        List<Rational> profile = path.profile(w, d);
        if (EquilibriumChecker.maxRegret(g, profile).compareTo(bound) <= 0) {
          return profile;
        }
      }
      if (d > MAX_DENOMINATOR / REFINE) {
        throw new IllegalStateException(
            "simpdiv: no profile within the regret bound on grids up to 1/" + d);
      }
      d *= REFINE;
      for (int k = 0; k < w.length; k++) {
        w[k] *= REFINE;
      }
      v = w;
    }
  }

  /** The path-following on one grid; grid points are long vectors summing to d per player. */
  private static final class Path {
    final int players;
    final int n;
    final int[] first; // offset of each player's block, first[players] = n
    final int[] owner; // player of each flat strategy index
    final int[][] index; // [profile][player] flat index of the player's strategy
    final double[][] pay; // [profile][player]
    long labels;

    Path(StrategicGame g) {
      players = g.numPlayers();
      first = new int[players + 1];
      for (int i = 0; i < players; i++) {
        first[i + 1] = first[i] + g.numStrategies(i);
      }
      n = first[players];
      owner = new int[n];
      for (int i = 0; i < players; i++) {
        for (int k = first[i]; k < first[i + 1]; k++) {
          owner[k] = i;
        }
      }
      index = new int[g.numProfiles()][players];
      pay = new double[g.numProfiles()][players];
      for (int p = 0; p < g.numProfiles(); p++) {
        for (int i = 0; i < players; i++) {
          index[p][i] = first[i] + g.strategyOf(p, i);
          pay[p][i] = g.payoff(p, i).doubleValue();
        }
      }
    }

    /** The grid point nearest the centroid: d split evenly, earlier strategies take the rest. */
    long[] centroid(long d) {
      long[] z = new long[n];
      for (int i = 0; i < players; i++) {
        int m = first[i + 1] - first[i];
        for (int j = 0; j < m; j++) {
          z[first[i] + j] = d / m + (j < d % m ? 1 : 0);
        }
      }
      return z;
    }

    List<Rational> profile(long[] z, long d) {
      List<Rational> out = new ArrayList<>(n);
      for (long c : z) {
        out.add(Rational.of(c, d));
      }
      return out;
    }

    /** u[k]: the payoff of flat strategy k to its player against the others' mixtures at z/d. */
    double[] strategyPayoffs(long[] z, long d) {
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = (double) z[k] / d;
      }
      double[] u = new double[n];
      for (int p = 0; p < index.length; p++) {
        int[] s = index[p];
        for (int i = 0; i < players; i++) {
          double w = pay[p][i];
          for (int j = 0; j < players && w != 0; j++) {
            if (j != i) {
              w *= x[s[j]];
            }
          }
          u[s[i]] += w;
        }
      }
      return u;
    }

    /** The label of grid point z: flat index of the played strategy with the largest loss. */
    int label(long[] z, long d) {
      if (++labels > MAX_LABELS) {
        throw new IllegalStateException(
            "simpdiv: no equilibrium after " + MAX_LABELS + " labels (grid 1/" + d + ")");
      }
      if ((labels & 1023) == 0) {
        Deadline.check();
      }
      double[] u = strategyPayoffs(z, d);
      int best = -1;
      double worst = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < players; i++) {
        double top = Double.NEGATIVE_INFINITY;
        for (int k = first[i]; k < first[i + 1]; k++) {
          top = Math.max(top, u[k]);
        }
        for (int k = first[i]; k < first[i + 1]; k++) {
          if (z[k] > 0 && top - u[k] > worst) {
            worst = top - u[k];
            best = k;
          }
        }
      }
      return best;
    }

    /** Largest regret of any player at z/d, in doubles. */
    double maxRegret(long[] z, long d) {
      double[] u = strategyPayoffs(z, d);
      double worst = 0;
      for (int i = 0; i < players; i++) {
        double top = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (int k = first[i]; k < first[i + 1]; k++) {
          top = Math.max(top, u[k]);
          mean += u[k] * z[k] / d;
        }
        worst = Math.max(worst, top - mean);
      }
      return worst;
    }

    /** Adds step times q(k) = e(next(k)) - e(k) to z. */
    void move(long[] z, int k, int step) {
      int i = owner[k];
      int next = k + 1 == first[i + 1] ? first[i] : k + 1;
      z[k] -= step;
      z[next] += step;
      if (z[k] < 0 || z[next] < 0) {
        throw new IllegalStateException("simpdiv: the path left the space of profiles");
      }
    }

    /**
     * Follows the path from v on the grid of mesh 1/d to a simplex carrying all labels of one
     * player, and returns its vertex with the least regret.
     */
    long[] run(long[] v, long d, long leash) {
      long limit = labels + leash < labels ? Long.MAX_VALUE : labels + leash;
      boolean[] inT = new boolean[n];
      int[] countT = new int[players];
      long[] a = new long[n]; // coefficients of the base vertex: y = v + sum a_k q(k)
      int[] pi = new int[n]; // order of the directions, pi[0..t-1]
      long[][] vert = new long[n + 1][]; // vertices y^1..y^{t+1} at 0..t
      int[] lab = new int[n + 1];
      int t = 0;
      vert[0] = v.clone();
      int fresh = 0; // index of the vertex whose label was just computed
      lab[0] = label(vert[0], d);
      while (true) {
        int l = lab[fresh];
        int twin = -1;
        for (int r = 0; r <= t; r++) {
          if (r != fresh && lab[r] == l) {
            twin = r;
            break;
          }
        }
        int remove;
        if (twin >= 0) {
          remove = twin;
        } else {
          int i = owner[l];
          if (countT[i] + 1 == first[i + 1] - first[i]) {
            return leastRegret(vert, t, d);
          }
          // one dimension up: T gets l, the new vertex is the last plus q(l)
          inT[l] = true;
          countT[i]++;
          pi[t] = l;
          vert[t + 1] = vert[t].clone();
          move(vert[t + 1], l, 1);
          t++;
          fresh = t;
          lab[t] = label(vert[t], d);
          continue;
        }
        // replace vertex `remove` of the Freudenthal simplex (y, pi)
        while (true) {
          if (remove == 0) {
            int k = pi[0];
            a[k]++;
            System.arraycopy(pi, 1, pi, 0, t - 1);
            pi[t - 1] = k;
            long[] last = vert[t].clone();
            move(last, k, 1);
            System.arraycopy(vert, 1, vert, 0, t);
            System.arraycopy(lab, 1, lab, 0, t);
            vert[t] = last;
            fresh = t;
          } else if (remove < t) {
            int k = pi[remove - 1];
            pi[remove - 1] = pi[remove];
            pi[remove] = k;
            long[] y = vert[remove - 1].clone();
            move(y, pi[remove - 1], 1);
            vert[remove] = y;
            fresh = remove;
          } else {
            int k = pi[t - 1];
            if (a[k] == 0) {
              // the facet lies on lambda_k = 0: one dimension down, T loses k; then leave
              // through the vertex that carries label k
              inT[k] = false;
              countT[owner[k]]--;
              vert[t] = null;
              t--;
              remove = -1;
              for (int r = 0; r <= t; r++) {
                if (lab[r] == k) {
                  remove = r;
                  break;
                }
              }
              if (remove < 0) {
                throw new IllegalStateException("simpdiv: lost label on a face");
              }
              continue;
            }
            a[k]--;
            System.arraycopy(pi, 0, pi, 1, t - 1);
            pi[0] = k;
            long[] y = vert[0].clone();
            move(y, k, -1);
            System.arraycopy(vert, 0, vert, 1, t);
            System.arraycopy(lab, 0, lab, 1, t);
            vert[0] = y;
            fresh = 0;
          }
          break;
        }
        lab[fresh] = label(vert[fresh], d);
        if (labels > limit) {
          return null;
        }
      }
    }

    /**
     * v moved one grid step along q(k), k = i / 2, for even i, or against it for odd i; v itself
     * where that would leave the space.
     */
    long[] nudge(long[] v, int i) {
      long[] z = v.clone();
      int k = (i / 2) % n;
      int p = owner[k];
      int next = k + 1 == first[p + 1] ? first[p] : k + 1;
      int from = i % 2 == 0 ? k : next;
      int to = i % 2 == 0 ? next : k;
      if (z[from] > 0 && from != to) {
        z[from]--;
        z[to]++;
      }
      return z;
    }

    private long[] leastRegret(long[][] vert, int t, long d) {
      long[] best = null;
      double least = Double.POSITIVE_INFINITY;
      for (int r = 0; r <= t; r++) {
        double reg = maxRegret(vert[r], d);
        if (reg < least) {
          least = reg;
          best = vert[r];
        }
      }
      return best.clone();
    }
  }
}
