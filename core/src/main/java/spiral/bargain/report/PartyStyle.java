package spiral.bargain.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import spiral.bargain.NegotiationReport.IssueLevels;
import spiral.report.Palette;

/**
 * What the negotiation charts share: each party's colour and dash, short names, the levels of an
 * issue as text, month labels and small numeric helpers. Cost: constant per call.
 */
final class PartyStyle {
  private PartyStyle() {}

  /** Party colours, in party order (the same in every chart and table of a report). */
  private static final String[] PARTY_COLOURS = {Palette.BLUE, Palette.VERMILLION, Palette.GREEN,
    Palette.PURPLE, Palette.ORANGE, Palette.SKY_BLUE, Palette.GREY};
  static final String[] PARTY_DASHES = {null, "12 6", "4 4", "14 5 3 5", "8 4", "2 3", "16 4"};
  static final String ZONE = Palette.tint(Palette.GREEN, 0.8);
  static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
    "Sep", "Oct", "Nov", "Dec"};

  static String partyColour(int i) {
    return PARTY_COLOURS[Math.floorMod(i, PARTY_COLOURS.length)];
  }

  /** A name short enough for a chart label: the part before a parenthesis, when there is one. */
  static String shortName(String name) {
    if (name == null) {
      return "";
    }
    int cut = name.indexOf(" (");
    return cut >= 3 ? name.substring(0, cut) : name;
  }

  /** {"Mar", "2022"} for "2022-03"; the label and "" when it is no month. */
  static String[] monthParts(String label) {
    try {
      YearMonth ym = YearMonth.parse(label);
      return new String[] {MONTHS[ym.getMonthValue() - 1], Integer.toString(ym.getYear())};
    } catch (RuntimeException e) {
      return new String[] {label == null ? "" : label, ""};
    }
  }

  /** A level as read: numeric with its unit, booleans as yes / no. */
  static String levelText(IssueLevels issue, String level) {
    if (level == null) {
      return "";
    }
    if (issue != null && "boolean".equalsIgnoreCase(issue.kind())) {
      return switch (level) {
        case "true" -> "yes";
        case "false" -> "no";
        default -> level;
      };
    }
    if (issue != null && "numeric".equalsIgnoreCase(issue.kind()) && issue.unit() != null
        && !issue.unit().isBlank()) {
      return level + " " + issue.unit();
    }
    return level;
  }

  static String actorColour(int a) {
    return partyColour(a);
  }

  // ---------------------------------------------------------------- helpers

  static List<double[]> xy(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    for (double[] p : pts) {
      out.add(new double[] {p[0], p[1]});
    }
    return out;
  }

  /** A darker shade of a palette colour for text on white (contrast at least 4.5:1). */
  static String darker(String colour) {
    return switch (colour) {
      case Palette.ORANGE -> "#8A5F00";
      case Palette.SKY_BLUE -> "#1F6E9C";
      case Palette.GREEN -> "#00694D";
      case Palette.VERMILLION -> "#A13F00";
      case Palette.PURPLE -> "#8E3A6C";
      case Palette.YELLOW -> "#6B6500";
      case Palette.GREY -> "#555555";
      default -> colour;
    };
  }

  static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }

  static double clamp01(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }
}
