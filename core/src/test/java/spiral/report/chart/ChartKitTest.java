package spiral.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import spiral.report.Box;
import spiral.report.Svg;

/** The chart kit: what each chart draws, its layout guarantees, its tables and its checks. */
class ChartKitTest {
  private static final Pattern TEXT = Pattern.compile(
      "<text( class=\"([^\"]*)\")? x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" font-size=\"([0-9.]+)\"( text-anchor=\"(\\w+)\")?[^>]*>([^<]*)</text>");

  record Label(String cls, double x, double y, double size, String anchor, String text, boolean rotated) {
    /** The box of a label turned upright (rotate -90 about its start): it runs up from (x, y). */
    Box uprightBox() {
      double w = Svg.textWidth(text, size);
      return new Box(x - size * 0.9, y - w, x + size * 0.3, y);
    }

    Box box() {
      double w = Svg.textWidth(text.replace("&amp;", "&").replace("&lt;", "<"), size);
      double left = "end".equals(anchor) ? x - w : "middle".equals(anchor) ? x - w / 2 : x;
      // a generous box (ascent 0.9, descent 0.3 of the size), as a browser's font may draw it
      return new Box(left, y - size * 0.9, left + w, y + size * 0.3);
    }
  }

  static List<Label> texts(String svg) {
    List<Label> out = new ArrayList<>();
    Matcher m = TEXT.matcher(svg);
    while (m.find()) {
      out.add(new Label(m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
          Double.parseDouble(m.group(5)), m.group(7) == null ? "start" : m.group(7), m.group(8), m.group(0).contains("rotate(")));
    }
    return out;
  }

  /** The plot's top: the upper end of the y axis (or the highest grid line). */
  static double plotTop(String svg) {
    Matcher m = Pattern.compile("<line x1=\"84\" y1=\"([0-9.]+)\" x2=\"84\" y2=\"([0-9.]+)\"").matcher(svg);
    assertThat(m.find()).as("the y axis").isTrue();
    return Double.parseDouble(m.group(1));
  }

  static BarChart outcomes(double nuclear) {
    return new BarChart("outcomes", "Outcomes", "outcome", "probability", null, List.of(new BarChart.Series("", List.of(
        new BarChart.Bar("CONTAINED", 0.62, 0.6, 0.64), new BarChart.Bar("SETTLEMENT", 0.2, 0.18, 0.22),
        new BarChart.Bar("PROTRACTED", 0.17, 0.15, 0.19), new BarChart.Bar("NUCLEAR_USE", nuclear, 0.0, 0.002)))));
  }

