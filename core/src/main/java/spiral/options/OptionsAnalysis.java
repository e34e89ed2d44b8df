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
 * <p>Per run, each goal metric is a number in [0, 1]: nuclearAvoidance = 1 &minus; [nuclear use],
 * warAvoidance = 1 &minus; [direct war], deterrence = 1 &minus; [further attacks], settlement =
 * [settlement], credibility = the responder's credibility at the end, cohesion = alliance cohesion
 * at the end, punishment = P / (P + D&#8320;) with P the damage the responder inflicted and
 * D&#8320; the damage of the initiating attack (one half when the punishment equals the attack).
 * The run's score is the goal-weighted mean of its metrics, and an option's score is the mean
 * over runs; its difference from the best option is paired run by run, with a 95% normal
 * interval. Without goals in the scenario, RAND PEA2081-1's five goals weigh equally; without
 * options for the responder, its 20 default responses are compared ({@link
 * #withDefaultResponses}).
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
        sc.uncertainties(), sc.negotiation());
  }

  /** Runs every option and returns the merged accumulator (for the robust analysis too). */
  Acc accumulate(Scenario given, long runs, long seed, Progress progress) {
    Scenario sc = withDefaultResponses(given);
    CompiledModel model = new CompiledModel(sc);
    int n = model.optionCount(CompiledModel.RESPONDER);
    double[] w = weights(sc);
    double d0 = model.damage(model.initiatingRung()) > 0 ? model.damage(model.initiatingRung()) : 1;
    int top = model.top();
    Progress scaled = (done, total) -> progress.advance(done * n, total * n);
    return Blocks.run(
        executor,
        parallelism,
        runs,
        new Acc(n, top),
        (from, to) -> block(model, n, top, w, d0, seed, from, to),
        Acc::merge,
        scaled);
  }

  private static Acc block(
      CompiledModel model, int n, int top, double[] w, double d0, long seed, long from, long to) {
    Engine engine = new Engine(model);
    RunRecord rec = new RunRecord();
    Acc acc = new Acc(n, top);
    double[] metric = new double[METRICS.size()];
    double[] score = new double[n];
    for (long k = from; k < to; k++) {
      for (int j = 0; j < n; j++) {
        engine.run(seed, k, rec, j);
        double pun = rec.punishment[CompiledModel.RESPONDER];
        boolean nuclear = rec.firstNuclearUser >= 0;
        metric[0] = pun / (pun + d0);
        metric[1] = rec.furtherAttacks ? 0 : 1;
        metric[2] = nuclear ? 0 : 1;
        metric[3] = rec.directWar ? 0 : 1;
        metric[4] = rec.credibility[CompiledModel.RESPONDER];
        metric[5] = rec.cohesion;
        metric[6] = rec.outcome == Outcome.SETTLEMENT ? 1 : 0;
        double s = 0;
        for (int g = 0; g < metric.length; g++) {
          s += w[g] * metric[g];
          acc.goal[j][g] += metric[g];
        }
        score[j] = s;
        acc.add(j, rec, nuclear, pun, s);
      }
      for (int j = 0; j < n; j++) {
        double[] row = acc.cross[j];
        for (int b = 0; b < n; b++) {
          row[b] += score[j] * score[b];
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
    double[] mean = new double[n];
    for (int j = 0; j < n; j++) {
      mean[j] = acc.scoreSum[j] / runs;
    }
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -mean[j]).thenComparingInt(j -> j));
    int best = order[0];
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
              MeanValue.of(acc.scoreSum[j], acc.scoreSq[j], runs),
              difference(acc, j, best, runs),
              Proportion.of(acc.nuclear[j], runs),
              Proportion.of(acc.directWar[j], runs),
              Proportion.of(acc.further[j], runs),
              Proportion.of(acc.outcomes[j][Outcome.SETTLEMENT.ordinal()], runs),
              MeanValue.of(acc.punSum[j], acc.punSq[j], runs),
              MeanValue.of(acc.credSum[j], acc.credSq[j], runs),
              MeanValue.of(acc.cohSum[j], acc.cohSq[j], runs),
              outcomes(acc, j, runs),
              histogram(acc.maxRung[j]),
              goalScores(acc, j, runs)));
    }
    double[] w = weights(sc);
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
        sc.illustrative());
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

  private static OptionResult.Difference difference(Acc acc, int j, int b, long runs) {
    double diff = (acc.scoreSum[j] - acc.scoreSum[b]) / runs;
    double sq = acc.scoreSq[j] - 2 * acc.cross[j][b] + acc.scoreSq[b];
    double var = runs > 1 ? Math.max(0, (sq - runs * diff * diff) / (runs - 1)) : 0;
    double half = 1.959963984540054 * Math.sqrt(var / runs);
    boolean significant = j != b && (diff + half < 0 || diff - half > 0);
    return new OptionResult.Difference(
        round(diff), new double[] {round(diff - half), round(diff + half)}, significant);
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
   * The options not dominated in (lower P(direct war), higher mean end credibility), by
   * increasing risk. An option is dominated when another is at least as good on both and better on
   * one.
   */
  static List<String> paretoFront(List<OptionResult> results) {
    List<OptionResult> front = new ArrayList<>();
    for (OptionResult a : results) {
      boolean dominated = false;
      for (OptionResult b : results) {
        double ra = a.directWar().p();
        double rb = b.directWar().p();
        double ca = a.credibility().mean();
        double cb = b.credibility().mean();
        if (rb <= ra && cb >= ca && (rb < ra || cb > ca)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(a);
      }
    }
    front.sort(
        Comparator.comparingDouble((OptionResult r) -> r.directWar().p())
            .thenComparingDouble(r -> -r.credibility().mean()));
    return OptionResult.ids(front);
  }

  static double round(double v) {
    return spiral.sim.Intervals.round6(v);
  }

  /** Per-option sums over runs, and the cross-products of the options' run scores. */
  static final class Acc {
    final int n;
    final long[][] outcomes;
    final long[] nuclear;
    final long[] directWar;
    final long[] further;
    final double[] punSum;
    final double[] punSq;
    final double[] credSum;
    final double[] credSq;
    final double[] cohSum;
    final double[] cohSq;
    final double[] scoreSum;
    final double[] scoreSq;
    final double[][] goal;
    final double[][] cross;
    final long[][] maxRung;

    Acc(int n, int top) {
      this.n = n;
      outcomes = new long[n][Outcome.values().length];
      nuclear = new long[n];
      directWar = new long[n];
      further = new long[n];
      punSum = new double[n];
      punSq = new double[n];
      credSum = new double[n];
      credSq = new double[n];
      cohSum = new double[n];
      cohSq = new double[n];
      scoreSum = new double[n];
      scoreSq = new double[n];
      goal = new double[n][METRICS.size()];
      cross = new double[n][n];
      maxRung = new long[n][top + 1];
    }

    void add(int j, RunRecord r, boolean nuc, double pun, double score) {
      outcomes[j][r.outcome.ordinal()]++;
      if (nuc) {
        nuclear[j]++;
      }
      if (r.directWar) {
        directWar[j]++;
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
      scoreSum[j] += score;
      scoreSq[j] += score * score;
      maxRung[j][r.maxRung]++;
    }

    void merge(Acc o) {
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < outcomes[j].length; i++) {
          outcomes[j][i] += o.outcomes[j][i];
        }
        nuclear[j] += o.nuclear[j];
        directWar[j] += o.directWar[j];
        further[j] += o.further[j];
        punSum[j] += o.punSum[j];
        punSq[j] += o.punSq[j];
        credSum[j] += o.credSum[j];
        credSq[j] += o.credSq[j];
        cohSum[j] += o.cohSum[j];
        cohSq[j] += o.cohSq[j];
        scoreSum[j] += o.scoreSum[j];
        scoreSq[j] += o.scoreSq[j];
        for (int g = 0; g < goal[j].length; g++) {
          goal[j][g] += o.goal[j][g];
        }
        for (int b = 0; b < n; b++) {
          cross[j][b] += o.cross[j][b];
        }
        for (int r = 0; r < maxRung[j].length; r++) {
          maxRung[j][r] += o.maxRung[j][r];
        }
      }
    }

    /** The mean score of option j over the runs. */
    double meanScore(int j, long runs) {
      return scoreSum[j] / runs;
    }
  }
}
