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
import spiral.game.Equilibrium;
import spiral.game.EquilibriumSolver;
import spiral.game.ExchangeGame;
import spiral.game.GameWriter;
import spiral.game.Rational;
import spiral.scenario.Scenario;

/** {@code spiral game SCENARIO}: the first exchange of a scenario as an extensive-form game. */
@Command(
    name = "game",
    mixinStandardHelpOptions = true,
    description = {
      "Compile a scenario's attack -> response -> counter-response into an extensive-form game,"
          + " solve it and read which threats are credible.",
      "",
      "The responder chooses among its response options (the set 'spiral options' ranks); a"
          + " chance node makes the response land one rung higher with the ladder's inadvertent"
          + " risk; the initiator counter-responds with any of its options (repeat attacks and"
          + " nuclear options included), hold or deescalate. Payoffs are the actors'"
          + " faction-weighted utilities from the escalation model, rounded to D decimals and"
          + " written as exact rationals. One exchange only, no perception noise, best replies.",
      "",
      "The table shows, per response: the initiator's equilibrium reply (as chosen / after a"
          + " step up), both players' expected payoffs, P(further attack), whether the response"
          + " is the responder's equilibrium choice, whether it is credible (a best response once"
          + " the attack has happened, given the initiator's equilibrium replies) and its gap"
          + " (what carrying it out costs the responder against its best response), and whether"
          + " it deters (no further attack in equilibrium). --format json gives the same with the"
          + " equilibrium profile.",
      "",
      "--solve spe (the default) is backward induction; the other methods of 'spiral solve'"
          + " work on the tree as they do there and add their equilibria as NE lines (large"
          + " trees are refused by the enumerating methods; lcp finds one Nash equilibrium on"
          + " the sequence form, lp needs a constant-sum tree, logit a strategic game).",
      ""
    })
final class GameCommand implements Callable<Integer> {
  enum GameFormat {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Option(
      names = "--export",
      paramLabel = "FILE.efg",
      description = "Also write the game in Gambit's .efg format (readable by 'spiral solve').")
  Path export;

  @Option(
      names = "--solve",
      paramLabel = "METHOD",
      defaultValue = "spe",
      description = "enumpure, enummixed, lcp, lp, spe or logit (default: ${DEFAULT-VALUE}).")
  SolveCommand.Method method;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  GameFormat format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  Path out;

  @Option(
      names = "--decimals",
      paramLabel = "D",
      defaultValue = "6",
      description =
          "Round payoffs and chance probabilities to D decimals, 0 to "
              + ExchangeGame.MAX_DECIMALS
              + " (default: ${DEFAULT-VALUE}).")
  int decimals;

  @Option(
      names = "--compare-runs",
      paramLabel = "N",
      defaultValue = "2000",
      description =
          "Runs per option of the simulated options analysis the game is compared with; 0 leaves"
              + " the comparison out (default: ${DEFAULT-VALUE}).")
  long compareRuns;

  @Override
  public Integer call() {
    if (compareRuns < 0 || compareRuns > 1_000_000) {
      throw new BadInputException(
          "spiral game: --compare-runs must be between 0 and 1000000, was " + compareRuns);
    }
    if (decimals < 0 || decimals > ExchangeGame.MAX_DECIMALS) {
      throw new BadInputException(
          "spiral game: --decimals must be between 0 and " + ExchangeGame.MAX_DECIMALS
              + ", was " + decimals);
    }
    Output.checkFolder(export, "--export");
    Output.checkFolder(out, "--out");
    Scenario sc = scenario.load();
    Scenarios.compile(sc);
    ExchangeGame eg = ExchangeGame.compile(sc, decimals);
    ExchangeGame.Reading reading = eg.read();
    List<Equilibrium> eqs;
    if (method == SolveCommand.Method.spe) {
      eqs = List.of(reading.equilibrium());
    } else {
      try {
        eqs = EquilibriumSolver.byName(method.name()).solve(eg.game());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "spiral game: " + sc.id() + ": " + method + ": " + e.getMessage());
      }
    }
    if (export != null) {
      Output.write(GameWriter.efg(eg.game()), export, null);
    }
    spiral.options.GameComparison comparison = null;
    if (compareRuns > 0) {
      try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
        comparison =
            spiral.options.GameComparison.of(
                reading,
                workers.options().analyse(sc, compareRuns, 1, spiral.sim.Progress.NONE));
      }
    }
    // the game itself draws nothing at random; its comparison simulates with seed 1
    spiral.Provenance prov = Scenarios.provenance("game", scenario.scenario, sc, comparison != null ? 1L : null);
    String text;
    if (format == GameFormat.json) {
      java.util.Map<String, Object> j = eg.summary(reading, eqs, method.name());
      if (comparison != null) {
        j.put("comparedWithSimulation", comparison);
      }
      j.put("provenance", prov);
      text = Output.json(j);
    } else {
      StringBuilder t = new StringBuilder(table(eg, reading, eqs));
      if (comparison != null) {
        t.append(String.format(
            "%nThe game and the simulated options analysis (%,d runs per option, seed 1):%n", compareRuns));
        for (String line : comparison.lines()) {
          t.append("  ").append(line).append(System.lineSeparator());
        }
      }
      text = t.append(prov.text(true)).toString();
    }
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  private String dec(Rational r) {
    return r.toDecimal(decimals);
  }

