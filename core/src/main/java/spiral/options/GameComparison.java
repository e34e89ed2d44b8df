package spiral.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import spiral.game.ExchangeGame;

/**
 * Says whether the one-shot game of a scenario ({@link ExchangeGame}: one exchange, best replies,
 * the responder's own utility) names the same answer as the simulated options analysis ({@link
 * OptionsAnalysis}: many turns, quantal choices, the scenario's goals), and when not, why, with
 * the figures of both answers in each. Cost: linear in the number of options.
 *
 * @param gameAnswer the game's subgame-perfect response
 * @param simulatedAnswer the options analysis' best option
 * @param same whether they are the same
 * @param lines the explanation, one sentence a line
 */
public record GameComparison(
    String gameAnswer, String simulatedAnswer, boolean same, List<String> lines) {
  public GameComparison {
    lines = List.copyOf(lines);
  }

  /** Compares a game reading with an options report of the same scenario. */
  public static GameComparison of(ExchangeGame.Reading game, OptionsReport report) {
    String g = game.equilibriumResponse();
    String s = report.best();
    List<String> lines = new ArrayList<>();
    if (g.equals(s)) {
      lines.add(String.format(Locale.ROOT,
          "The one-shot game (spiral game) names the same answer as the simulation: %s.", s));
      return new GameComparison(g, s, true, lines);
    }
    OptionResult inSim = find(report, g);
    ExchangeGame.Row simInGame = null;
    ExchangeGame.Row gameRow = null;
    for (ExchangeGame.Row row : game.rows()) {
      if (row.response().equals(s)) {
        simInGame = row;
      }
      if (row.response().equals(g)) {
        gameRow = row;
      }
    }
    lines.add(String.format(Locale.ROOT,
        "The one-shot game (spiral game) names %s; the simulation names %s.", g, s));
    if (inSim != null) {
      lines.add(String.format(Locale.ROOT,
          "In the simulation %s ranks %d of %d, %.4f behind %s, most of the gap from %s"
              + " (P(further attacks) %.4f against %.4f, P(direct war or nuclear use) %.4f"
              + " against %.4f).",
          g, inSim.rank(), report.options().size(), -inSim.differenceFromBest().mean(), s,
          inSim.gapDriver(), inSim.furtherAttacks().p(), find(report, s).furtherAttacks().p(),
          inSim.warOrNuclear().p(), find(report, s).warOrNuclear().p()));
    }
    if (simInGame != null && gameRow != null) {
      lines.add(String.format(Locale.ROOT,
          "In the game %s is worth %s to the responder against %s for %s, and the initiator's"
              + " best reply to it is %s.",
          s, simInGame.responderPayoff().toDecimal(4), gameRow.responderPayoff().toDecimal(4), g,
          String.join(" / ", simInGame.replies())));
    }
    lines.add("Why they can differ: the game weighs the responder's own faction utility, the"
        + " simulation the scenario's goals; the game plays one exchange with best replies and"
        + " no perception noise, the simulation many turns of quantal choices with"
        + " misperception, accidents, wars neither side chose, war weariness and talks, so it"
        + " sees further attacks a weak"
        + " answer invites later and spirals a strong one starts.");
    return new GameComparison(g, s, false, lines);
  }

  private static OptionResult find(OptionsReport r, String id) {
    for (OptionResult o : r.options()) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return null;
  }
}
