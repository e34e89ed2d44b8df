package spiral.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import spiral.scenario.Scenario;
import spiral.sim.CompiledModel;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;
import spiral.sim.SimulationSummary;
import spiral.sim.Stats;

/** {@code spiral simulate SCENARIO}: the probability of each way the crisis can end. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a scenario many times and report how the crisis ends.",
      "",
      "Runs the escalation engine and reports: P(CONTAINED), P(DEESCALATED), P(SETTLEMENT),"
          + " P(PROTRACTED), P(NUCLEAR_USE) with 95%% Wilson intervals, the flags directWar,"
          + " furtherAttacks, inadvertent, talksOpened and strategic, the highest-rung distribution,"
          + " run lengths, the first nuclear user and mean end-of-run figures. The same seed gives"
          + " the same numbers on any number of threads.",
      "",
      "CONTAINED: both sides held below the opening attack's rung for k turns, with no further"
          + " attack and no act above the opening rung. DEESCALATED: the same, after the crisis had"
          + " widened. SETTLEMENT: talks succeeded. PROTRACTED: the horizon was reached. NUCLEAR_USE:"
          + " a nuclear weapon was used (whatever stopAt says)."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Mixin RunOptions run;

  @Mixin UncertaintyOptions uncertainty;

  @Override
  public Integer call() {
    run.check();
    Output.checkFolder(run.out, "--out");
    Scenario sc = scenario.load();
    if (uncertainty.active()) {
      return uncertain(sc);
    }
    CompiledModel model = Scenarios.compile(sc);
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err, "simulate", ProgressBar.terminal());
    Stats stats;
    try (Workers workers = new Workers(run.threadCount())) {
      stats = workers.simulator().run(model, run.runs, run.seed, bar);
    } finally {
      bar.clear();
    }
    SimulationSummary summary = SimulationSummary.of(sc, model, stats, run.seed);
    spiral.Provenance prov = Scenarios.provenance("simulate", scenario.scenario, sc, run.seed);
    String text =
        switch (run.format) {
          case json -> Output.json(summary, prov);
          case csv -> Output.csv(csv(summary), prov);
          case table -> table(sc, summary) + prov.text(false);
        };
    Output.write(text, run.out, spec.commandLine().getOut());
    return 0;
  }

  /** --posterior or --uncertain: every figure with its Monte Carlo and its total interval. */
  private int uncertain(Scenario sc) {
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err, "simulate", ProgressBar.terminal());
    spiral.history.UncertainSimulation.Summary s;
    try (Workers workers = new Workers(run.threadCount())) {
      s = uncertainty.simulate(sc, run.runs, run.seed, workers.simulator(), bar);
    } finally {
      bar.clear();
    }
    spiral.Provenance prov = Scenarios.provenance("simulate", scenario.scenario, sc, run.seed);
    String text = switch (run.format) {
      case json -> Output.json(s, prov);
      case csv -> Output.csv(UncertaintyOptions.csv(s), prov);
      case table -> UncertaintyOptions.table(sc, s) + prov.text(false);
    };
    Output.write(text, run.out, spec.commandLine().getOut());
    return 0;
  }

  static String table(Scenario sc, SimulationSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %s%n", sc.id(), sc.name()));
    b.append(
        String.format(
            Locale.ROOT,
            "%,d runs, seed %d, spiral %s; ladder %s, attack at rung %d (%s)%n%n",
            s.runs(),
            s.seed(),
            s.version(),
            sc.ladder().id(),
            sc.initiatingEvent().rung(),
            sc.ladder().rung(sc.initiatingEvent().rung()).actBy(sc.principal(spiral.scenario.Side.INITIATOR).name())));
    b.append(String.format(Locale.ROOT, "%-22s %10s %9s   %s%n", "outcome", "runs", "p", "95% CI"));
    rows(b, s.outcomes());
    b.append(String.format("%n"));
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      b.append(String.format(Locale.ROOT, "  %-12s %s%n", o.name(), o.definition()));
    }
    b.append(String.format(Locale.ROOT, "%n%-22s %10s %9s   %s%n", "flag", "runs", "p", "95% CI"));
    rows(b, s.flags());
    b.append(String.format(Locale.ROOT, "%n%-22s %10s %9s   %s%n", "first nuclear user", "runs", "p", "95% CI"));
    rows(b, s.firstNuclearUser());
    b.append(String.format(Locale.ROOT, "%nhighest rung (mean %.2f):%n", s.maxRung().mean()));
    for (Map.Entry<String, Long> e : s.maxRung().histogram().entrySet()) {
      int level = Integer.parseInt(e.getKey());
      double p = (double) e.getValue() / s.runs();
      b.append(
          String.format(
              Locale.ROOT,
              "  %3d %-52s %7.4f %s%n",
              level,
              shorten(sc.ladder().rung(level).name(), 52),
              p,
              "#".repeat((int) Math.round(p * 40))));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nturns: mean %.2f, median %d, 90th percentile %d (horizon %d)%n",
            s.turns().mean(),
            s.turns().p50(),
            s.turns().p90(),
            sc.horizon()));
    b.append(String.format(Locale.ROOT, "%n%-22s %12s   %s%n", "end of run", "mean", "95% CI"));
    for (Map.Entry<String, MeanValue> e : s.means().entrySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %12.4f   [%.4f, %.4f]%n",
              e.getKey(),
              e.getValue().mean(),
              e.getValue().ci95()[0],
              e.getValue().ci95()[1]));
    }
    if (!s.illustrative().isEmpty()) {
      b.append(String.format("%nIllustrative assumptions (not findings of the sources):%n"));
      for (String i : s.illustrative()) {
        b.append("  - ").append(i).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  private static void rows(StringBuilder b, Map<String, Proportion> m) {
    for (Map.Entry<String, Proportion> e : m.entrySet()) {
      Proportion p = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %,10d %9.4f   [%.4f, %.4f]%n",
              e.getKey(),
              p.count(),
              p.p(),
              p.ci95()[0],
              p.ci95()[1]));
    }
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  static String csv(SimulationSummary s) {
    StringBuilder b = new StringBuilder("section,key,count,value,ci95_lo,ci95_hi\n");
    section(b, "outcome", s.outcomes());
    section(b, "flag", s.flags());
    section(b, "firstNuclearUser", s.firstNuclearUser());
    for (Map.Entry<String, Long> e : s.maxRung().histogram().entrySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "maxRung,%s,%d,%s,,%n",
              e.getKey(),
              e.getValue(),
              num((double) e.getValue() / s.runs())));
    }
    b.append(String.format(Locale.ROOT, "maxRung,mean,,%s,,%n", num(s.maxRung().mean())));
    b.append(String.format(Locale.ROOT, "turns,mean,,%s,,%n", num(s.turns().mean())));
    b.append(String.format(Locale.ROOT, "turns,p50,,%d,,%n", s.turns().p50()));
    b.append(String.format(Locale.ROOT, "turns,p90,,%d,,%n", s.turns().p90()));
    for (Map.Entry<String, MeanValue> e : s.means().entrySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "mean,%s,,%s,%s,%s%n",
              e.getKey(),
              num(e.getValue().mean()),
              num(e.getValue().ci95()[0]),
              num(e.getValue().ci95()[1])));
    }
    return b.toString();
  }

  private static void section(
      StringBuilder b, String name, Map<String, Proportion> m) {
    for (Map.Entry<String, Proportion> e : m.entrySet()) {
      Proportion p = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%s,%s,%s%n",
              name,
              e.getKey(),
              p.count(),
              num(p.p()),
              num(p.ci95()[0]),
              num(p.ci95()[1])));
    }
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}
