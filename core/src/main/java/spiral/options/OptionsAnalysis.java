package spiral.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import spiral.Version;
import spiral.scenario.Goal;
import spiral.scenario.Option;
import spiral.scenario.Scenario;
import spiral.sim.Blocks;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.MeanValue;
import spiral.sim.Outcome;
import spiral.sim.Progress;
import spiral.sim.Proportion;
import spiral.sim.RunRecord;

/**
 * Ranks the responses to an attack (DESIGN.md §4): each response option of the responding side is
 * played as its first response, the rest of the crisis simulated by the engine, with common
 * random numbers: run k of every option uses the same generator seed, so that differences
 * between options are not sampling noise between runs.
 *
 * <p>Each option is the responder's posture: its first response, and the ceiling of its later
 * answers ({@link Engine#run(long, long, RunRecord, int)}).
 *
 * <p>Per run, each goal metric is a number in [0, 1]: nuclearAvoidance = 1 &minus; [nuclear use],
 * warAvoidance = 1 &minus; [direct war or nuclear use], deterrence = 1 &minus; [further armed
 * attacks], settlement = [settlement], credibility = the responder's credibility at the end,
 * cohesion = alliance cohesion at the end, punishment = P / (P + D&#8320;) with P the damage the
 * responder inflicted and D&#8320; the damage of the initiating attack. Each goal is normalised
 * across the options: its mean is scaled so that the worst option scores 0 and the best the
 * goal's weight, and an option's score is the sum. Its difference from the best option is paired
 * run by run (from the cross-products of every pair of options' metrics, so the normalisation can
 * be applied after the runs), with a 95% normal interval, and is called real only when the whole
 * interval lies beyond the scenario's minimum meaningful difference. Without goals in the
 * scenario, RAND PEA2081-1's five goals weigh equally; without options for the responder, its 20
 * default responses are compared ({@link #withDefaultResponses}).
 *
 * <p>Runs are computed in fixed blocks merged in order ({@link Blocks}): the report is the same
 * on any number of threads. Cost: O(runs &times; options &times; (turns &times; candidates +
 * options)).
 */
public final class OptionsAnalysis {
  /** The goal metrics, in the order of the per-run metric vector. */
  public static final List<String> METRICS =
      List.of(
          "punishment",
          "deterrence",
          "nuclearAvoidance",
          "warAvoidance",
          "credibility",
          "cohesion",
          "settlement");

  /** The goals used when a scenario has none: RAND PEA2081-1's five, equally weighted. */
  public static final List<Goal> DEFAULT_GOALS =
      List.of(
          new Goal("punishment", 1, "Punish the attacker"),
          new Goal("deterrence", 1, "Deter further attacks"),
          new Goal("nuclearAvoidance", 1, "Prevent nuclear use"),
          new Goal("warAvoidance", 1, "Avoid a direct war"),
          new Goal("credibility", 1, "Keep commitments credible"));

  private final Executor executor;
  private final int parallelism;

  /**
   * An analysis on an executor.
   *
   * @param executor runs the blocks ({@code Runnable::run} runs them on the calling thread)
   * @param parallelism how many blocks the executor runs at once
   */
  public OptionsAnalysis(Executor executor, int parallelism) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /**
   * Analyses the responder's options.
   *
   * @throws IllegalArgumentException if runs &lt; 1 or the goal weights sum to 0
   */
  public OptionsReport analyse(Scenario sc, long runs, long seed, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    Acc acc = accumulate(sc, runs, seed, progress);
    return report(sc, runs, seed, acc, null);
  }

  /** The executor this analysis runs on. */
  Executor executor() {
    return executor;
  }

  /** How many tasks the executor runs at once. */
  int parallelism() {
    return parallelism;
  }

  /** The number of options of the scenario's responder: the work units per run. */
  long accumulateUnits(Scenario sc) {
    return new CompiledModel(withDefaultResponses(sc)).optionCount(CompiledModel.RESPONDER);
  }

