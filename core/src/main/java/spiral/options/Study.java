package spiral.options;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.Version;
import spiral.scenario.Scenario;
import spiral.sim.Progress;

/**
 * The RAND study reproduced (Frederick, Charap &amp; Mueller, PEA2081-1): the options analysis of
 * several scenarios at once, as a scenario &times; option matrix with the best and the most robust
 * option per scenario, and how the answer shifts as the attack grows. Cost: one options analysis
 * (and, with samples, one robustness analysis) per scenario.
 */
public final class Study {
  private Study() {}

  /**
   * Analyses the scenarios, ordered by their attack's rung.
   *
   * @param sampleRuns runs per option in each sampled parameter set
   * @param samples parameter sets per scenario for the robustness analysis, or 0 for none
   * @param progress told of all the work together
   */
  public static StudyReport run(
      OptionsAnalysis analysis,
      List<Scenario> scenarios,
      long runs,
      long sampleRuns,
      long seed,
      int samples,
      Progress progress) {
    return run(analysis, scenarios, runs, sampleRuns, seed, samples, Map.of(), progress);
  }

  /**
   * Parameter sets to analyse one scenario at in place of Latin hypercube draws from its declared
   * ranges, for example draws from a calibration's posterior.
   *
   * @param paths the parameter paths
   * @param sets set m's values of {@code paths} in {@code sets[m]}
   * @param sampling how they were drawn, for the report
   */
  public record Draws(List<String> paths, double[][] sets, String sampling) {
    public Draws {
      paths = List.copyOf(paths);
    }
  }

  /**
   * Analyses the scenarios as {@link #run(OptionsAnalysis, List, long, long, long, int, Progress)}
   * does, except that a scenario named in {@code draws} is analysed at those parameter sets (their
   * number replaces {@code samples} for it).
   */
  public static StudyReport run(
      OptionsAnalysis analysis,
      List<Scenario> scenarios,
      long runs,
      long sampleRuns,
      long seed,
      int samples,
      Map<String, Draws> draws,
      Progress progress) {
    List<Scenario> ordered = new ArrayList<>(scenarios);
    ordered.sort(Comparator.comparingInt((Scenario s) -> s.initiatingEvent().rung()));
    long total = 0;
    long[] units = new long[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      long n = analysis.accumulateUnits(ordered.get(i));
      Draws d = draws.get(ordered.get(i).id());
      int m = d != null ? d.sets().length : samples;
      units[i] = runs * n + (m > 0 ? sampleRuns * n * m : 0);
      total += units[i];
    }
    List<StudyReport.Row> rows = new ArrayList<>();
    List<String> optionIds = new ArrayList<>();
    long offset = 0;
    for (int i = 0; i < ordered.size(); i++) {
      Scenario sc = ordered.get(i);
      final long off = offset;
      final long all = total;
      Progress p = (done, t) -> progress.advance(off + done, all);
      Draws d = draws.get(sc.id());
      OptionsReport r =
          d != null
              ? RobustAnalysis.analyseAt(analysis, sc, runs, sampleRuns, seed, d.paths(), d.sets(), d.sampling(), p)
              : samples > 0
                  ? RobustAnalysis.analyse(analysis, sc, runs, sampleRuns, seed, samples, p)
                  : analysis.analyse(sc, runs, seed, p);
      offset += units[i];
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, Double> nuclear = new LinkedHashMap<>();
      List<OptionResult> byId = new ArrayList<>(r.options());
      List<String> order = OptionsAnalysis.responderOptions(OptionsAnalysis.withDefaultResponses(sc), new spiral.sim.CompiledModel(OptionsAnalysis.withDefaultResponses(sc)))
          .stream().map(o -> o.id()).toList();
      byId.sort(Comparator.comparingInt(o -> order.indexOf(o.id())));
      for (OptionResult o : byId) {
        scores.put(o.id(), o.score().mean());
        nuclear.put(o.id(), o.nuclearUse().p());
        if (!optionIds.contains(o.id())) {
          optionIds.add(o.id());
        }
      }
      rows.add(new StudyReport.Row(
          sc.id(), sc.name(), sc.initiatingEvent().rung(), scores, nuclear, r.best(),
          r.regret() == null ? r.best() : r.regret().minimaxRegret(), r));
    }
    return new StudyReport(runs, seed, Version.get(), samples, optionIds, rows, shift(rows));
  }

  /** How the best and the most robust option change from the smallest to the largest attack. */
  static String shift(List<StudyReport.Row> rows) {
    StringBuilder b = new StringBuilder("Best response as the attack grows: ");
    for (int i = 0; i < rows.size(); i++) {
      StudyReport.Row r = rows.get(i);
      if (i > 0) {
        b.append("; ");
      }
      b.append(r.scenario()).append(" (rung ").append(r.rung()).append(") ").append(r.best());
      if (!r.mostRobust().equals(r.best())) {
        b.append(", most robust ").append(r.mostRobust());
      }
    }
    b.append('.');
    if (rows.size() > 1) {
      StudyReport.Row first = rows.get(0);
      StudyReport.Row last = rows.get(rows.size() - 1);
      b.append(first.best().equals(last.best())
          ? " The best answer does not change between the smallest and the largest attack."
          : " The best answer changes from " + first.best() + " to " + last.best() + ".");
      Map<String, Double> lo = bestByKinetic(first);
      Map<String, Double> hi = bestByKinetic(last);
      double topLo = first.detail().options().get(0).score().mean();
      double topHi = last.detail().options().get(0).score().mean();
      StringBuilder gaps = new StringBuilder();
      for (Map.Entry<String, Double> e : lo.entrySet()) {
        Double h = hi.get(e.getKey());
        if (h == null) {
          continue;
        }
        gaps.append(gaps.length() == 0 ? "" : ", ")
            .append(String.format(java.util.Locale.ROOT, "%s %.3f → %.3f",
                e.getKey(), topLo - e.getValue(), topHi - h));
      }
      if (gaps.length() > 0) {
        b.append(" Gap between the best score and the best of each kinetic level, from rung ")
            .append(first.rung()).append(" to rung ").append(last.rung()).append(": ")
            .append(gaps).append('.');
      }
    }
    return b.toString();
  }

  /** The best score of each kinetic level in a row, in the options' order. */
  private static Map<String, Double> bestByKinetic(StudyReport.Row row) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (OptionResult o : row.detail().options()) {
      best.merge(o.kinetic(), o.score().mean(), Math::max);
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String k : List.of("none", "less", "proportional", "more", "absolute")) {
      if (best.containsKey(k)) {
        ordered.put(k, best.get(k));
      }
    }
    return ordered;
  }
}
