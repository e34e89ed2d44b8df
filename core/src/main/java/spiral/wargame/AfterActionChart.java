package spiral.wargame;

import static spiral.report.Html.num;

import java.util.ArrayList;
import java.util.List;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The chart of a wargame's after-action report: the played game's highest rung by turn against
 * the simulated 10%&ndash;90% band and median of the highest rung reached by each turn. Drawn with
 * the report kit's conventions (Okabe-Ito palette, text of at least 14 user units, the axes from
 * {@link Svg#ticks}).
 */
final class AfterActionChart {
  private AfterActionChart() {}

  private static final double W = 900;
  private static final double H = 420;
  private static final double LEFT = 70;
  private static final double RIGHT = 20;
  private static final double TOP = 46;
  private static final double BOTTOM = 62;

  /**
   * The played path against the simulated band, as a standalone SVG document (with its
   * namespace). Cost: linear in the number of turns.
   */
  static String path(AfterActionReport report) {
    List<AfterActionReport.TurnBand> band = report.path();
    Svg s = new Svg(W, H);
    String title = "Highest rung reached by turn: played game against " + report.traceRuns()
        + " simulated runs";
    s.text(LEFT, 26, Svg.fit(title, W - LEFT - RIGHT, 16), 16, "start", true, Palette.INK);
    if (band.isEmpty()) {
      s.text(W / 2, H / 2, "no data", 16, "middle");
      return standalone(s, title);
    }
    int lastTurn = band.get(band.size() - 1).turn();
    double yMax = 0;
    for (AfterActionReport.TurnBand b : band) {
      yMax = Math.max(yMax, Math.max(b.p90(), b.played() == null ? 0 : b.played()));
    }
    double[] xt = Svg.ticks(0, Math.max(1, lastTurn), 8);
    double[] yt = Svg.ticks(0, Math.max(1, yMax), 6);
    double x0 = xt[0];
    double x1 = xt[xt.length - 1];
    double y0 = yt[0];
    double y1 = yt[yt.length - 1];
    double pw = W - LEFT - RIGHT;
    double ph = H - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator fx = v -> LEFT + (v - x0) / (x1 - x0) * pw;
    java.util.function.DoubleUnaryOperator fy = v -> TOP + ph - (v - y0) / (y1 - y0) * ph;
    int yd = Svg.decimals(yt);
    for (double t : yt) {
      double y = fy.applyAsDouble(t);
      s.line(LEFT, y, LEFT + pw, y, Palette.GRID, 1);
      s.text(LEFT - 8, y + 5, num(t, yd), 14, "end");
    }
    int xd = Svg.decimals(xt);
    for (double t : xt) {
      double x = fx.applyAsDouble(t);
      s.line(x, TOP + ph, x, TOP + ph + 5, Palette.INK, 1);
      s.text(x, TOP + ph + 22, num(t, xd), 14, "middle");
    }
    s.line(LEFT, TOP + ph, LEFT + pw, TOP + ph, Palette.INK, 1);
    s.text(LEFT + pw / 2, H - 12, "turn", 14, "middle");
    s.text(18, TOP + ph / 2, "highest rung", 14, "middle", false, Palette.INK, -90);

    List<double[]> poly = new ArrayList<>();
    List<double[]> median = new ArrayList<>();
    for (AfterActionReport.TurnBand b : band) {
      poly.add(new double[] {fx.applyAsDouble(b.turn()), fy.applyAsDouble(b.p90())});
      median.add(new double[] {fx.applyAsDouble(b.turn()), fy.applyAsDouble(b.median())});
    }
    for (int i = band.size() - 1; i >= 0; i--) {
      AfterActionReport.TurnBand b = band.get(i);
      poly.add(new double[] {fx.applyAsDouble(b.turn()), fy.applyAsDouble(b.p10())});
    }
    s.polygon(poly, Palette.tint(Palette.SKY_BLUE, 0.55), null, 0);
    s.polyline(median, Palette.BLUE, 2, "8 5");
    List<double[]> played = new ArrayList<>();
    for (AfterActionReport.TurnBand b : band) {
      if (b.played() != null) {
        played.add(new double[] {fx.applyAsDouble(b.turn()), fy.applyAsDouble(b.played())});
      }
    }
    s.polyline(played, Palette.VERMILLION, 3, null);
    for (int i = 0; i < played.size(); i++) {
      double[] p = played.get(i);
      s.tip("turn " + i + ": highest rung " + band.get(i).played()).mark();
      s.circle(p[0], p[1], 4, Palette.VERMILLION, "#FFFFFF", 1);
      s.end();
    }
    double ly = TOP + 8;
    double lx = LEFT + pw - 250;
    s.rect(lx, ly, 24, 12, Palette.tint(Palette.SKY_BLUE, 0.55));
    s.text(lx + 32, ly + 11, "simulated 10%-90%", 14, "start");
    s.line(lx, ly + 26, lx + 24, ly + 26, Palette.BLUE, 2, "8 5");
    s.text(lx + 32, ly + 31, "simulated median", 14, "start");
    s.line(lx, ly + 46, lx + 24, ly + 46, Palette.VERMILLION, 3);
    s.text(lx + 32, ly + 51, "played game", 14, "start");
    return standalone(s, title);
  }

  private static String standalone(Svg s, String label) {
    return s.render(label).replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
  }
}