  /**
   * The scenario itself when its responding principal has options; otherwise the scenario with
   * RAND PEA2081-1's default response set for it: kinetic level none / less / proportional / more
   * &times; non-kinetic package none / sanctions / isolation / aidSurge / cyber, ids like {@code
   * proportional-sanctions}.
   */
  public static Scenario withDefaultResponses(Scenario sc) {
    String responder = sc.principal(spiral.scenario.Side.RESPONDER).id();
    if (sc.options().stream().anyMatch(o -> o.actor().equals(responder))) {
      return sc;
    }
    List<Option> options = new ArrayList<>(sc.options());
    for (spiral.scenario.Kinetic k : spiral.scenario.Kinetic.values()) {
      for (String pkg : List.of("none", "sanctions", "isolation", "aidSurge", "cyber")) {
        String id = k.fileName() + "-" + pkg;
        options.add(new Option(id, responder, id, -1, k, 1, pkg, List.of(), 0, 1));
      }
    }
    return new Scenario(
        sc.id(), sc.name(), sc.description(), sc.source(), sc.illustrative(), sc.ladder(),
        sc.horizon(), sc.containTurns(), sc.stopAtStrategic(), sc.model(), sc.actors(),
        sc.alliances(), sc.targets(), sc.initiatingEvent(), sc.packages(), options, sc.goals(),
        sc.uncertainties(), sc.negotiation(), sc.history());
  }

  /** Runs every option and returns the merged accumulator (for the robust analysis too). */
  Acc accumulate(Scenario given, long runs, long seed, Progress progress) {
    Scenario sc = withDefaultResponses(given);
    CompiledModel model = new CompiledModel(sc);
    int n = model.optionCount(CompiledModel.RESPONDER);
    double d0 = model.openingDamage() > 0 ? model.openingDamage() : 1;
    int top = model.top();
    Progress scaled = (done, total) -> progress.advance(done * n, total * n);
    return Blocks.run(
        executor,
        parallelism,
        runs,
        new Acc(n, top),
        (from, to) -> block(model, n, top, d0, seed, from, to),
        Acc::merge,
        scaled);
  }

  private static Acc block(
      CompiledModel model, int n, int top, double d0, long seed, long from, long to) {
    Engine engine = new Engine(model);
    RunRecord rec = new RunRecord();
    Acc acc = new Acc(n, top);
    final int g = METRICS.size();
    double[] metric = new double[n * g];
    for (long k = from; k < to; k++) {
      for (int j = 0; j < n; j++) {
        engine.run(seed, k, rec, j);
        double pun = rec.punishment[CompiledModel.RESPONDER];
        boolean nuclear = rec.firstNuclearUser >= 0;
        int o = j * g;
        metric[o] = pun / (pun + d0);
        metric[o + 1] = rec.furtherAttacks ? 0 : 1;
        metric[o + 2] = nuclear ? 0 : 1;
        metric[o + 3] = rec.directWar || nuclear ? 0 : 1;
        metric[o + 4] = rec.credibility[CompiledModel.RESPONDER];
        metric[o + 5] = rec.cohesion;
        metric[o + 6] = rec.outcome == Outcome.SETTLEMENT ? 1 : 0;
        for (int q = 0; q < g; q++) {
          acc.goal[j][q] += metric[o + q];
        }
        acc.add(j, rec, nuclear, pun);
      }
      // cross-products of every pair of options' metric vectors, for paired intervals of any
      // weighting (the normalisation is known only once every run is in)
      for (int j = 0; j < n; j++) {
        for (int b = j; b < n; b++) {
          double[] row = acc.cross[j * n + b];
          for (int q = 0; q < g; q++) {
            double mq = metric[j * g + q];
            if (mq == 0) {
              continue;
            }
            int base = q * g;
            for (int r = 0; r < g; r++) {
              row[base + r] += mq * metric[b * g + r];
            }
          }
        }
      }
    }
    return acc;
  }

