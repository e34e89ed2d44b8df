package spiral.report;

import java.util.Locale;

/**
 * Colours of the reports: the Okabe&ndash;Ito palette (distinguishable with the common colour
 * vision deficiencies) for categories, and viridis for sequential scales.
 */
public final class Palette {
  private Palette() {}

  /** Okabe&ndash;Ito black. */
  public static final String BLACK = "#000000";
  /** Okabe&ndash;Ito orange. */
  public static final String ORANGE = "#E69F00";
  /** Okabe&ndash;Ito sky blue. */
  public static final String SKY_BLUE = "#56B4E9";
  /** Okabe&ndash;Ito bluish green. */
  public static final String GREEN = "#009E73";
  /** Okabe&ndash;Ito yellow. */
  public static final String YELLOW = "#F0E442";
  /** Okabe&ndash;Ito blue. */
  public static final String BLUE = "#0072B2";
  /** Okabe&ndash;Ito vermillion. */
  public static final String VERMILLION = "#D55E00";
  /** Okabe&ndash;Ito reddish purple. */
  public static final String PURPLE = "#CC79A7";
  /** Grey, for muted marks and text. */
  public static final String GREY = "#767676";
  /** Light grey, for grid lines. */
  public static final String GRID = "#D0D0D0";
  /** The colour of text. */
  public static final String INK = "#111";

  /**
   * Colours of the ladder's groups from the bottom up, cool to hot: the order of the palette
   * along the escalation.
   */
  public static final String[] LADDER = {GREY, SKY_BLUE, GREEN, YELLOW, ORANGE, VERMILLION, PURPLE, BLACK};

  /**
   * The colour of an outcome: contained green, de-escalated yellow, settlement sky blue, protracted
   * orange, nuclear vermillion.
   */
  public static String outcome(String outcome) {
    return switch (outcome) {
      case "CONTAINED" -> GREEN;
      case "DEESCALATED" -> YELLOW;
      case "SETTLEMENT" -> SKY_BLUE;
      case "PROTRACTED" -> ORANGE;
      case "NUCLEAR_USE" -> VERMILLION;
      default -> GREY;
    };
  }

  /** The colour of a kinetic level, from none (sky blue) to more than proportionate (vermillion). */
  public static String kinetic(String level) {
    return switch (level == null ? "" : level) {
      case "none" -> SKY_BLUE;
      case "less" -> GREEN;
      case "proportional" -> ORANGE;
      case "more" -> VERMILLION;
      default -> PURPLE;
    };
  }

  private static final int[][] VIRIDIS = {
    {0xFD, 0xE7, 0x25}, {0xB5, 0xDE, 0x2B}, {0x6E, 0xCE, 0x58}, {0x35, 0xB7, 0x79},
    {0x1F, 0x9E, 0x89}, {0x26, 0x82, 0x8E}, {0x31, 0x68, 0x8E}, {0x3E, 0x49, 0x89},
    {0x48, 0x28, 0x78}, {0x44, 0x01, 0x54}
  };

  /** Reversed viridis: t = 0 is light yellow, t = 1 dark purple (more = darker). */
  public static String sequential(double t) {
    double x = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
    double pos = x * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    int[] a = VIRIDIS[i];
    int[] c = VIRIDIS[i + 1];
    return hex(
        (int) Math.round(a[0] + f * (c[0] - a[0])),
        (int) Math.round(a[1] + f * (c[1] - a[1])),
        (int) Math.round(a[2] + f * (c[2] - a[2])));
  }

  /** The colour mixed with white: amount 0 is the colour, 1 is white. */
  public static String tint(String colour, double amount) {
    int[] c = rgb(colour);
    return hex(
        (int) Math.round(c[0] + (255 - c[0]) * amount),
        (int) Math.round(c[1] + (255 - c[1]) * amount),
        (int) Math.round(c[2] + (255 - c[2]) * amount));
  }

  /** Black or white, whichever reads better on this background. */
  public static String textOn(String background) {
    int[] c = rgb(background);
    double l = 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    // contrast with black (l + 0.05) / 0.05 against contrast with white 1.05 / (l + 0.05)
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? INK : "#FFFFFF";
  }

  private static double lin(int v) {
    double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static int[] rgb(String hex) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    int v = Integer.parseInt(h, 16);
    return new int[] {(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
  }

  private static String hex(int r, int g, int b) {
    return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
  }
}
