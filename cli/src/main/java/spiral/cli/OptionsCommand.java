package spiral.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.options.RobustAnalysis;
import spiral.options.report.OptionsPage;
import spiral.scenario.Scenario;

/** {@code spiral options SCENARIO}: the responses to the attack, ranked on the scenario's goals. */
@Command(
    name = "options",
    mixinStandardHelpOptions = true,
    description = {
      "Rank the responding side's options against the initiating attack.",
      "",
      "Each option is played as the first response and the rest of the crisis simulated, with"
          + " common random numbers (run k of every option has the same seed). Per option: P(nuclear"
          + " use), P(direct war or nuclear use), P(further attacks), P(settlement), punishment,"
          + " credibility and cohesion at the end, each with its 95%% interval; the normalised score"
          + " on the scenario's goals; the paired difference from the best option, real only beyond"
          + " the minimum meaningful difference, and the goal driving it; the Pareto front of"
          + " P(further attacks) against P(direct war or nuclear use); what the one-shot game says"
          + " beside it. --robust adds regret over parameter sets drawn by Latin hypercube"
          + " sampling from the scenario's uncertainties."
    })
final class OptionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Mixin RunOptions run;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with charts.")
  Path report;

  @Option(names = "--robust", description = "Score every option in parameter sets sampled from the uncertainties; report regret.")
  boolean robust;

  @Option(
      names = "--samples",
      paramLabel = "M",
      defaultValue = "50",
      description = "Parameter sets for --robust (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--sample-runs",
      paramLabel = "R",
      defaultValue = "1000",
      description = "Runs per option in each parameter set for --robust (default: ${DEFAULT-VALUE}).")
  long sampleRuns;

  @Option(
      names = "--posterior",
      paramLabel = "FILE.csv",
      description = "Like --robust, at --samples parameter sets drawn from this posterior sample ('spiral calibrate'): how often each option is best across the posterior.")
  String posterior;

  @Override
  public Integer call() {
    run.check();
    boolean robust = this.robust || posterior != null;
    if (robust && (samples < 2 || samples > 100_000)) {
      throw new BadInputException("spiral: --samples must be between 2 and 100000, was " + samples);
    }
    if (robust && (sampleRuns < 1 || sampleRuns > 1_000_000_000L)) {
      throw new BadInputException("spiral: --sample-runs must be between 1 and 10^9, was " + sampleRuns);
    }
    Scenario sc = scenario.load();
    Scenarios.compile(sc);
    Output.checkFolder(report, "--report");
    Output.checkFolder(run.out, "--out");
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "options", ProgressBar.terminal());
    OptionsReport r;
    try (Workers workers = new Workers(run.threadCount())) {
      if (posterior != null) {
        spiral.history.PosteriorFile post = UncertaintyOptions.read(posterior, sc);
        r = RobustAnalysis.analyseAt(workers.options(), sc, run.runs, sampleRuns, run.seed, post.parameters(),
            spiral.history.UncertainSimulation.fromPosterior(post, samples, run.seed),
            "draws from the posterior " + UncertaintyOptions.fileName(posterior) + ", reference class " + post.meta().getOrDefault("reference", "?"), bar);
      } else {
        r = robust
            ? RobustAnalysis.analyse(workers.options(), sc, run.runs, sampleRuns, run.seed, samples, bar)
            : workers.options().analyse(sc, run.runs, run.seed, bar);
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + sc.id() + ": " + e.getMessage());
    } finally {
      bar.clear();
    }
    spiral.Provenance prov = Scenarios.provenance("options", scenario.scenario, sc, run.seed);
    String text =
        switch (run.format) {
          case json -> Output.json(r, prov);
          case csv -> Output.csv(csv(r), prov);
          case table -> table(r) + comparison(sc, r) + prov.text(false);
        };
    if (report != null) {
      Output.write(OptionsPage.options(sc, r), report, null);
    }
    Output.write(text, run.out, spec.commandLine().getOut());
    return 0;
  }

  private static String pair(double[] ci) {
    return ci == null ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci[0], ci[1]);
  }

  static String table(OptionsReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %s%n", r.scenario(), r.scenarioName()));
    b.append(String.format(Locale.ROOT,
        "%s's first response to an attack at rung %d; %,d runs per option with common random numbers, seed %d, spiral %s%n",
        r.responder(), r.initiatingRung(), r.runs(), r.seed(), r.version()));
    b.append("goals: ");
    for (int i = 0; i < r.goals().size(); i++) {
      OptionsReport.GoalWeight g = r.goals().get(i);
      b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.2f", g.metric(), g.weight()));
    }
    b.append(String.format("%n%n"));
    b.append(String.format(Locale.ROOT, "%4s %-24s %4s %7s %17s   %-8s %-12s %9s %7s %7s %7s %7s %6s %6s%n",
        "rank", "option", "rung", "score", "95% CI", "vs best", "gap from", "P(nuclear)", "P(war*)", "P(more)", "P(deal)", "punish", "cred", "cohes"));
    for (OptionResult o : r.options()) {
      String diff = o.rank() == 1 ? "best" : String.format(Locale.ROOT, "%+.4f%s", o.differenceFromBest().mean(), o.differenceFromBest().significant() ? "*" : " ");
      String driver = o.gapDriver() == null ? "" : o.gapDriver();
      b.append(String.format(Locale.ROOT, "%4d %-24s %4d %7.4f  [%.4f, %.4f]   %-8s %-12s %9.4f %7.4f %7.4f %7.4f %7.2f %6.3f %6.3f%n",
          o.rank(), shorten(o.id(), 24), o.rung(), o.score().mean(), o.score().ci95()[0], o.score().ci95()[1], diff,
          shorten(driver, 12), o.nuclearUse().p(), o.warOrNuclear().p(), o.furtherAttacks().p(), o.settlement().p(),
          o.punishment().mean(), o.credibility().mean(), o.cohesion().mean()));
    }
    b.append(String.format(Locale.ROOT, "%nscore: each goal's mean scaled to span its weight across these options (worst 0, best the weight), summed.%n"));
    b.append(String.format(Locale.ROOT,
        "* a real difference: its paired 95%% interval lies wholly beyond the minimum meaningful difference %.3f (model.meaningfulDifference).%n",
        r.meaningfulDifference()));
    b.append(String.format("gap from: the goal that contributes most to the option's gap behind the best.%n"));
    b.append(String.format("P(war*): P(direct war or nuclear use). P(more): P(further armed attacks by the initiator after the first response).%n"));
    b.append(String.format("Each option is the responder's first response and the ceiling of its later answers (its posture); the initiator and later turns follow the model.%n"));
    b.append(String.format("Best: %s.%n", r.best()));
    b.append(String.format("Pareto front (lower P(further attacks), lower P(direct war or nuclear use)): %s%n", String.join(", ", r.paretoFront())));
    Regret g = r.regret();
    if (g != null) {
      b.append(String.format(Locale.ROOT, "%nRobustness: %d parameter sets (%s, over %s), %,d runs per option each%n",
          g.samples(), g.sampling() == null ? "Latin hypercube" : g.sampling(), String.join(", ", g.parameters()), g.runsPerSample()));
      b.append(String.format(Locale.ROOT, "%-24s %12s %12s %10s   %-18s %-18s%n", "option", "max regret", "mean regret", "best in",
          "P(war*) total 95%", "P(more) total 95%"));
      for (Regret.OptionRegret o : g.options()) {
        b.append(String.format(Locale.ROOT, "%-24s %12.4f %12.4f %9.0f%%   %-18s %-18s%n", shorten(o.id(), 24), o.maxRegret(), o.meanRegret(),
            100 * o.bestShare(), pair(o.warOrNuclear95()), pair(o.furtherAttacks95())));
      }
      b.append(String.format("Minimax regret: %s.%n", g.minimaxRegret()));
      if (g.options().stream().anyMatch(o -> o.bestShare() == 1.0)) {
        b.append(String.format("The best option is the same in every parameter set: the uncertainties move the scores, not the choice.%n"));
      }
      b.append(String.format("What most changes the best choice (rank correlations with the regret and with the score of %s):%n", r.best()));
      b.append(String.format(Locale.ROOT, "  %-48s %7s %7s   %s%n", "parameter", "regret", "score", "best option in the lower / upper half of the draws"));
      for (Regret.Driver d : g.drivers()) {
        b.append(String.format(Locale.ROOT, "  %-48s %+7.3f %+7.3f   %s / %s%n",
            d.parameter(), d.rankCorrelation(), d.scoreCorrelation(), d.bestWhenLow(), d.bestWhenHigh()));
      }
    }
    appendIllustrative(b, r.illustrative());
    return b.toString();
  }

  /** What the one-shot game says beside the simulation, and why they differ where they do. */
  static String comparison(Scenario sc, OptionsReport r) {
    spiral.game.ExchangeGame.Reading g = spiral.game.ExchangeGame.compile(sc, 6).read();
    StringBuilder b = new StringBuilder(String.format("%nThe one-shot game and the simulation:%n"));
    for (String line : spiral.options.GameComparison.of(g, r).lines()) {
      b.append("  ").append(line).append(System.lineSeparator());
    }
    return b.toString();
  }

  static void appendIllustrative(StringBuilder b, List<String> illustrative) {
    if (!illustrative.isEmpty()) {
      b.append(String.format("%nIllustrative assumptions (not findings of the sources):%n"));
      for (String i : illustrative) {
        b.append("  - ").append(i).append(System.lineSeparator());
      }
    }
  }

  static String csv(OptionsReport r) {
    StringBuilder b = new StringBuilder(
        "rank,id,kinetic,nonKinetic,rung,score,score_lo,score_hi,diff_from_best,diff_lo,diff_hi,diff_significant,"
            + "nuclearUse,nuclearUse_lo,nuclearUse_hi,directWar,directWar_lo,directWar_hi,"
            + "furtherAttacks,furtherAttacks_lo,furtherAttacks_hi,settlement,settlement_lo,settlement_hi,"
            + "punishment,punishment_lo,punishment_hi,credibility,credibility_lo,credibility_hi,"
            + "cohesion,cohesion_lo,cohesion_hi,warOrNuclear,warOrNuclear_lo,warOrNuclear_hi,gapDriver,pareto\n");
    for (OptionResult o : r.options()) {
      b.append(o.rank()).append(',').append(o.id()).append(',').append(o.kinetic()).append(',')
          .append(o.nonKinetic()).append(',').append(o.rung());
      mean(b, o.score().mean(), o.score().ci95());
      mean(b, o.differenceFromBest().mean(), o.differenceFromBest().ci95());
      b.append(',').append(o.differenceFromBest().significant());
      mean(b, o.nuclearUse().p(), o.nuclearUse().ci95());
      mean(b, o.directWar().p(), o.directWar().ci95());
      mean(b, o.furtherAttacks().p(), o.furtherAttacks().ci95());
      mean(b, o.settlement().p(), o.settlement().ci95());
      mean(b, o.punishment().mean(), o.punishment().ci95());
      mean(b, o.credibility().mean(), o.credibility().ci95());
      mean(b, o.cohesion().mean(), o.cohesion().ci95());
      mean(b, o.warOrNuclear().p(), o.warOrNuclear().ci95());
      b.append(',').append(o.gapDriver() == null ? "" : o.gapDriver());
      b.append(',').append(r.paretoFront().contains(o.id())).append('\n');
    }
    return b.toString();
  }

  private static void mean(StringBuilder b, double v, double[] ci) {
    b.append(',').append(v).append(',').append(ci[0]).append(',').append(ci[1]);
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