  /** Normalised goal weights in {@link #METRICS} order. */
  static double[] weights(Scenario sc) {
    List<Goal> goals = sc.goals().isEmpty() ? DEFAULT_GOALS : sc.goals();
    double[] w = new double[METRICS.size()];
    double total = 0;
    for (Goal g : goals) {
      int i = METRICS.indexOf(g.metric());
      if (i < 0) {
        throw new IllegalArgumentException("unknown goal metric '" + g.metric() + "'");
      }
      w[i] += g.weight();
      total += g.weight();
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the goal weights sum to 0: give at least one a weight");
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= total;
    }
    return w;
  }

  /** Builds the report from an accumulator; {@code regret} may be null. */
  OptionsReport report(Scenario given, long runs, long seed, Acc acc, Regret regret) {
    Scenario sc = withDefaultResponses(given);
    CompiledModel model = new CompiledModel(sc);
    int n = acc.n;
    List<Option> opts = responderOptions(sc, model);
    double[] w = weights(sc);
    double[] a = acc.scale(w, runs);
    double[] mean = acc.scores(w, runs);
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -mean[j]).thenComparingInt(j -> j));
    int best = order[0];
    double minimum = sc.model().meaningfulDifference();
    List<OptionResult> results = new ArrayList<>();
    for (int rank = 0; rank < n; rank++) {
      int j = order[rank];
      Option o = opts.get(j);
      results.add(
          new OptionResult(
              o.id(),
              o.name(),
              o.absolute() ? "absolute" : o.kinetic().fileName(),
              o.nonKinetic(),
              model.candidateRung(CompiledModel.RESPONDER, model.initiatingRung(), j),
              rank + 1,
              acc.score(j, a, w, runs),
              acc.difference(j, best, a, runs, minimum),
              Proportion.of(acc.nuclear[j], runs),
              Proportion.of(acc.directWar[j], runs),
              Proportion.of(acc.further[j], runs),
              Proportion.of(acc.outcomes[j][Outcome.SETTLEMENT.ordinal()], runs),
              MeanValue.of(acc.punSum[j], acc.punSq[j], runs),
              MeanValue.of(acc.credSum[j], acc.credSq[j], runs),
              MeanValue.of(acc.cohSum[j], acc.cohSq[j], runs),
              outcomes(acc, j, runs),
              histogram(acc.maxRung[j]),
              goalScores(acc, j, runs),
              Proportion.of(acc.warOrNuclear[j], runs),
              j == best ? null : acc.driver(j, best, a)));
    }
    List<OptionsReport.GoalWeight> goals = new ArrayList<>();
    for (Goal g : sc.goals().isEmpty() ? DEFAULT_GOALS : sc.goals()) {
      goals.add(new OptionsReport.GoalWeight(g.metric(), round(w[METRICS.indexOf(g.metric())]), g.description()));
    }
    return new OptionsReport(
        sc.id(),
        sc.name(),
        runs,
        seed,
        Version.get(),
        model.actorId(CompiledModel.RESPONDER),
        model.actorId(CompiledModel.INITIATOR),
        model.initiatingRung(),
        goals,
        results,
        opts.get(best).id(),
        paretoFront(results),
        regret,
        sc.illustrative(),
        minimum);
  }

  /** The responder principal's options, in candidate order. */
  static List<Option> responderOptions(Scenario sc, CompiledModel model) {
    String responder = model.actorId(CompiledModel.RESPONDER);
    List<Option> out = new ArrayList<>();
    for (Option o : sc.options()) {
      if (o.actor().equals(responder)) {
        out.add(o);
      }
    }
    return out;
  }

  private static Map<String, Proportion> outcomes(Acc acc, int j, long runs) {
    Map<String, Proportion> m = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      m.put(o.name(), Proportion.of(acc.outcomes[j][o.ordinal()], runs));
    }
    return m;
  }

  private static Map<String, Long> histogram(long[] h) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int r = 0; r < h.length; r++) {
      if (h[r] > 0) {
        m.put(Integer.toString(r), h[r]);
      }
    }
    return m;
  }

  private static Map<String, Double> goalScores(Acc acc, int j, long runs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int g = 0; g < METRICS.size(); g++) {
      m.put(METRICS.get(g), round(acc.goal[j][g] / runs));
    }
    return m;
  }

  /**
   * The options not dominated in (lower P(further attacks), lower P(direct war or nuclear use)):
   * the trade-off between deterring and escalating, by increasing escalation risk. An option is
   * dominated when another is at least as good on both and better on one.
   */
  static List<String> paretoFront(List<OptionResult> results) {
    List<OptionResult> front = new ArrayList<>();
    for (OptionResult a : results) {
      boolean dominated = false;
      for (OptionResult b : results) {
        double ra = a.warOrNuclear().p();
        double rb = b.warOrNuclear().p();
        double fa = a.furtherAttacks().p();
        double fb = b.furtherAttacks().p();
        if (rb <= ra && fb <= fa && (rb < ra || fb < fa)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(a);
      }
    }
    front.sort(
        Comparator.comparingDouble((OptionResult r) -> r.warOrNuclear().p())
            .thenComparingDouble(r -> r.furtherAttacks().p()));
    return OptionResult.ids(front);
  }

  static double round(double v) {
    return spiral.sim.Intervals.round6(v);
  }

  /**
   * Per-option sums over runs, and the cross-products of every pair of options' goal metrics (from
   * which the score of any weighting and its paired differences follow exactly).
   */
  static final class Acc {
    final int n;
    final long[][] outcomes;
    final long[] nuclear;
    final long[] directWar;
    final long[] warOrNuclear;
    final long[] further;
    final double[] punSum;
    final double[] punSq;
    final double[] credSum;
    final double[] credSq;
    final double[] cohSum;
    final double[] cohSq;
    final double[][] goal;
    /** cross[j n + b][q G + r] = &Sigma; m_jq m_br over runs, for j &le; b. */
    final double[][] cross;
    final long[][] maxRung;

    Acc(int n, int top) {
      this.n = n;
      int g = METRICS.size();
      outcomes = new long[n][Outcome.values().length];
      nuclear = new long[n];
      directWar = new long[n];
      warOrNuclear = new long[n];
      further = new long[n];
      punSum = new double[n];
      punSq = new double[n];
      credSum = new double[n];
      credSq = new double[n];
      cohSum = new double[n];
      cohSq = new double[n];
      goal = new double[n][g];
      cross = new double[n * n][];
      for (int j = 0; j < n; j++) {
        for (int b = j; b < n; b++) {
          cross[j * n + b] = new double[g * g];
        }
      }
      maxRung = new long[n][top + 1];
    }

    void add(int j, RunRecord r, boolean nuc, double pun) {
      outcomes[j][r.outcome.ordinal()]++;
      if (nuc) {
        nuclear[j]++;
      }
      if (r.directWar) {
        directWar[j]++;
      }
      if (r.directWar || nuc) {
        warOrNuclear[j]++;
      }
      if (r.furtherAttacks) {
        further[j]++;
      }
      punSum[j] += pun;
      punSq[j] += pun * pun;
      double c = r.credibility[CompiledModel.RESPONDER];
      credSum[j] += c;
      credSq[j] += c * c;
      cohSum[j] += r.cohesion;
      cohSq[j] += r.cohesion * r.cohesion;
      maxRung[j][r.maxRung]++;
    }

    void merge(Acc o) {
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < outcomes[j].length; i++) {
          outcomes[j][i] += o.outcomes[j][i];
        }
        nuclear[j] += o.nuclear[j];
        directWar[j] += o.directWar[j];
        warOrNuclear[j] += o.warOrNuclear[j];
        further[j] += o.further[j];
        punSum[j] += o.punSum[j];
        punSq[j] += o.punSq[j];
        credSum[j] += o.credSum[j];
        credSq[j] += o.credSq[j];
        cohSum[j] += o.cohSum[j];
        cohSq[j] += o.cohSq[j];
        for (int g = 0; g < goal[j].length; g++) {
          goal[j][g] += o.goal[j][g];
        }
        for (int b = j; b < n; b++) {
          double[] mine = cross[j * n + b];
          double[] theirs = o.cross[j * n + b];
          for (int i = 0; i < mine.length; i++) {
            mine[i] += theirs[i];
          }
        }
        for (int r = 0; r < maxRung[j].length; r++) {
          maxRung[j][r] += o.maxRung[j][r];
        }
      }
    }

    /**
     * The per-goal scale a_g = w_g / range_g, where range_g is the spread of the goal's mean across
     * the options (max &minus; min); 0 for a goal that does not tell the options apart.
     */
    double[] scale(double[] w, long runs) {
      int g = METRICS.size();
      double[] a = new double[g];
      for (int q = 0; q < g; q++) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          double m = goal[j][q] / runs;
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
        a[q] = hi - lo > 1e-12 ? w[q] / (hi - lo) : 0;
      }
      return a;
    }

    /** The lowest mean of goal q across the options. */
    private double low(int q, long runs) {
      double lo = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        lo = Math.min(lo, goal[j][q] / runs);
      }
      return lo;
    }

    /**
     * Each option's normalised score: &Sigma;_g w_g (mean_jg &minus; min_g)/range_g, so that every
     * goal spans its full weight across the options considered (in [0, 1]).
     */
    double[] scores(double[] w, long runs) {
      double[] a = scale(w, runs);
      double[] out = new double[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
          s += a[q] * (goal[j][q] / runs - low(q, runs));
        }
        out[j] = s;
      }
      return out;
    }

    private double crossSum(int j, int b, int q, int r) {
      return j <= b ? cross[j * n + b][q * METRICS.size() + r] : cross[b * n + j][r * METRICS.size() + q];
    }

    /** &Sigma;_runs (&Sigma;_q a_q x_jq)(&Sigma;_r a_r x_br) for options j, b. */
    private double weightedCross(int j, int b, double[] a) {
      double s = 0;
      for (int q = 0; q < a.length; q++) {
        if (a[q] == 0) {
          continue;
        }
        for (int r = 0; r < a.length; r++) {
          if (a[r] != 0) {
            s += a[q] * a[r] * crossSum(j, b, q, r);
          }
        }
      }
      return s;
    }

    /** Option j's normalised score with its 95% normal interval over the runs. */
    MeanValue score(int j, double[] a, double[] w, long runs) {
      double offset = 0;
      double raw = 0;
      for (int q = 0; q < a.length; q++) {
        offset += a[q] * low(q, runs);
        raw += a[q] * goal[j][q];
      }
      // the score of a run is (a . m_j) - offset; its variance is that of a . m_j
      double sq = weightedCross(j, j, a);
      double mean = raw / runs;
      double var = runs > 1 ? Math.max(0, (sq - runs * mean * mean) / (runs - 1)) : 0;
      return MeanValue.ofVariance(mean - offset, var, runs);
    }

    /**
     * Option j's score minus option b's, paired run by run, with its 95% interval; real when the
     * interval lies wholly beyond the minimum meaningful difference (on either side).
     */
    OptionResult.Difference difference(int j, int b, double[] a, long runs, double minimum) {
      double dj = 0;
      for (int q = 0; q < a.length; q++) {
        dj += a[q] * (goal[j][q] - goal[b][q]);
      }
      double diff = dj / runs;
      double sq = weightedCross(j, j, a) - 2 * weightedCross(j, b, a) + weightedCross(b, b, a);
      double var = runs > 1 ? Math.max(0, (sq - runs * diff * diff) / (runs - 1)) : 0;
      double half = 1.959963984540054 * Math.sqrt(var / runs);
      boolean real = j != b && (diff + half < -minimum || diff - half > minimum);
      return new OptionResult.Difference(
          round(diff), new double[] {round(diff - half), round(diff + half)}, real);
    }

    /** The goal that contributes most to option j's gap behind option b. */
    String driver(int j, int b, double[] a) {
      int arg = 0;
      double most = Double.NEGATIVE_INFINITY;
      for (int q = 0; q < a.length; q++) {
        double gap = a[q] * (goal[b][q] - goal[j][q]);
        if (gap > most) {
          most = gap;
          arg = q;
        }
      }
      return METRICS.get(arg);
    }
  }
}
