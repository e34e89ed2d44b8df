package spiral.sim;

/**
 * Streaming aggregate of runs: counts, histograms and sums, O(R + horizon) memory whatever the
 * number of runs. Accumulators of fixed blocks of runs are merged in block order, so the sums
 * (and every figure derived from them) are the same bits on any number of threads.
 */
public final class Stats {
  /** Means tracked with sums and sums of squares, in this order. */
  public static final String[] MEANS = {
    "responderCredibility",
    "initiatorCredibility",
    "cohesion",
    "punishmentByResponder",
    "punishmentByInitiator",
    "initiatorCost",
    "responderCost",
    "escalationScore",
    "leverage"
  };

  long runs;
  final long[] outcomes = new long[Outcome.values().length];
  long directWar;
  long furtherAttacks;
  long inadvertent;
  long talks;
  long strategic;
  final long[] firstUser = new long[2];
  final long[] maxRung;
  final long[] turns;
  final double[] sum = new double[MEANS.length];
  final double[] sumSq = new double[MEANS.length];

  /** An empty aggregate for a ladder of top rung R and a horizon. */
  public Stats(int top, int horizon) {
    maxRung = new long[top + 1];
    turns = new long[horizon + 1];
  }

  /** Adds one run. */
  public void add(RunRecord r) {
    runs++;
    outcomes[r.outcome.ordinal()]++;
    if (r.directWar) {
      directWar++;
    }
    if (r.furtherAttacks) {
      furtherAttacks++;
    }
    if (r.inadvertent) {
      inadvertent++;
    }
    if (r.talksOpened) {
      talks++;
    }
    if (r.strategic) {
      strategic++;
    }
    if (r.firstNuclearUser >= 0) {
      firstUser[r.firstNuclearUser]++;
    }
    maxRung[r.maxRung]++;
    turns[r.turns]++;
    put(0, r.credibility[CompiledModel.RESPONDER]);
    put(1, r.credibility[CompiledModel.INITIATOR]);
    put(2, r.cohesion);
    put(3, r.punishment[CompiledModel.RESPONDER]);
    put(4, r.punishment[CompiledModel.INITIATOR]);
    put(5, r.cost[CompiledModel.INITIATOR]);
    put(6, r.cost[CompiledModel.RESPONDER]);
    put(7, r.escalationScore);
    put(8, r.leverage);
  }

  private void put(int i, double v) {
    sum[i] += v;
    sumSq[i] += v * v;
  }

  /** Adds another aggregate into this one (merge in a fixed order for identical sums). */
  public void merge(Stats o) {
    runs += o.runs;
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] += o.outcomes[i];
    }
    directWar += o.directWar;
    furtherAttacks += o.furtherAttacks;
    inadvertent += o.inadvertent;
    talks += o.talks;
    strategic += o.strategic;
    firstUser[0] += o.firstUser[0];
    firstUser[1] += o.firstUser[1];
    for (int i = 0; i < maxRung.length; i++) {
      maxRung[i] += o.maxRung[i];
    }
    for (int i = 0; i < turns.length; i++) {
      turns[i] += o.turns[i];
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += o.sum[i];
      sumSq[i] += o.sumSq[i];
    }
  }

  /** Number of runs aggregated. */
  public long runs() {
    return runs;
  }

  /** Runs that ended with this outcome. */
  public long count(Outcome o) {
    return outcomes[o.ordinal()];
  }

  /** Runs that reached the direct-war threshold. */
  public long directWar() {
    return directWar;
  }

  /** Runs in which the initiator attacked again at or above its first rung. */
  public long furtherAttacks() {
    return furtherAttacks;
  }

  /** Runs with at least one inadvertent or accidental step. */
  public long inadvertent() {
    return inadvertent;
  }

  /** Runs in which talks opened. */
  public long talks() {
    return talks;
  }

  /** Runs that reached the strategic threshold. */
  public long strategic() {
    return strategic;
  }

  /** Runs whose first nuclear user was this side index. */
  public long firstNuclearUser(int side) {
    return firstUser[side];
  }

  /** Histogram of the highest executed rung. */
  public long[] maxRungHistogram() {
    return maxRung.clone();
  }

  /** Histogram of the turn each run ended. */
  public long[] turnsHistogram() {
    return turns.clone();
  }

  /** The mean of tracked figure i (see {@link #MEANS}). */
  public double mean(int i) {
    return runs == 0 ? Double.NaN : sum[i] / runs;
  }

  /** The sample standard deviation of tracked figure i. */
  public double sd(int i) {
    return Intervals.sd(sum[i], sumSq[i], runs);
  }

  /** The mean of tracked figure i with its 95% interval. */
  public MeanValue meanValue(int i) {
    return MeanValue.of(sum[i], sumSq[i], runs);
  }
}
