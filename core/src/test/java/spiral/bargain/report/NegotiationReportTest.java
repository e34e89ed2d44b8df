package spiral.bargain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import spiral.bargain.Issue;
import spiral.bargain.Negotiation;
import spiral.bargain.NegotiationReport.Agreement;
import spiral.bargain.NegotiationReport.FearonRange;
import spiral.bargain.NegotiationReport.IssueLevels;
import spiral.bargain.NegotiationReport.Month;
import spiral.bargain.NegotiationReport.PartyResult;
import spiral.bargain.NegotiationReport.ProposalResult;
import spiral.bargain.NegotiationReport.RubinsteinSplit;
import spiral.bargain.NegotiationReport.Space;
import spiral.bargain.NegotiationReport;
import spiral.bargain.Party;
import spiral.bargain.Position;
import spiral.bargain.PositionsReport;
import spiral.bargain.Proposal;
import spiral.report.Html;
import spiral.scenario.ModelConstants;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;

/**
 * The negotiation and positions pages on hand-built analyses: three parties, seven issues, a
 * twelve-month window, with the edge cases (no zone at all, no Fearon or Rubinstein set-up,
 * positions that map onto nothing, hostile text).
 */
class NegotiationReportTest {
  private static final Pattern FIGURE =
      Pattern.compile("<figure class=\"chart\" data-chart=\"([a-z-]+)\" data-points=\"(\\d+)\">");

  @Test
  void negotiationReportHasEveryChartWithData() throws Exception {
    Scenario scenario = scenario("Russia\u2013Ukraine talks (test)", List.of());
    NegotiationReport report = report(true, true);
    String html = NegotiationPage.negotiation(scenario, report);
    write("negotiation.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet()).containsExactly("utility-space", "window", "fearon");
    assertThat(figures.values()).allMatch(n -> n > 0);
    // frontier points, 5 of the 6 proposals (two coincide and share a marker), 3 solutions
    assertThat(figures.get("utility-space")).isEqualTo(report.paretoFrontier().size() + 5 + 3);
    // 3 reservation lines and the leverage over 12 months, and a bar per month with a zone
    assertThat(figures.get("window")).isEqualTo(4 * 12 + 7);
    // the range, p, the 4 levels and the demand
    assertThat(figures.get("fearon")).isEqualTo(1 + 1 + 4 + 1);
    assertThat(count(html, "<svg ")).isEqualTo(3);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<body data-ready=\"0\">", "data-ready', bad.length");
    assertThat(html).contains("Illustrative assumptions");
    for (String s : report.illustrative()) {
      assertThat(html).contains("<li>" + Html.esc(s) + "</li>");
    }
    // the cards: the zone at K, the window, the Nash utilities, the proposals everyone accepts
    assertThat(html).contains("Zone of agreement, 2022-09", ">yes<", "140 of 117,504 agreements",
        "2022-08&thinsp;&ndash;&thinsp;2023-02", "a zone exists in 7 of the 12 months",
        "Nash agreement, 2022-09", "Ukraine <b>0.70</b>", "Proposals every party accepts", "1 of 6");
    // issue space, parties, proposals
    assertThat(html).contains("Cap on Ukraine&#39;s armed forces", "85 thousand troops",
        "250 thousand troops", "binding-guarantee-treaty", "0 years");
    assertThat(html).contains("expected value of fighting on", "contained</span> 82.8% &times; 0.55",
        "nuclear use</span> 0.15% &times; 0.00", "What each party cares about", "35.0%");
    assertThat(html).contains("id=\"proposal-table\"", "needs 0.653", "&#10003; yes", "&#10007; no",
        "class=\"acc\"", "Istanbul communiqu\u00E9", "by Ukraine", "(= 4)");
    assertThat(count(html, "title=\"accepts\"") + count(html, "title=\"rejects\"")).isEqualTo(6 * 3);
    // solutions, the month table, Fearon and Rubinstein
    assertThat(html).contains("&#9733; Nash", "Kalai&ndash;Smorodinsky", "egalitarian",
        "otherwise as Nash", "unchanged from 2022-08", "best for Ukraine", "best for The West");
    assertThat(html).contains("p = 0.623", "0.473 to 0.743", "<b>current-front</b>", "x* = 0.698",
        "<b>25.0%</b>", "demand x* = 0.70, P(war) 25.0%");
    assertThat(html).contains("Rubinstein (1982)", "<b>0.397</b>", "5.95 years", "<b>6 years</b>",
        "(Ukraine 0.92, Russia 0.95)");
    assertThat(html).contains("117,504 agreements, every one evaluated; 7,258 Pareto-optimal (150 drawn)");
    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain(">null").doesNotContain("by null");
    assertSelfContained(html);
    assertBalanced(html);
  }