  @Test
  void barsLabelEveryBarAndASmallProbabilityKeepsItsSize() {
    Chart c = outcomes(0.0002).draw();
    assertThat(c.marks()).isEqualTo(4);
    assertThat(c.svg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    List<String> values = texts(c.svg()).stream().filter(t -> t.cls().equals("bar-value")).map(Label::text).toList();
    assertThat(values).containsExactly("0.620", "0.200", "0.170", "2.0e-4");
    // the smallest bar is still drawn (at least 1.5 units high)
    assertThat(c.svg()).contains("class=\"bar s0\"").doesNotContain("height=\"0\" fill=\"#0072B2\"");
    assertThat(count(c.svg(), "class=\"whisker\"")).isEqualTo(4);
    // one number format per column, decided by the smallest value
    assertThat(c.columns()).containsExactly("outcome", "probability", "95% interval");
    assertThat(c.rows().get(0)).containsExactly("CONTAINED", "0.6200", "0.6000\u20130.6400");
    assertThat(c.rows().get(3)).containsExactly("NUCLEAR_USE", "0.0002", "0.0000\u20130.0020");
    assertThat(c.numeric()).containsExactly(false, true, true);
  }

  @Test
  void severalSeriesGetOneColourEachAndALegendAboveThePlot() {
    BarChart.Series a = new BarChart.Series("first run", outcomes(0.001).series().get(0).bars());
    BarChart.Series b = new BarChart.Series("second run", outcomes(0.002).series().get(0).bars());
    Chart c = new BarChart("compare", "Compare", "outcome", "probability", null, List.of(a, b)).draw();
    assertThat(c.svg()).contains("class=\"bar s0\" x", "class=\"bar s1\" x", "fill=\"#0072B2\"", "fill=\"#E69F00\"");
    double top = plotTop(c.svg());
    List<Label> keys = texts(c.svg()).stream().filter(t -> List.of("first run", "second run", "95% interval").contains(t.text())).toList();
    assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k.box().y1()).isLessThan(top));
    assertThat(c.columns()).containsExactly("outcome", "first run", "95% interval", "second run", "95% interval");
  }

  @Test
  void valueLabelsOfBarsSideBySideNeverTouchTheirNeighbours() {
    BarChart.Series a = new BarChart.Series("A #3", List.of(new BarChart.Bar("CONTAINED", 0.412), new BarChart.Bar("DEESCALATED", 0.344),
        new BarChart.Bar("SETTLEMENT", 0.225), new BarChart.Bar("PROTRACTED", 0.00033), new BarChart.Bar("NUCLEAR_USE", 0.019)));
    BarChart.Series b = new BarChart.Series("B #4", a.bars());
    Chart c = new BarChart("outcomes", "Compare", "outcome", "probability", null, List.of(a, b)).draw();
    List<Label> values = texts(c.svg()).stream().filter(t -> t.cls().equals("bar-value")).toList();
    assertThat(values).hasSize(10).allSatisfy(v -> assertThat(v.rotated()).isTrue());
    List<Box> boxes = new ArrayList<>(values.stream().map(Label::uprightBox).toList());
    boxes.addAll(texts(c.svg()).stream().filter(t -> !t.rotated()).map(Label::box).toList());
    double top = plotTop(c.svg());
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).overlaps(boxes.get(j))).as("texts %d and %d", i, j).isFalse();
      }
    }
    // the upright labels stay inside the plot: the axis leaves room above the tallest bar
    assertThat(values).allSatisfy(v -> assertThat(v.uprightBox().y0()).isGreaterThanOrEqualTo(top));
    // one series with room: labels stay level
    assertThat(texts(outcomes(0.001).draw().svg()).stream().filter(t -> t.cls().equals("bar-value")))
        .noneMatch(Label::rotated);
  }

  @Test
  void longCategoryLabelsTurnSoTheyDoNotTouch() {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      bars.add(new BarChart.Bar("actors.russia.parameter" + i, 0.1 * (i % 5)));
    }
    Chart c = new BarChart("sensitivity-0", "ST", "parameter", "ST", null, List.of(new BarChart.Series("", bars))).draw();
    List<Label> turned = texts(c.svg()).stream().filter(Label::rotated).filter(t -> t.text().startsWith("actors")).toList();
    assertThat(turned).hasSize(12);
    // turned 35 degrees, neighbours are (band * sin 35) apart across their baselines: more than a line of text
    double band = (Plot.RIGHT - Plot.LEFT) / 12;
    assertThat(band * Math.sin(Math.toRadians(35))).isGreaterThan(Plot.TEXT);
    assertThat(c.svg()).contains("rotate(-35 ");
    // sixty parameters: upright, every k-th written, a line of text apart
    List<BarChart.Bar> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(new BarChart.Bar("actors.russia.parameter" + i, 0.01 * i));
    }
    Chart d = new BarChart("sensitivity-1", "ST", "parameter", "ST", null, List.of(new BarChart.Series("", many))).draw();
    List<Label> upright = texts(d.svg()).stream().filter(Label::rotated).filter(t -> t.text().startsWith("actors")).toList();
    assertThat(upright.size()).isBetween(10, 59);
    assertThat(d.svg()).contains("rotate(-90 ");
    for (int i = 1; i < upright.size(); i++) {
      assertThat(upright.get(i).x() - upright.get(i - 1).x()).isGreaterThanOrEqualTo(Plot.TEXT + 2 - 1e-9);
    }
    assertThat(d.marks()).isEqualTo(60);
    assertThat(d.rows()).hasSize(60);
  }

  @Property(tries = 200)
  void scatterLabelsStayInsideThePlotAndNeverOverlap(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.Random r = new java.util.Random(seed);
    List<ScatterChart.Point> pts = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      pts.add(new ScatterChart.Point("option-" + i, 0.2 + 0.4 * xs.get(i), r.nextDouble() * 0.05, r.nextBoolean()));
    }
    Chart c = new ScatterChart("pareto", "t", "x", "y", true, List.of(), List.of(new ScatterChart.Series("", pts))).draw();
    double top = plotTop(c.svg());
    List<Box> boxes = texts(c.svg()).stream().filter(t -> t.cls().startsWith("point-label")).map(Label::box).toList();
    for (int i = 0; i < boxes.size(); i++) {
      Box b = boxes.get(i);
      assertThat(b.x0()).isGreaterThanOrEqualTo(Plot.LEFT - 1e-6);
      assertThat(b.x1()).isLessThanOrEqualTo(Plot.RIGHT + 1e-6);
      assertThat(b.y0()).isGreaterThanOrEqualTo(top - 3);
      for (int j = i + 1; j < boxes.size(); j++) {
        Box o = boxes.get(j);
        // the kit's boxes are 12 units tall at the baseline offsets it tries; these boxes are tighter
        assertThat(b.overlaps(o)).as("labels %d and %d", i, j).isFalse();
      }
    }
    assertThat(c.marks()).isEqualTo(xs.size());
    // the y axis's label keeps clear of its widest tick label (six characters: 0.0225)
    Chart ticks = new ScatterChart("sweep", "t", "x", "nuclearUse", false, List.of(), List.of(new ScatterChart.Series("",
        List.of(new ScatterChart.Point("a", 1, 0.0075, false), new ScatterChart.Point("b", 5, 0.0225, false))))).draw();
    Label yLabel = texts(ticks.svg()).stream().filter(t -> t.cls().equals("axis-label") && t.rotated()).findFirst().orElseThrow();
    double widestTick = texts(ticks.svg()).stream().filter(t -> t.text().matches("[0-9.]+") && "end".equals(t.anchor()))
        .mapToDouble(t -> t.box().x0()).min().orElseThrow();
    assertThat(yLabel.x() + yLabel.size() * 0.3).isLessThan(widestTick - 4);
    // and no two texts at all touch: tick labels at the plot's corner included
    List<Label> all = texts(c.svg()).stream().filter(t -> !t.rotated()).toList();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).box().overlaps(all.get(j).box())).as("'%s' and '%s'", all.get(i).text(), all.get(j).text()).isFalse();
      }
    }
  }

  @Test
  void aScatterColoursByGroupWithKineticLevelsKeepingTheirReportColours() {
    List<ScatterChart.Point> pts = List.of(
        new ScatterChart.Point("none-isolation", 0.13, 0.001, 0.12, 0.14, 0.0005, 0.0017, true, "none"),
        new ScatterChart.Point("more-isolation", 0.05, 0.03, 0.04, 0.06, 0.02, 0.04, true, "more"),
        new ScatterChart.Point("less-cyber", 0.2, 0.02, null, null, null, null, false, "less"));
    Chart c = new ScatterChart("pareto", "t", "P(further attacks)", "P(war)", true,
        List.of(new ChartSpec.Group("none", "kinetic none"), new ChartSpec.Group("less", "kinetic less")),
        List.of(new ScatterChart.Series("", pts))).draw();
    assertThat(c.svg()).contains("fill=\"#56B4E9\"", "fill=\"#009E73\"", "fill=\"#D55E00\"", "class=\"front-line s0\"",
        "class=\"dot front s0 g-none\"");
    assertThat(texts(c.svg()).stream().map(Label::text)).contains("kinetic none", "kinetic less", "more", "Pareto front",
        "95% interval");
    assertThat(c.rows()).hasSize(3);
    assertThat(c.rows().get(0)).containsExactly("none-isolation", "0.13", "0.12\u20130.14", "0.0010", "0.0005\u20130.0017", "yes");
  }

  @Test
  void linesThinTheirXLabelsAndDrawBandsAndRanges() {
    Map<String, String> names = new HashMap<>();
    List<double[]> a = new ArrayList<>();
    List<double[]> lo = new ArrayList<>();
    List<double[]> hi = new ArrayList<>();
    for (int m = 0; m < 120; m++) {
      names.put(Integer.toString(m), "month " + (m + 1));
      a.add(new double[] {m, Math.sin(m / 10.0)});
      lo.add(new double[] {m, Math.sin(m / 10.0) - 0.2});
      hi.add(new double[] {m, Math.sin(m / 10.0) + 0.2});
    }
    Chart c = new LineChart("window", "t", "month", "value", true, names, List.of(new LineChart.Range(10.5, 20.5, "open")),
        "talks window open", null, new LineChart.Band("band", lo, hi), List.of(), List.of(new LineChart.Line("a", a, null, null)),
        new ChartSpec.Table(List.of("month", "value"), List.of(List.of("1", 0.5), List.of("2", 0.25)))).draw();
    List<Box> ticks = texts(c.svg()).stream().filter(t -> t.text().startsWith("month ")).map(Label::box).toList();
    assertThat(ticks.size()).isBetween(3, 30);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i).x0()).isGreaterThan(ticks.get(i - 1).x1());
    }
    assertThat(c.svg()).contains("class=\"band\"", "class=\"open\"", "class=\"series s0\"");
    assertThat(c.rows()).containsExactly(List.of("1", "0.50"), List.of("2", "0.25"));
    assertThat(c.numeric()).containsExactly(false, true);
  }

  @Test
  void aSpecificationReadFromJsonDrawsTheSameChart() throws Exception {
    String json = "{\"kind\": \"bars\", \"name\": \"outcomes\", \"title\": \"Outcomes\", \"xLabel\": \"outcome\","
        + " \"yLabel\": \"probability\", \"series\": [{\"name\": \"\", \"bars\": ["
        + "{\"label\": \"CONTAINED\", \"value\": 0.62, \"lo\": 0.6, \"hi\": 0.64},"
        + "{\"label\": \"SETTLEMENT\", \"value\": 0.2, \"lo\": 0.18, \"hi\": 0.22},"
        + "{\"label\": \"PROTRACTED\", \"value\": 0.17, \"lo\": 0.15, \"hi\": 0.19},"
        + "{\"label\": \"NUCLEAR_USE\", \"value\": 0.001, \"lo\": 0.0, \"hi\": 0.002}]}]}";
    ChartSpec spec = new ObjectMapper().readValue(json, ChartSpec.class);
    assertThat(spec).isInstanceOf(BarChart.class);
    assertThat(spec.draw().svg()).isEqualTo(outcomes(0.001).draw().svg());
    // flags left out are false
    ChartSpec lines = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .readValue("{\"kind\": \"lines\", \"name\": \"l\", \"title\": \"t\", \"series\": [{\"name\": \"a\","
            + " \"points\": [[0, 1], [1, 2]]}]}", ChartSpec.class);
    assertThat(((LineChart) lines).step()).isFalse();
    assertThat(lines.draw().marks()).isEqualTo(2);
  }

  @Test
  void badSpecificationsNameTheirField() {
    BarChart.Series ok = outcomes(0.001).series().get(0);
    assertField(new BarChart("Bad", "t", null, null, null, List.of(ok)), "name");
    assertField(new BarChart("b", null, null, null, null, List.of(ok)), "title");
    assertField(new BarChart("b", "t", null, null, null, List.of()), "series");
    assertField(new BarChart("b", "t", null, null, null, List.of(new BarChart.Series("", List.of(new BarChart.Bar("a", Double.NaN))))),
        "series[0].bars[0].value");
    assertField(new BarChart("b", "t", null, null, null, List.of(new BarChart.Series("", List.of(new BarChart.Bar("a", 0.1, 0.0, null))))),
        "series[0].bars[0]");
    assertField(new BarChart("b", "t", null, null, null, List.of(ok, new BarChart.Series("", List.of()))), "series[1].bars");
    assertField(new BarChart("b", "x".repeat(301), null, null, null, List.of(ok)), "title");
    assertField(new IntervalChart("i", "t", null, "first", null, List.of(new IntervalChart.Row("a", 1.5, 0, 1))), "rows[0]");
    assertField(new LineChart("l", "t", null, null, false, null, null, null, null, null, null,
        List.of(new LineChart.Line("a", List.of(new double[] {1}), null, null)), null), "series[0].points[0]");
    assertField(new LineChart("l", "t", null, null, false, null, null, null, null, null, null,
        List.of(new LineChart.Line("a", List.of(), null, "x\"><script")), null), "series[0].cls");
    List<ScatterChart.Point> many = new ArrayList<>();
    for (int i = 0; i <= ChartSpec.MAX_MARKS; i++) {
      many.add(new ScatterChart.Point("p", i, i, false));
    }
    assertField(new ScatterChart("s", "t", null, null, false, null, List.of(new ScatterChart.Series("", many))), "series[0].points");
  }

  @Test
  void textIsEscapedNeverMarkup() {
    Chart c = new BarChart("b", "<script>alert(1)</script>", "x & y", "<b>", null,
        List.of(new BarChart.Series("", List.of(new BarChart.Bar("<img src=x onerror=alert(1)>", 0.5))))).draw();
    assertThat(c.svg()).doesNotContain("<script", "<img", "<b>").contains("&lt;script&gt;", "x &amp; y");
  }

  @Test
  void theSameSpecificationDrawsTheSameBytes() {
    assertThat(outcomes(0.001).draw()).isEqualTo(outcomes(0.001).draw());
  }

  private static void assertField(ChartSpec spec, String field) {
    assertThatThrownBy(spec::draw).isInstanceOfSatisfying(ChartSpecException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
