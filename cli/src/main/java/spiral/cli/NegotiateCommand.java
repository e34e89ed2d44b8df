package spiral.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.bargain.NegotiationReport;
import spiral.bargain.report.NegotiationPage;
import spiral.scenario.Scenario;

/** {@code spiral negotiate SCENARIO}: the settlement space and the window for talks. */
@Command(
    name = "negotiate",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a negotiation: who accepts what, the zone of agreement, the window for talks.",
      "",
      "Reads the scenario's negotiation section and reports each proposal's utility per party"
          + " and who accepts it; whether a zone of possible agreement exists and its share of the"
          + " agreement space; the Pareto frontier; the Nash, Kalai-Smorodinsky and egalitarian"
          + " agreements; Rubinstein's split of a divisible issue; the Fearon range; and, month by"
          + " month over the window, each party's reservation value, whether a zone exists, and the"
          + " best deal each party can get. A party's dated position can close the zone from its"
          + " date: an issue it declares not negotiable (nonNegotiable) rules out every agreement"
          + " below the level it states, and a refusal of talks (refusesTalks) rules out all, until"
          + " a later position of its own reopens them; each month counts the positions stated by"
          + " its end."
    })
final class NegotiateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Option(names = "--month", paramLabel = "K", defaultValue = "0", description = "The month analysed, 0 = the negotiation's start (default: ${DEFAULT-VALUE}).")
  int month;

  @Option(names = "--window", paramLabel = "MONTHS", description = "Months in the window (default: the scenario's 'months').")
  Integer window;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads for simulated reservation values (default: all cores).")
  Integer threads;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFolders();
    RunOptions ro = new RunOptions();
    ro.runs = 1;
    ro.threads = threads;
    ro.check();
    Scenario sc = scenario.load();
    if (sc.negotiation() == null) {
      throw new BadInputException("spiral: scenario '" + sc.id() + "' has no negotiation section (see 'spiral scenarios')");
    }
    int w = window != null ? window : sc.negotiation().months();
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "negotiate", ProgressBar.terminal());
    NegotiationReport r;
    try (Workers workers = new Workers(ro.threadCount())) {
      r = workers.negotiation().analyse(sc, month, w, bar);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + sc.id() + ": " + e.getMessage());
    } finally {
      bar.clear();
    }
    if (output.report != null) {
      Output.write(NegotiationPage.negotiation(sc, r), output.report, null);
    }
    spiral.Provenance prov = Scenarios.provenance("negotiate", scenario.scenario, sc, seed(sc));
    String text = switch (output.format) {
      case json -> Output.json(r, prov);
      case csv -> Output.csv(csv(r), prov);
      case table -> table(r) + prov.text(false);
    };
    Output.write(text, output.out, spec.commandLine().getOut());
    return 0;
  }

  /**
   * The seed of the negotiation's random draws: the seed of its simulated reservation values (the
   * first party's that has one; each party's own is in its source), or null when none is simulated.
   */
  static Long seed(Scenario sc) {
    for (spiral.bargain.Party p : sc.negotiation().parties()) {
      if (p.fromSimulation() != null) {
        return p.fromSimulation().seed();
      }
    }
    return null;
  }

  static String table(NegotiationReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %s%nmonth %d (%s), spiral %s%n%n", r.scenario(), r.name(), r.month(), r.monthLabel(), r.version()));
    b.append("Reservation values (the value of no agreement):\n");
    for (NegotiationReport.PartyResult p : r.parties()) {
      b.append(String.format(Locale.ROOT, "  %-12s %.3f (month 0: %.3f; %s)%n", p.id(), p.reservation(), p.initialReservation(), p.source()));
    }
    NegotiationReport.Space s = r.space();
    b.append(String.format(Locale.ROOT, "%nAgreement space: %,d agreements; zone of possible agreement: %s (%,d, %.2f%% of the space); %,d Pareto-optimal%n",
        s.points(), s.zoneExists() ? "YES" : "NO", s.zonePoints(), 100 * s.zoneShare(), s.paretoPoints()));
    b.append(String.format("%nProposals at %s (utility per party; * = below its reservation value):%n", r.monthLabel()));
    List<String> ids = r.parties().stream().map(NegotiationReport.PartyResult::id).toList();
    b.append(String.format(Locale.ROOT, "  %-26s", "proposal"));
    for (String id : ids) {
      b.append(String.format(Locale.ROOT, " %10s", id));
    }
    b.append("   accepted by\n");
    for (NegotiationReport.ProposalResult p : r.proposals()) {
      b.append(String.format(Locale.ROOT, "  %-26s", p.id()));
      for (String id : ids) {
        b.append(String.format(Locale.ROOT, " %9.3f%s", p.utilities().get(id), p.accepts().get(id) ? " " : "*"));
      }
      List<String> yes = ids.stream().filter(id -> p.accepts().get(id)).toList();
      b.append("   ").append(p.acceptedByAll() ? "ALL" : yes.isEmpty() ? "nobody" : String.join(", ", yes)).append('\n');
    }
    if (r.nash() != null) {
      b.append(String.format("%nSolutions over the zone:%n"));
      agreement(b, "Nash bargaining", r.nash());
      agreement(b, "Kalai-Smorodinsky", r.kalaiSmorodinsky());
      agreement(b, "egalitarian", r.egalitarian());
    } else {
      b.append(String.format("%nNo agreement gives every party its reservation value at %s: no Nash, Kalai-Smorodinsky or egalitarian agreement.%n", r.monthLabel()));
    }
    if (r.rubinstein() != null) {
      NegotiationReport.RubinsteinSplit rb = r.rubinstein();
      b.append(String.format(Locale.ROOT, "%nRubinstein on %s (%s proposing first, %s responding; solved on their value functions):"
          + " split %s = %s (grid level %s), worth %.4f to %s and %.4f to %s%n",
          rb.issue(), rb.proposer(), rb.responder(), rb.issue(), number(rb.value()), rb.level(), rb.proposerShare(), rb.proposer(),
          rb.responderValue(), rb.responder()));
    }
    if (r.fearon() != null) {
      NegotiationReport.FearonRange f = r.fearon();
      b.append(String.format(Locale.ROOT, "%nFearon range on %s for %s (p = %.3f): (%.3f, %.3f); levels inside: %s%n",
          f.issue(), f.party(), f.p(), f.range()[0], f.range()[1], f.levelsInRange().isEmpty() ? "none" : String.join(", ", f.levelsInRange())));
      if (f.demand() != null) {
        b.append(String.format(Locale.ROOT, "  under cost uncertainty %s demands %.3f; P(war) %.3f; its expected utility %.4f%n",
            f.party(), f.demand()[0], f.demand()[1], f.demand()[2]));
      }
    }
    b.append(String.format("%nThe window (reservation values; zone of agreement; Nash deal):%n"));
    b.append(String.format(Locale.ROOT, "  %-8s %8s", "month", "leverage"));
    for (String id : ids) {
      b.append(String.format(Locale.ROOT, " %10s", "r(" + shorten(id, 7) + ")"));
    }
    b.append(String.format(Locale.ROOT, "  %-5s %8s  %s%n", "zone", "share", "Nash deal"));
    for (NegotiationReport.Month m : r.window()) {
      b.append(String.format(Locale.ROOT, "  %-8s %8.3f", m.label(), m.leverage()));
      for (String id : ids) {
        b.append(String.format(Locale.ROOT, " %10.3f", m.reservations().get(id)));
      }
      b.append(String.format(Locale.ROOT, "  %-5s %7.2f%%  %s%n", m.zoneExists() ? "yes" : "no", 100 * m.zoneShare(),
          m.nash() == null ? "-" : levels(m.nash().levels())));
    }
    List<String> shown = List.of();
    for (NegotiationReport.Month m : r.window()) {
      if (!m.stands().equals(shown)) {
        b.append(shown.isEmpty() ? String.format("%nDated stands that close the zone (in force by the end of the month):%n") : "");
        b.append(String.format(Locale.ROOT, "  from %s: %s%n", m.label(), m.stands().isEmpty() ? "none" : String.join("; ", m.stands())));
        shown = m.stands();
      }
    }
    b.append(r.openMonths().isEmpty()
        ? "\nNo month of the window has a zone of agreement.\n"
        : "\nA zone of agreement exists in: " + String.join(", ", r.openMonths().stream().map(o -> o.get(0).equals(o.get(1)) ? o.get(0) : o.get(0) + " to " + o.get(1)).toList()) + ".\n");
    OptionsCommand.appendIllustrative(b, r.illustrative());
    return b.toString();
  }

  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static void agreement(StringBuilder b, String name, NegotiationReport.Agreement a) {
    b.append(String.format(Locale.ROOT, "  %-18s %s%n  %-18s utilities %s%n", name, levels(a.levels()), "", utilities(a.utilities())));
  }

  static String levels(Map<String, String> levels) {
    StringBuilder b = new StringBuilder();
    levels.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }

  private static String utilities(Map<String, Double> us) {
    StringBuilder b = new StringBuilder();
    us.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", k, v)));
    return b.toString();
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  static String csv(NegotiationReport r) {
    StringBuilder b = new StringBuilder("month,label,leverage,party,reservation,zone_exists,zone_share,best_for_party_utility,stands\n");
    for (NegotiationReport.Month m : r.window()) {
      for (NegotiationReport.PartyResult p : r.parties()) {
        NegotiationReport.Agreement best = m.bestFor().get(p.id());
        b.append(m.month()).append(',').append(m.label()).append(',').append(m.leverage()).append(',')
            .append(p.id()).append(',').append(m.reservations().get(p.id())).append(',')
            .append(m.zoneExists()).append(',').append(m.zoneShare()).append(',')
            .append(best == null ? "" : String.valueOf(best.utilities().get(p.id()))).append(',')
            .append(m.stands().isEmpty() ? "" : "\"" + String.join("; ", m.stands()).replace("\"", "\"\"") + "\"").append('\n');
      }
    }
    return b.toString();
  }
}
