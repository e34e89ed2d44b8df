package spiral.sim.report;

import static spiral.report.Html.esc;

import java.util.List;
import spiral.report.Palette;
import spiral.sim.Outcome;

/**
 * How the reports name the five outcomes of a simulated run: their order, their short labels and
 * the list of their definitions ({@link spiral.sim.Outcome#definition()}) with their colours.
 * Cost: constant.
 */
public final class OutcomeText {
  private OutcomeText() {}

  /** The outcomes' names in the order the reports show them (stacks, legends, tables). */
  public static final List<String> OUTCOMES =
      List.of("CONTAINED", "DEESCALATED", "SETTLEMENT", "PROTRACTED", "NUCLEAR_USE");

  /** The short label of an outcome's name ("nuclear use"); an unknown name in lower case. */
  public static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "CONTAINED" -> "contained";
      case "DEESCALATED" -> "de-escalated after widening";
      case "SETTLEMENT" -> "settlement";
      case "PROTRACTED" -> "protracted";
      case "NUCLEAR_USE" -> "nuclear use";
      default -> outcome.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The five outcomes of a run and what each means ({@link Outcome#definition()}). */
  public static String outcomeDefinitions() {
    StringBuilder b = new StringBuilder("<div class=\"defs\" id=\"outcome-definitions\">\n"
        + "<h3>What the outcomes mean</h3>\n<dl>\n");
    for (Outcome o : Outcome.values()) {
      b.append("<dt><span class=\"sw sq\" style=\"background:").append(Palette.outcome(o.name()))
          .append("\"></span>").append(esc(outcomeLabel(o.name()))).append(" <code>")
          .append(esc(o.name())).append("</code></dt><dd>").append(esc(o.definition()))
          .append("</dd>\n");
    }
    return b.append("</dl>\n<p class=\"muted\">k is the scenario's <code>containTurns</code> "
        + "(3 by default). Direct war, in P(direct war or nuclear use), is an act at or above the "
        + "ladder's direct-war rung.</p>\n</div>\n").toString();
  }
}
