package spiral.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.bargain.NegotiationAnalysis;
import spiral.bargain.PositionsReport;
import spiral.bargain.report.PositionsPage;
import spiral.scenario.Scenario;

/** {@code spiral positions SCENARIO}: the dated positions and the gap between the parties. */
@Command(
    name = "positions",
    mixinStandardHelpOptions = true,
    description = {
      "List a negotiation's dated positions and the gap between the parties over time.",
      "",
      "Maps each position onto the issue space, with each party's utility of the positions that"
          + " speak to every issue, and the gap between the two main parties' latest stated levels over"
          + " time: the mean distance (0 to 1) over the same issues at every date, those both had"
          + " stated when both first had, and the distance on every issue both have stated."
    })
final class PositionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFolders();
    Scenario sc = scenario.load();
    if (sc.negotiation() == null) {
      throw new BadInputException("spiral: scenario '" + sc.id() + "' has no negotiation section (see 'spiral scenarios')");
    }
    PositionsReport r = NegotiationAnalysis.positions(sc);
    if (output.report != null) {
      Output.write(PositionsPage.positions(sc, r), output.report, null);
    }
    spiral.Provenance prov = Scenarios.provenance("positions", scenario.scenario, sc, null);
    String text = switch (output.format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> table(r) + prov.text(false);
    };
    Output.write(text, output.out, spec.commandLine().getOut());
    return 0;
  }

  static String table(PositionsReport r) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %s%n%n", r.scenario(), r.name()));
    for (PositionsReport.Entry e : r.positions()) {
      b.append(String.format(Locale.ROOT, "%-10s %-10s %s%n", e.date(), e.actor(), e.statement()));
      b.append(String.format(Locale.ROOT, "%21s%s%n", "",
          e.levels().isEmpty() ? "maps onto no agreement" : (e.proposal() != null ? e.proposal() + ": " : "") + NegotiateCommand.levels(e.levels())));
      if (!e.source().isEmpty()) {
        b.append(String.format(Locale.ROOT, "%21ssource: %s%n", "", e.source()));
      }
    }
    b.append(String.format("%nGap between %s and %s (0 = same position, 1 = opposite ends of every issue), each party's"
        + " latest stated level per issue;%nthe mean over the same %d issue(s) at every date: %s%n",
        r.between().get(0), r.between().get(1), r.compared().size(), String.join(", ", r.compared())));
    for (PositionsReport.Gap g : r.gaps()) {
      StringBuilder per = new StringBuilder();
      g.perIssue().forEach((k, v) -> per.append(per.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", k, v)));
      b.append(String.format(Locale.ROOT, "  %-10s %.3f (positions of %s and %s); per issue: %s%n", g.date(), g.gap(),
          g.positions().get(0), g.positions().get(1), per));
    }
    if (r.gaps().isEmpty()) {
      b.append("  (the two parties never both have a mapped position)\n");
    }
    OptionsCommand.appendIllustrative(b, r.illustrative());
    return b.toString();
  }

  static String csv(PositionsReport r) {
    StringBuilder b = new StringBuilder("date,actor,proposal,levels,statement\n");
    for (PositionsReport.Entry e : r.positions()) {
      b.append(e.date()).append(',').append(q(e.actor())).append(',').append(e.proposal() == null ? "" : q(e.proposal())).append(',')
          .append(q(NegotiateCommand.levels(e.levels()))).append(',').append(q(e.statement())).append('\n');
    }
    return b.toString();
  }

  private static String q(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