  String table(ExchangeGame eg, ExchangeGame.Reading r, List<Equilibrium> eqs) {
    StringBuilder b = new StringBuilder();
    String resp = eg.responderId();
    String init = eg.initiatorId();
    b.append(eg.game().title()).append(System.lineSeparator());
    b.append(String.format(Locale.ROOT,
        "%s answers %s's attack at rung %d (perceived as %d); chance of an inadvertent step up;"
            + " %s counter-responds. %d responses x 2 x %d replies = %d outcomes; payoffs rounded"
            + " to %d decimals; subgame-perfect replies by backward induction.%n%n",
        resp, init, eg.attackRung(), eg.perceivedAttack(), init, eg.responses().size(),
        eg.replies().size(), eg.responses().size() * 2 * eg.replies().size(), decimals));
    int w = Math.max(8, decimals + 5);
    b.append(String.format(Locale.ROOT, "%-24s %4s %10s  %-26s %-26s %" + w + "s %" + w + "s %10s %4s %8s %" + w + "s %6s%n",
        "response", "rung", "P(step up)", "reply (as chosen)", "reply (step up)",
        "U(" + shorten(resp, w - 3) + ")", "U(" + shorten(init, w - 3) + ")",
        "P(further)", "SPE", "credible", "gap", "deters"));
    for (ExchangeGame.Row row : r.rows()) {
      b.append(String.format(Locale.ROOT, "%-24s %4d %10s  %-26s %-26s %" + w + "s %" + w + "s %10s %4s %8s %" + w + "s %6s%n",
          shorten(row.response(), 24), row.rung(), dec(row.stepUpProbability()),
          shorten(row.replies().get(0) + " (" + row.replyRungs().get(0) + ")", 26),
          shorten(row.replies().get(1) + " (" + row.replyRungs().get(1) + ")", 26),
          dec(row.responderPayoff()), dec(row.initiatorPayoff()), dec(row.furtherAttackProbability()),
          row.equilibrium() ? "*" : "", row.credible() ? "yes" : "no", dec(row.gap()),
          row.deters() ? "yes" : "no"));
    }
    b.append(System.lineSeparator());
    b.append(String.format("Equilibrium response: %s.%n", r.equilibriumResponse()));
    b.append(String.format(
        "Credible: a best response once the attack has happened, given %s's equilibrium"
            + " replies (gap 0);%nthe gap is what carrying a response out costs %s against its"
            + " best response.%nDeters: no further attack (a reply at or above rung %d) in"
            + " equilibrium.%n",
        init, resp, eg.attackRung()));
    if (r.credibleDeterrents().isEmpty() && r.incredibleDeterrents().isEmpty()) {
      b.append(String.format("No response deters a further attack.%n"));
    } else {
      b.append(String.format("Credible threats that deter: %s.%n",
          r.credibleDeterrents().isEmpty() ? "none" : String.join(", ", r.credibleDeterrents())));
      if (!r.incredibleDeterrents().isEmpty()) {
        b.append(String.format(
            "Would deter but are not credible (%s would rather play %s once attacked): %s.%n",
            resp, r.equilibriumResponse(), String.join(", ", r.incredibleDeterrents())));
      }
    }
    b.append(String.format("%nEquilibria by %s (Gambit's NE lines; players %s, %s):%n", method, resp, init));
    for (Equilibrium e : eqs) {
      b.append(e.gambitLine()).append(System.lineSeparator());
    }
    if (eqs.isEmpty()) {
      b.append(String.format("(none found)%n"));
    }
    return b.toString();
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