  @Test
  void positionsReportHasTimelineGapAndTable() throws Exception {
    Scenario scenario = scenario("Russia\u2013Ukraine talks (test)", List.of());
    PositionsReport report = positions(true);
    String html = PositionsPage.positions(scenario, report);
    write("positions.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet()).containsExactly("positions-timeline", "gap");
    assertThat(figures.get("positions-timeline")).isEqualTo(report.positions().size());
    assertThat(figures.get("gap")).isEqualTo(report.gaps().size());
    assertThat(html).contains("id=\"position-table\"", "maps onto no agreement",
        "Talks with Putin are impossible", "proposal <code>istanbul-2022-03-29</code>",
        ">territory</span> 1991-borders", ">UK</b>", ">US</b>");
    assertThat(count(html, "<span class=\"badge warn\">maps onto no agreement</span>")).isEqualTo(2);
    // the cards: positions, the latest and the narrowest gap
    assertThat(html).contains("Dated positions", ">11<", "9 map onto the issue space, 2 onto no agreement",
        "Latest gap, 2022-11-15", "Narrowest gap", "0.33");
    // tooltips carry the statements
    assertThat(html).contains("<title>2022-10-04 \u00B7 Ukraine: Talks with Putin are impossible "
        + "\u2014 maps onto no agreement</title>");
    for (String s : report.illustrative()) {
      assertThat(html).contains("<li>" + Html.esc(s) + "</li>");
    }
    assertThat(html).doesNotContain("NaN").doesNotContain(">null").doesNotContain("by null");
    assertSelfContained(html);
    assertBalanced(html);
  }

  @Test
  void outputIsDeterministicAndLocaleFree() throws Exception {
    Scenario scenario = scenario("talks", List.of());
    Locale before = Locale.getDefault();
    String a;
    String p;
    try {
      Locale.setDefault(Locale.GERMANY);
      a = NegotiationPage.negotiation(scenario, report(true, true));
      p = PositionsPage.positions(scenario, positions(true));
    } finally {
      Locale.setDefault(before);
    }
    assertThat(NegotiationPage.negotiation(scenario, report(true, true))).isEqualTo(a);
    assertThat(PositionsPage.positions(scenario, positions(true))).isEqualTo(p);
  }

  @Test
  void hostileTextIsEscaped() throws Exception {
    String evil = "<script>alert(1)</script>";
    String img = "<img src=x onerror=alert(2)>";
    Scenario scenario = scenario(evil + " \"quoted\" & 'single'", List.of(evil, img));
    NegotiationReport base = report(true, true);
    List<PartyResult> parties = new ArrayList<>(base.parties());
    PartyResult first = parties.get(0);
    parties.set(0, new PartyResult(first.id(), evil, first.reservation(), first.initialReservation(),
        img, first.simulated()));
    List<ProposalResult> proposals = new ArrayList<>(base.proposals());
    ProposalResult p0 = proposals.get(0);
    proposals.set(0, new ProposalResult(p0.id(), evil, img, "2022-03-07\"><b>", p0.levels(),
        p0.utilities(), p0.accepts(), p0.acceptedByAll()));
    List<IssueLevels> issues = new ArrayList<>(base.issues());
    IssueLevels i0 = issues.get(0);
    issues.set(0, new IssueLevels(i0.id(), img, i0.kind(), i0.levels(), i0.unit()));
    NegotiationReport hostile = new NegotiationReport(base.scenario(), evil, base.version(), base.month(),
        base.monthLabel(), parties, issues, base.space(), proposals, base.nash(),
        base.kalaiSmorodinsky(), base.egalitarian(), base.paretoFrontier(), base.rubinstein(),
        base.fearon(), base.window(), base.openMonths(), List.of(evil, img));
    String html = NegotiationPage.negotiation(scenario, hostile);
    assertThat(html).doesNotContain(evil).doesNotContain("<img").contains("2022-03-07&quot;&gt;&lt;b&gt;");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
        "&quot;quoted&quot; &amp; &#39;single&#39;");
    assertThat(count(html, "<script>")).isEqualTo(2);
    assertSelfContained(html);
    assertBalanced(html);

    PositionsReport pos = positions(true);
    List<PositionsReport.Entry> entries = new ArrayList<>(pos.positions());
    PositionsReport.Entry e0 = entries.get(0);
    entries.set(0, new PositionsReport.Entry(e0.date(), evil, evil, img, evil, Map.of("territory", img),
        e0.utilities()));
    PositionsReport hostilePositions = new PositionsReport(pos.scenario(), evil, pos.version(),
        pos.between(), pos.issues(), entries, pos.compared(), pos.gaps(), List.of(img));
    String ph = PositionsPage.positions(scenario, hostilePositions);
    assertThat(ph).doesNotContain(evil).doesNotContain("<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(count(ph, "<script>")).isEqualTo(2);
    assertThat(figures(ph)).containsKeys("positions-timeline", "gap");
    assertBalanced(ph);
  }

  @Test
  void noZoneAtAll() throws Exception {
    Scenario scenario = scenario("talks", List.of());
    NegotiationReport report = report(false, true);
    String html = NegotiationPage.negotiation(scenario, report);
    write("negotiation-no-zone.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet()).containsExactly("utility-space", "window", "fearon");
    assertThat(figures.values()).allMatch(n -> n > 0);
    // no solutions to mark; no bars
    assertThat(figures.get("utility-space")).isEqualTo(report.paretoFrontier().size() + 5);
    assertThat(figures.get("window")).isEqualTo(4 * 12);
    assertThat(html).contains(">no<", ">never open<", ">none<", "no agreement gives every party its reservation value",
        "no zone of agreement in any month", "Nash agreement (none: no zone)",
        "No zone of agreement in 2022-09: no Nash, Kalai&ndash;Smorodinsky or egalitarian agreement.",
        "0 of 6");
    assertThat(html).doesNotContain("&#9733; Nash").doesNotContain("NaN").doesNotContain(">null").doesNotContain("by null");
    assertBalanced(html);
  }

  @Test
  void noFearonNoRubinsteinAndNoNegotiationSection() throws Exception {
    Scenario plain = ScenarioLoader.resolve("rand-b-depot");
    NegotiationReport report = report(true, false);
    String html = NegotiationPage.negotiation(plain, report);
    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet()).containsExactly("utility-space", "window");
    assertThat(html).contains("The scenario sets up no Fearon range.",
        "The scenario sets up no Rubinstein bargaining.");
    // without the negotiation section: no weights table, names from the report
    assertThat(html).doesNotContain("What each party cares about").contains("best for The West");
    assertBalanced(html);

    // a Fearon range on a scenario without shares: the levels sit evenly along the axis
    NegotiationReport withFearon = report(true, true);
    String h2 = NegotiationPage.negotiation(plain, withFearon);
    assertThat(figures(h2)).containsEntry("fearon", 7);
    assertThat(h2).contains("share 0.333, inside the range", "share 0.667, outside the range");
  }

  @Test
  void emptyAnalysisSaysSoInsteadOfDrawing() throws Exception {
    Scenario scenario = scenario("talks", List.of());
    NegotiationReport base = report(false, false);
    NegotiationReport empty = new NegotiationReport(base.scenario(), base.name(), base.version(), 0,
        "2022-03", base.parties().subList(0, 1), base.issues(), null, List.of(), null, null, null,
        List.of(), null, null, List.of(), List.of(), List.of());
    String html = NegotiationPage.negotiation(scenario, empty);
    assertThat(figures(html)).isEmpty();
    assertThat(html).contains("The utility space of the first two parties: no data to draw.",
        "The window for talks, month by month: no data to draw.", "The scenario names no proposals.",
        "(the scenario lists none");
    assertBalanced(html);

    // two parties: the frontier is a line
    NegotiationReport two = twoParties(report(true, true));
    String h2 = NegotiationPage.negotiation(scenario, two);
    assertThat(figures(h2)).containsKey("utility-space");
    assertThat(chart(h2, "utility-space")).contains("<polyline");
    assertThat(chart(NegotiationPage.negotiation(scenario, report(true, true)), "utility-space"))
        .doesNotContain("<polyline");
  }

  @Test
  void positionsThatMapOntoNothing() throws Exception {
    Scenario scenario = scenario("talks", List.of());
    PositionsReport report = positions(false);
    String html = PositionsPage.positions(scenario, report);
    write("positions-unmapped.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures).containsOnlyKeys("positions-timeline");
    assertThat(figures.get("positions-timeline")).isEqualTo(report.positions().size());
    assertThat(html).contains("The gap between Ukraine and Russia: no data to draw.");
    assertThat(count(html, "<span class=\"badge warn\">maps onto no agreement</span>"))
        .isEqualTo(report.positions().size());
    assertThat(html).contains("0 map onto the issue space", "never both stated a position");
    // hollow markers only
    assertThat(html).doesNotContain("r=\"10\" fill=\"#0072B2\"");
    assertBalanced(html);

    // no positions at all
    PositionsReport none = new PositionsReport(report.scenario(), report.name(), report.version(),
        report.between(), report.issues(), List.of(), List.of(), List.of(), List.of());
    String h2 = PositionsPage.positions(scenario, none);
    assertThat(figures(h2)).isEmpty();
    assertThat(h2).contains("The scenario lists no dated positions.", "Public positions over time: no data to draw.");
    // an unreadable date is listed but not drawn
    List<PositionsReport.Entry> odd = new ArrayList<>(report.positions());
    odd.add(new PositionsReport.Entry("spring 2022", "ukraine", "?", "", null, Map.of(), Map.of()));
    String h3 = PositionsPage.positions(scenario, new PositionsReport(report.scenario(), report.name(),
        report.version(), report.between(), report.issues(), odd, List.of(), List.of(), List.of()));
    assertThat(figures(h3)).containsEntry("positions-timeline", report.positions().size());
    assertThat(h3).contains("spring 2022");
  }

  // ------------------------------------------------------------------ checks

  private static Map<String, Integer> figures(String html) {
    Map<String, Integer> out = new LinkedHashMap<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      out.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    assertThat(count(html, "<figure")).isEqualTo(out.size());
    return out;
  }

  /** The figure of one chart. */
  private static String chart(String html, String name) {
    int i = html.indexOf("<figure class=\"chart\" data-chart=\"" + name + "\"");
    assertThat(i).as("chart %s", name).isNotNegative();
    return html.substring(i, html.indexOf("</figure>", i));
  }

  private static int count(String html, String what) {
    int n = 0;
    for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static void assertSelfContained(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContainPattern("(src|href|xlink:href|action)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(lower).doesNotContainPattern("url\\(\\s*[\"']?\\s*(https?:)?//");
    assertThat(lower).doesNotContain("<link").doesNotContain("@import").doesNotContain("<iframe");
    assertThat(lower).doesNotContainPattern("<script[^>]*\\ssrc");
    assertThat(lower).contains("content-security-policy");
  }

  private static void assertBalanced(String html) {
    for (String tag : List.of("section", "figure", "svg", "table", "tbody", "thead", "tr", "g",
        "text", "ul", "li", "div", "aside", "header", "footer", "main", "dl", "p", "script", "span", "td")) {
      assertThat(count(html, "<" + tag + ">") + count(html, "<" + tag + " "))
          .as("<%s> opened and closed", tag)
          .isEqualTo(count(html, "</" + tag + ">"));
    }
  }

  private static void write(String name, String html) throws IOException {
    Path dir = Path.of("target", "report-samples");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ fixtures

  private static final List<String> PARTIES = List.of("ukraine", "russia", "west");

  private static List<Issue> issues() {
    List<String> caps = new ArrayList<>();
    for (int v = 85; v <= 250; v += 5) {
      caps.add(Integer.toString(v));
    }
    List<String> years = new ArrayList<>();
    for (int v = 0; v <= 15; v++) {
      years.add(Integer.toString(v));
    }
    return List.of(
        new Issue("territory", "Territorial line", Issue.Kind.ORDINAL,
            List.of("annexation-claims", "current-front", "24-feb-line", "1991-borders"), 0, 3, 1, null),
        new Issue("bloc-status", "Bloc status of Ukraine", Issue.Kind.ORDINAL,
            List.of("nato-membership", "eu-only", "neutral-non-bloc"), 0, 2, 1, null),
        new Issue("guarantees", "Security guarantees for Ukraine", Issue.Kind.ORDINAL,
            List.of("none", "consultations", "binding-guarantee-treaty"), 0, 2, 1, null),
        new Issue("force-caps", "Cap on Ukraine's armed forces", Issue.Kind.NUMERIC, caps, 85, 250, 5,
            "thousand troops"),
        new Issue("crimea-deferral", "Years Crimea's status is deferred", Issue.Kind.NUMERIC, years, 0, 15, 1,
            "years"),
        new Issue("sanctions", "Western sanctions on Russia", Issue.Kind.ORDINAL,
            List.of("kept", "phased-relief", "lifted"), 0, 2, 1, null),
        new Issue("language", "Official status or protections for Russian", Issue.Kind.BOOLEAN,
            List.of("false", "true"), 0, 1, 1, null));
  }

  private static Map<String, Double> weights(double... w) {
    Map<String, Double> m = new LinkedHashMap<>();
    List<Issue> is = issues();
    for (int i = 0; i < is.size(); i++) {
      m.put(is.get(i).id(), w[i]);
    }
    return m;
  }

  /** A negotiation-only scenario with the parties, issues, proposals, positions, Fearon and Rubinstein. */
  static Scenario scenario(String name, List<String> illustrative) {
    List<Issue> issues = issues();
    List<Party> parties = List.of(
        new Party("ukraine", "Ukraine", weights(0.35, 0.10, 0.20, 0.10, 0.10, 0.10, 0.05), Map.of(), 0.55,
            null, 1.0, 0.02, 0.92),
        new Party("russia", "Russia", weights(0.40, 0.20, 0.10, 0.05, 0.05, 0.15, 0.05), Map.of(), 0,
            new Party.FromSimulation("rand-d-ports", Map.of("CONTAINED", 0.55, "SETTLEMENT", 0.6,
                "PROTRACTED", 0.4, "NUCLEAR_USE", 0.0), 2000, 1, null), 0.4, 0.01, 0.95),
        new Party("west", "The West (United States and United Kingdom)",
            weights(0.30, 0.10, 0.15, 0.10, 0.05, 0.25, 0.05), Map.of(), 0.95, null, 0, 0.02, 0.97));
    List<Proposal> proposals = List.of(
        new Proposal("russia-2022-03-07", "Russia's demands (Peskov)", "russia", "2022-03-07", "", List.of(1, 2, 0, 0, 0, 2, 1)),
        new Proposal("istanbul-2022-03-29", "Istanbul communiqu\u00E9", "ukraine", "2022-03-29", "", List.of(2, 2, 2, 33, 15, 0, 0)));
    List<Position> positions = List.of(
        new Position("2022-03-29", "ukraine", "Istanbul communiqu\u00E9", "", "istanbul-2022-03-29",
            List.of(2, 2, 2, 33, 15, 0, 0), List.of(), null, List.of()));
    Negotiation n = new Negotiation("2022-03", 12, parties, issues,
        new Negotiation.Leverage(0.4, 0.05, 0.88, "ukraine", "russia"), proposals, positions,
        new Negotiation.Fearon("territory", "ukraine", "russia", List.of(0.35, 0.55, 0.8, 1.0), 0.15, 0.12, 0.3),
        new Negotiation.Rubinstein("crimea-deferral", "ukraine", "russia"));
    return new Scenario("ukraine-2022-talks", name,
        "The Russia\u2013Ukraine negotiations of 2022 as a bargaining problem over seven issues.",
        "The Istanbul communiqu\u00E9 of 29 March 2022 and dated public statements.", illustrative, null, 1, 0,
        false, ModelConstants.DEFAULTS, List.of(), null, null, null, null, null, null, null, n, null);
  }

  private static List<IssueLevels> issueLevels() {
    List<IssueLevels> out = new ArrayList<>();
    for (Issue is : issues()) {
      out.add(new IssueLevels(is.id(), is.name(), is.kind().name().toLowerCase(Locale.ROOT), is.levels(),
          is.unit()));
    }
    return out;
  }

  private static Map<String, String> levels(String... v) {
    Map<String, String> m = new LinkedHashMap<>();
    List<Issue> is = issues();
    for (int i = 0; i < v.length; i++) {
      m.put(is.get(i).id(), v[i]);
    }
    return m;
  }

  private static Map<String, Double> us(double... u) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < u.length; i++) {
      m.put(PARTIES.get(i), u[i]);
    }
    return m;
  }

  private static final double[] R_UKRAINE = {0.55, 0.58, 0.604, 0.623, 0.637, 0.647, 0.653, 0.655,
    0.655, 0.652, 0.648, 0.642};
  private static final double[] R_RUSSIA = {0.553, 0.528, 0.505, 0.484, 0.463, 0.444, 0.426, 0.41, 0.394,
    0.378, 0.363, 0.348};
  private static final double[] R_WEST = {0.95, 0.93, 0.91, 0.89, 0.87, 0.85, 0.83, 0.81, 0.79, 0.77, 0.75, 0.73};
  private static final double[] LEVERAGE = {0.4, 0.45, 0.494, 0.533, 0.567, 0.597, 0.623, 0.646, 0.667,
    0.684, 0.7, 0.714};
  private static final double[] SHARE = {0, 0, 0, 0, 0, 0.0001, 0.0012, 0.0046, 0.008, 0.015, 0.026, 0.04};

  /** The analysis at month 6 (2022-09): a zone from 2022-08 when {@code zone}, none at all otherwise. */
  static NegotiationReport report(boolean zone, boolean fearonAndRubinstein) {
    int k = 6;
    Map<String, Double> sim = new LinkedHashMap<>();
    sim.put("NUCLEAR_USE", 0.0015);
    sim.put("CONTAINED", 0.828);
    sim.put("SETTLEMENT", 0.149);
    sim.put("PROTRACTED", 0.022);
    List<PartyResult> parties = List.of(
        new PartyResult("ukraine", "Ukraine", R_UKRAINE[k], 0.55, "given", Map.of()),
        new PartyResult("russia", "Russia", R_RUSSIA[k], 0.553,
            "expected value of fighting on, simulated on rand-d-ports (2000 runs, seed 1)", sim),
        new PartyResult("west", "The West (United States and United Kingdom)", R_WEST[k], 0.95, "given",
            Map.of()));
    List<ProposalResult> proposals = new ArrayList<>();
    proposals.add(proposal("russia-2022-03-07", "Russia's demands (Peskov): neutrality, Crimea Russian", "russia",
        "2022-03-07", levels("current-front", "neutral-non-bloc", "none", "85", "0", "lifted", "true"),
        us(0.17, 0.92, 0.21), k));
    proposals.add(proposal("istanbul-2022-03-29", "Istanbul communiqu\u00E9: neutrality for a guarantee treaty",
        "ukraine", "2022-03-29", levels("24-feb-line", "neutral-non-bloc", "binding-guarantee-treaty", "250",
            "15", "kept", "false"), us(0.853, 0.36, 0.78), k));
    proposals.add(proposal("draft-2022-04-15", "Draft treaty of 15 April 2022 with force caps", "ukraine-russia",
        "2022-04-15", levels("24-feb-line", "neutral-non-bloc", "consultations", "165", "15", "phased-relief",
            "true"), us(0.627, 0.576, 0.738), k));
    proposals.add(proposal("withdrawal-24-feb", "Zelenskyy: Russian withdrawal to the positions before 24 February",
        "ukraine", "2022-05-25", levels("24-feb-line", "neutral-non-bloc", "binding-guarantee-treaty", "250",
            "15", "kept", "false"), us(0.853, 0.36, 0.78), k));
    proposals.add(proposal("peace-formula-1991", "Ten-point peace formula: 1991 borders", "ukraine",
        "2022-11-15", levels("1991-borders", "nato-membership", "binding-guarantee-treaty", "250", "15", "kept",
            "false"), us(1.0, 0.02, 0.86), k));
    proposals.add(proposal("compromise", "A compromise on the 24-February line with consultations", "",
        "", levels("24-feb-line", "neutral-non-bloc", "consultations", "250", "15", "kept", "true"),
        us(zone ? 0.698 : 0.6, 0.46, 0.865), k));
    Agreement nash = new Agreement(levels("24-feb-line", "neutral-non-bloc", "consultations", "250", "15", "kept",
        "true"), us(0.698, 0.46, 0.865));
    Agreement ks = new Agreement(levels("24-feb-line", "neutral-non-bloc", "consultations", "230", "15", "kept",
        "true"), us(0.691, 0.466, 0.853));
    List<List<Double>> frontier = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      double t = (i + 0.5) / 150;
      double u1 = 0.1 + 0.9 * t;
      double u2 = Math.max(0, Math.min(1, 1 - Math.pow(t, 1.4) * 0.98 - 0.04 * ((i * 7) % 5)));
      double u3 = Math.max(0, Math.min(1, 0.3 + 0.6 * t - 0.05 * ((i * 3) % 4)));
      frontier.add(List.of(round(u1), round(u2), round(u3)));
    }
    List<Month> window = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      boolean open = zone && t >= 5;
      Map<String, Double> res = us(R_UKRAINE[t], R_RUSSIA[t], R_WEST[t]);
      Map<String, Agreement> best = new LinkedHashMap<>();
      if (open) {
        best.put("ukraine", new Agreement(levels(t >= 8 ? "1991-borders" : "24-feb-line", "neutral-non-bloc",
            "consultations", "250", "15", t >= 7 ? "phased-relief" : "kept", "true"),
            us(0.70 + 0.02 * (t - 5), 0.46 - 0.01 * (t - 5), 0.87 - 0.01 * (t - 5))));
        best.put("russia", new Agreement(levels("24-feb-line", "neutral-non-bloc", "consultations",
            Integer.toString(250 - 5 * (t - 5)), Integer.toString(15 - (t - 5)), "kept", "true"),
            us(0.67 - 0.003 * (t - 5), 0.47 + 0.01 * (t - 5), 0.85 - 0.01 * (t - 5))));
        best.put("west", nash);
      }
      window.add(new Month(t, java.time.YearMonth.of(2022, 3).plusMonths(t).toString(), LEVERAGE[t], res, open,
          open ? SHARE[t] : 0, best, open ? nash : null, List.of()));
    }
    Space space = new Space(117_504, zone, zone ? 140 : 0, zone ? 140 / 117_504.0 : 0, 7258);
    FearonRange fearon = fearonAndRubinstein
        ? new FearonRange("territory", "ukraine", "russia", 0.623, new double[] {0.473, 0.743},
            List.of("current-front"), new double[] {0.698, 0.25, 0.642})
        : null;
    RubinsteinSplit rubinstein = fearonAndRubinstein
        ? new RubinsteinSplit("crimea-deferral", "ukraine", "russia", 0.3968, 5.95, "6", 0.6032)
        : null;
    List<String> illustrative = List.of("the issue weights of Ukraine, Russia and the West",
        "the reservation values of Ukraine (0.55) and the West (0.95)",
        "the leverage path: start 0.4, trend 0.05 per month, decay 0.88",
        "the Fearon shares of each territorial line and the costs of war (Ukraine 0.15, Russia 0.12)");
    return new NegotiationReport("ukraine-2022-talks", "Russia\u2013Ukraine talks, March 2022 \u2013 February 2023",
        "0.1.0-TEST", k, "2022-09", parties, issueLevels(), space, proposals, zone ? nash : null,
        zone ? ks : null, zone ? nash : null, frontier, rubinstein, fearon, window,
        zone ? List.of(List.of("2022-08", "2023-02")) : List.of(), illustrative);
  }

  private static ProposalResult proposal(String id, String name, String by, String date, Map<String, String> levels,
      Map<String, Double> utilities, int k) {
    double[] r = {R_UKRAINE[k], R_RUSSIA[k], R_WEST[k]};
    Map<String, Boolean> accepts = new LinkedHashMap<>();
    boolean all = true;
    for (int p = 0; p < 3; p++) {
      boolean ok = utilities.get(PARTIES.get(p)) >= r[p];
      accepts.put(PARTIES.get(p), ok);
      all &= ok;
    }
    return new ProposalResult(id, name, by, date, levels, utilities, accepts, all);
  }

  /** The same analysis with the first two parties only. */
  private static NegotiationReport twoParties(NegotiationReport r) {
    List<List<Double>> frontier = new ArrayList<>();
    for (List<Double> v : r.paretoFrontier()) {
      frontier.add(v.subList(0, 2));
    }
    return new NegotiationReport(r.scenario(), r.name(), r.version(), r.month(), r.monthLabel(),
        r.parties().subList(0, 2), r.issues(), r.space(), r.proposals(), r.nash(), r.kalaiSmorodinsky(),
        r.egalitarian(), frontier, r.rubinstein(), r.fearon(), r.window(), r.openMonths(), r.illustrative());
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** The dated positions of 2022; with {@code mapped} false none maps onto the issue space. */
  static PositionsReport positions(boolean mapped) {
    List<PositionsReport.Entry> e = new ArrayList<>();
    Map<String, String> peskov = levels("current-front", "neutral-non-bloc", "none", "85", "0", "lifted", "true");
    Map<String, String> istanbul = levels("24-feb-line", "neutral-non-bloc", "binding-guarantee-treaty", "250", "15",
        "kept", "false");
    Map<String, String> annex = levels("annexation-claims", "neutral-non-bloc", "none", "85", "0", "lifted", "true");
    Map<String, String> formula = levels("1991-borders", "nato-membership", "binding-guarantee-treaty", "250", "15",
        "kept", "false");
    e.add(entry("2022-03-07", "russia", "Ukraine stops fighting, writes neutrality into its constitution",
        "Dmitry Peskov, interview with Reuters, 7 March 2022", "russia-2022-03-07", peskov, us(0.17, 0.92, 0.21), mapped));
    e.add(entry("2022-03-29", "ukraine", "Istanbul communiqu\u00E9: neutrality in exchange for guarantees",
        "Istanbul communiqu\u00E9, 29 March 2022", "istanbul-2022-03-29", istanbul, us(0.853, 0.36, 0.78), mapped));
    e.add(entry("2022-04-09", "uk", "The West will not sign any agreement with Russia",
        "Ukrainska Pravda, 5 May 2022", null, Map.of(), Map.of(), mapped));
    e.add(entry("2022-05-06", "ukraine", "Talks need the situation as of 23 February",
        "Volodymyr Zelenskyy, address to Chatham House, 6 May 2022", null, Map.of("territory", "24-feb-line"),
        Map.of(), mapped));
    e.add(entry("2022-05-25", "ukraine", "The first step is a Russian withdrawal to the positions before 24 February",
        "Volodymyr Zelenskyy, 25 May 2022", "withdrawal-24-feb", istanbul, us(0.853, 0.36, 0.78), mapped));
    e.add(entry("2022-08", "ukraine", "The war began with Crimea and ends with the liberation of Crimea",
        "Volodymyr Zelenskyy, evening address, August 2022", null, Map.of("territory", "1991-borders"), Map.of(),
        mapped));
    e.add(entry("2022-09-30", "russia", "Four Ukrainian oblasts annexed; talks offered",
        "Vladimir Putin, address of 30 September 2022", "annexation-2022-09-30", annex, us(0.065, 1.0, 0.12), mapped));
    e.add(entry("2022-10-04", "ukraine", "Talks with Putin are impossible",
        "Decree of the President of Ukraine No. 679/2022", null, Map.of(), Map.of(), mapped));
    e.add(entry("2022-11-15", "ukraine", "Ten-point peace formula: territorial integrity and full Russian withdrawal",
        "Volodymyr Zelenskyy, address to the G20 summit", "peace-formula-1991", formula, us(1.0, 0.02, 0.86), mapped));
    e.add(entry("2022-12-05", "us", "The goal is to retake the territory seized from Ukraine since 24 February",
        "Antony Blinken, 5 December 2022", null, Map.of("territory", "24-feb-line"), Map.of(), mapped));
    e.add(entry("2022-12-09", "uk", "Russian forces must be pushed back to the de facto border of 24 February",
        "Boris Johnson, 9 December 2022", null, Map.of("territory", "24-feb-line"), Map.of(), mapped));
    List<PositionsReport.Gap> gaps = mapped
        ? List.of(
            new PositionsReport.Gap("2022-03-29", 0.761905, 7, List.of("2022-03-29", "2022-03-07"), Map.of()),
            new PositionsReport.Gap("2022-05-06", 0.333333, 1, List.of("2022-05-06", "2022-03-07"), Map.of()),
            new PositionsReport.Gap("2022-05-25", 0.761905, 7, List.of("2022-05-25", "2022-03-07"), Map.of()),
            new PositionsReport.Gap("2022-08", 0.666667, 1, List.of("2022-08", "2022-03-07"), Map.of()),
            new PositionsReport.Gap("2022-09-30", 1.0, 1, List.of("2022-08", "2022-09-30"), Map.of()),
            new PositionsReport.Gap("2022-11-15", 1.0, 7, List.of("2022-11-15", "2022-09-30"), Map.of()))
        : List.of();
    return new PositionsReport("ukraine-2022-talks", "Russia\u2013Ukraine talks, March 2022 \u2013 February 2023",
        "0.1.0-TEST", List.of("ukraine", "russia"), issueLevels(), e, List.of("territory"), gaps,
        List.of("the mapping of each proposal and public statement onto the issue space"));
  }

  @org.junit.jupiter.api.Test
  void anUndeclaredSpeakerIsNamedNotShownByItsId() throws Exception {
    spiral.scenario.Scenario sc = spiral.scenario.ScenarioLoader.resolve("ukraine-2022-talks");
    java.util.function.Function<String, String> name = NegotiationTables.partyNames(sc, List.of());
    org.assertj.core.api.Assertions.assertThat(name.apply("boris-johnson")).isEqualTo("Boris Johnson");
    org.assertj.core.api.Assertions.assertThat(name.apply("uk")).isEqualTo("UK");
    org.assertj.core.api.Assertions.assertThat(name.apply("ukraine")).isEqualTo(sc.negotiation().parties().stream()
        .filter(p -> p.id().equals("ukraine")).findFirst().orElseThrow().name());
  }

  private static PositionsReport.Entry entry(String date, String actor, String statement, String source,
      String proposal, Map<String, String> levels, Map<String, Double> utilities, boolean mapped) {
    return new PositionsReport.Entry(date, actor, statement, source, mapped ? proposal : null,
        mapped ? levels : Map.of(), mapped ? utilities : Map.of());
  }
}
