package spiral.options.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.options.StudyReport;
import spiral.report.Html;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;

class OptionsReportTest {
  private static final Pattern FIGURE =
      Pattern.compile("<figure class=\"chart\" data-chart=\"([a-z-]+)\" data-points=\"(\\d+)\">");

  @Test
  void optionsReportHasEveryChartWithData() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-d-ports");
    String html = OptionsPage.options(scenario, sample(scenario, 10_000, true));
    write("options-rand-d-ports.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet())
        .containsExactly("ladder", "trade-off", "outcomes", "max-rung", "regret", "goals");
    assertThat(figures.values()).allMatch(n -> n > 0);
    assertThat(figures.get("ladder")).isEqualTo(scenario.ladder().rungs().size());
    assertThat(figures.get("trade-off")).isEqualTo(20);
    assertThat(figures.get("regret")).isEqualTo(40);
    assertThat(figures.get("goals")).isEqualTo(scenario.goals().size());
    assertThat(svgCount(html)).isEqualTo(figures.size());

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<body data-ready=\"0\">", "data-ready', bad.length");
    assertThat(html).contains("Illustrative assumptions", "illustrative pick", "THE ATTACK");
    assertThat(html).contains("proportional-sanctions", "real difference", "Pareto", "\u2605 ");
    for (String s : scenario.illustrative()) {
      assertThat(html).contains(Html.esc(s));
    }
    assertThat(html).contains("Ramstein Air Base", "Rzesz\u00F3w");
    assertSelfContained(html);
    assertBalanced(html);
  }

  @Test
  void optionsReportShowsTheTradeOffTheRuleAndTheDefinitions() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-d-ports");
    OptionsReport report = sample(scenario, 10_000, false);
    String html = OptionsPage.options(scenario, report);

    // the scatter: further attacks against war or nuclear use, both with intervals, the front
    String chart = between(html, "data-chart=\"trade-off\"", "</figure>");
    assertThat(chart).contains("Deterrence fails: P(further attacks)",
        "Escalation: P(direct war or nuclear use)", "Pareto front", "kinetic response:",
        "more than proportionate", "95% intervals");
    assertThat(chart).doesNotContain("credibility");
    for (OptionResult o : report.options()) {
      assertThat(chart).contains(o.id() + " (" + OptionCharts.kineticLabel(o.kinetic())
          + ") \u2014 P(further attacks) " + Html.pct(o.furtherAttacks().p()) + " "
          + Html.pctInterval(o.furtherAttacks().ci95()) + "; P(direct war or nuclear use) "
          + Html.pct(o.warOrNuclear().p()) + " " + Html.pctInterval(o.warOrNuclear().ci95()));
    }
    // the front is drawn as one line through its points
    assertThat(report.paretoFront()).hasSizeGreaterThan(1);
    assertThat(chart).contains("<polyline");
    for (String id : report.paretoFront()) {
      assertThat(chart).contains(id + " (").contains("on the Pareto front");
    }

    // the table: P(war or nuclear), the gap driver, real differences by the stated rule
    String table = between(html, "id=\"option-table\"", "</table>");
    assertThat(table).contains("P(war or nuclear)", "P(further attacks)", "gap from",
        "<code>deterrence</code>", "<code>warAvoidance</code>");
    long real = report.options().stream()
        .filter(o -> o.differenceFromBest() != null && o.differenceFromBest().significant()).count();
    assertThat(real).isPositive().isLessThan(report.options().size() - 1);
    assertThat(count(table, "badge real")).isEqualTo((int) real);
    assertThat(html).contains("minimum meaningful difference</b> of 0.020");
    for (OptionResult o : report.options()) {
      assertThat(table).contains(Html.pct(o.warOrNuclear().p()));
    }

    // every outcome defined beside the outcomes chart, DEESCALATED included
    String outcomes = between(html, "<section id=\"outcomes\">", "</section>");
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      assertThat(outcomes).contains("<code>" + o.name() + "</code></dt><dd>"
          + Html.esc(o.definition()) + "</dd>");
    }
    assertThat(between(html, "data-chart=\"outcomes\"", "</figure>"))
        .contains("de-escalated after widening");

    // the one-shot game beside the simulation, computed from the scenario
    var game = spiral.options.GameComparison.of(
        spiral.game.ExchangeGame.compile(scenario, 6).read(), report);
    String section = between(html, "<section id=\"game\">", "</section>");
    for (String line : game.lines().subList(1, game.lines().size())) {
      assertThat(section).contains(Html.esc(line));
    }
    assertThat(section).contains("names <b>" + game.gameAnswer() + "</b>; the simulation names <b>"
        + game.simulatedAnswer() + "</b>");
    assertThat(section).contains(game.same() ? "same answer" : "different answers");

    // a move is named from its actor's side, by the act, not by the ladder's one-sided name
    var attack = scenario.initiatingEvent();
    String act = scenario.ladder().rung(attack.rung()).actBy("Russia");
    assertThat(html).contains(Html.esc(act));
    assertThat(table).contains("title=\"" + Html.esc(scenario.ladder().rung(
        report.options().get(0).rung()).actBy("United States")));
  }

  private static String between(String html, String from, String to) {
    int i = html.indexOf(from);
    assertThat(i).as("%s in the page", from).isNotNegative();
    int j = html.indexOf(to, i);
    assertThat(j).as("%s after %s", to, from).isPositive();
    return html.substring(i, j);
  }

  @Test
  void outputIsDeterministic() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-b-depot");
    String a = OptionsPage.options(scenario, sample(scenario, 500, true));
    String b = OptionsPage.options(scenario, sample(scenario, 500, true));
    assertThat(a).isEqualTo(b);
    List<Scenario> scenarios = builtins();
    assertThat(StudyPage.study(scenarios, study(scenarios, 2)))
        .isEqualTo(StudyPage.study(scenarios, study(scenarios, 2)));
  }

  @Test
  void hostileScenarioTextIsEscaped() throws Exception {
    Scenario s = ScenarioLoader.resolve("rand-a-satellite");
    String evil = "<script>alert(1)</script>";
    Scenario hostile = new Scenario(s.id(), evil, evil + " \"quoted\" & 'single'", s.source(),
        List.of(evil, "<img src=x onerror=alert(2)>"), s.ladder(), s.horizon(), s.containTurns(),
        s.stopAtStrategic(), s.model(), s.actors(), s.alliances(), s.targets(), s.initiatingEvent(),
        s.packages(), s.options(), s.goals(), s.uncertainties(), null, null);
    OptionsReport base = sample(s, 1000, false);
    OptionsReport report = new OptionsReport(base.scenario(), evil, base.runs(), base.seed(),
        base.version(), base.responder(), base.initiator(), base.initiatingRung(), base.goals(),
        base.options(), base.best(), base.paretoFront(), null, hostile.illustrative(),
        base.meaningfulDifference());
    String html = OptionsPage.options(hostile, report);

    assertThat(html).doesNotContain(evil).doesNotContain("<img");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("&lt;img src=x onerror=alert(2)&gt;");
    assertThat(html).contains("&quot;quoted&quot; &amp; &#39;single&#39;");
    // only the two scripts of the page itself
    assertThat(count(html, "<script>")).isEqualTo(2);
    assertSelfContained(html);

    List<Scenario> study = new ArrayList<>(builtins());
    study.set(0, hostile);
    String studyHtml = StudyPage.study(study, study(study, 0));
    assertThat(studyHtml).doesNotContain(evil).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(count(studyHtml, "<script>")).isEqualTo(2);
  }

  @Test
  void regretSectionOnlyWhenPresent() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-c-airbases");
    String without = OptionsPage.options(scenario, sample(scenario, 2000, false));
    assertThat(figures(without)).doesNotContainKey("regret");
    assertThat(without).doesNotContain("What drives the choice").contains("not run");
    String with = OptionsPage.options(scenario, sample(scenario, 2000, true));
    assertThat(figures(with)).containsKey("regret");
    assertThat(with).contains("What drives the choice", "flips",
        "actors.russia.perception.threatBias");
  }

  @Test
  void oneOptionAllZeroProbabilitiesAndNaNCredibility() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-b-depot");
    long n = 1000;
    Map<String, Proportion> outcomes = new LinkedHashMap<>();
    outcomes.put("CONTAINED", Proportion.of(n, n));
    outcomes.put("SETTLEMENT", Proportion.of(0, n));
    outcomes.put("PROTRACTED", Proportion.of(0, n));
    outcomes.put("NUCLEAR_USE", Proportion.of(0, n));
    OptionResult only = new OptionResult("none-none", "No kinetic response, no package", "none",
        "none", 0, 1, new MeanValue(0.5, new double[] {0.49, 0.51}), null, Proportion.of(0, n),
        Proportion.of(0, n), Proportion.of(0, n), Proportion.of(0, n),
        new MeanValue(0, new double[] {0, 0}),
        new MeanValue(Double.NaN, new double[] {Double.NaN, Double.NaN}),
        new MeanValue(0.8, new double[] {0.8, 0.8}), outcomes, Map.of("6", n),
        Map.of("punishment", 0.0), Proportion.of(0, n), null);
    OptionsReport report = new OptionsReport("rand-b-depot", scenario.name(), n, 7, "0.1.0-TEST",
        "usa", "russia", 6, goals(scenario), List.of(only), "none-none", List.of("none-none"), null,
        scenario.illustrative(), MEANINGFUL);
    String html = OptionsPage.options(scenario, report);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.values()).allMatch(v -> v > 0);
    // no credibility known: the trade-off does not need it; the point sits at zero risk
    assertThat(figures).containsEntry("trade-off", 1);
    assertThat(figures).containsEntry("outcomes", 1).containsEntry("max-rung", 1);
    assertThat(html).contains(">n/a<", ">0%<", "100%");
    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    assertBalanced(html);

    // all probabilities zero, credibility known: points sit at zero risk
    OptionResult zero = new OptionResult(only.id(), only.name(), only.kinetic(), only.nonKinetic(),
        0, 1, only.score(), null, only.nuclearUse(), only.directWar(), only.furtherAttacks(),
        only.settlement(), only.punishment(), new MeanValue(0.3, new double[] {0.3, 0.3}),
        only.cohesion(), Map.of(), Map.of(), Map.of(), only.warOrNuclear(), null);
    String z = OptionsPage.options(scenario, new OptionsReport("rand-b-depot", scenario.name(), n,
        7, "0.1.0-TEST", "usa", "russia", 6, List.of(), List.of(zero), "none-none", List.of(),
        null, List.of(), MEANINGFUL));
    assertThat(figures(z)).containsEntry("trade-off", 1).containsEntry("outcomes", 1)
        .doesNotContainKey("max-rung").doesNotContainKey("goals");
    assertThat(z).contains("no runs recorded").doesNotContain("NaN");

    // no runs at all: nothing to plot, and the scatter says so instead of drawing an empty chart
    Proportion none = Proportion.of(0, 0);
    OptionResult empty = new OptionResult(only.id(), only.name(), only.kinetic(),
        only.nonKinetic(), 0, 1, only.score(), null, none, none, none, none, only.punishment(),
        only.credibility(), only.cohesion(), Map.of(), Map.of(), Map.of(), none, null);
    String e = OptionsPage.options(scenario, new OptionsReport("rand-b-depot", scenario.name(), 0,
        7, "0.1.0-TEST", "usa", "russia", 6, List.of(), List.of(empty), "none-none", List.of(),
        null, List.of(), MEANINGFUL));
    assertThat(figures(e)).doesNotContainKey("trade-off");
    assertThat(e).contains("The trade-off: further attacks against war or nuclear use: no data "
        + "to draw.").doesNotContain("NaN");
    assertBalanced(e);
  }

  @Test
  void longLadderIsDrawnWhole() throws Exception {
    Scenario s = ScenarioLoader.resolve("rand-b-depot");
    var kahn = spiral.ladder.BuiltinLadders.get("kahn-44");
    var event = new spiral.scenario.InitiatingEvent(s.initiatingEvent().attacker(),
        s.initiatingEvent().targets(), 9, s.initiatingEvent().description());
    Scenario onKahn = new Scenario(s.id(), s.name(), s.description(), s.source(), s.illustrative(),
        kahn, s.horizon(), s.containTurns(), s.stopAtStrategic(), s.model(), s.actors(),
        s.alliances(), s.targets(), event, s.packages(), s.options(), s.goals(), s.uncertainties(),
        null, null);
    String html = OptionsPage.options(onKahn, sample(onKahn, 1000, false));
    write("options-kahn-44.html", html);
    assertThat(figures(html)).containsEntry("ladder", kahn.rungs().size());
    assertThat(html).contains(Html.esc(kahn.name()));
  }

  @Test
  void studyReportHasMatrixAndLines() throws Exception {
    List<Scenario> scenarios = builtins();
    StudyReport report = study(scenarios, 40);
    String html = StudyPage.study(scenarios, report);
    write("study.html", html);

    Map<String, Integer> figures = figures(html);
    assertThat(figures.keySet()).containsExactly("score-matrix", "nuclear-by-rung");
    assertThat(figures.get("score-matrix")).isEqualTo(4 * 20);
    assertThat(figures.get("nuclear-by-rung")).isEqualTo(4 * 4);
    assertThat(html).contains(Html.esc(report.shift()));
    for (Scenario s : scenarios) {
      assertThat(html).contains("id=\"s-" + s.id() + "\"");
    }
    // the union of the illustrative lists, each once
    String shared = Html.esc(scenarios.get(0).illustrative().get(0));
    assertThat(count(html, "<li>" + shared + "</li>")).isEqualTo(1);
    // the outcomes are defined once, beside the per-scenario tables of their probabilities
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      assertThat(count(html, "<dd>" + Html.esc(o.definition()) + "</dd>")).isEqualTo(1);
    }
    String d = between(html, "id=\"s-rand-d-ports\"", "</section>");
    assertThat(d).contains("P(war or nuclear)", "P(further attacks)", "gap from",
        "Minimum meaningful difference: 0.020", "Pareto front of further attacks",
        Html.esc(scenarios.get(3).ladder().rung(scenarios.get(3).initiatingEvent().rung())
            .actBy("Russia")));
    assertSelfContained(html);
    assertBalanced(html);
  }

  @Test
  void numbersUseTheRootLocale() throws Exception {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      Scenario scenario = ScenarioLoader.resolve("rand-d-ports");
      String html = OptionsPage.options(scenario, sample(scenario, 10_000, true));
      java.util.Locale.setDefault(java.util.Locale.ROOT);
      assertThat(html).isEqualTo(OptionsPage.options(scenario, sample(scenario, 10_000, true)));
    } finally {
      java.util.Locale.setDefault(before);
    }
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

  private static int svgCount(String html) {
    return count(html, "<svg ");
  }

  private static int count(String html, String what) {
    int n = 0;
    for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** No resource from outside the file: no src/href/url() pointing anywhere but here. */
  private static void assertSelfContained(String html) {
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    assertThat(lower).doesNotContainPattern("(src|href|xlink:href|action)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(lower).doesNotContainPattern("url\\(\\s*[\"']?\\s*(https?:)?//");
    assertThat(lower).doesNotContain("<link").doesNotContain("@import").doesNotContain("<iframe");
    assertThat(lower).doesNotContainPattern("<script[^>]*\\ssrc");
    assertThat(lower).contains("content-security-policy");
  }

  /** Opening and closing tags of the structural elements match. */
  private static void assertBalanced(String html) {
    for (String tag : List.of("section", "figure", "svg", "table", "tbody", "thead", "tr", "g",
        "text", "ul", "div", "aside", "header", "footer", "main", "dl", "p", "script")) {
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

  private static List<Scenario> builtins() throws ScenarioException {
    List<Scenario> out = new ArrayList<>();
    for (String id : List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports")) {
      out.add(ScenarioLoader.resolve(id));
    }
    return out;
  }

  private static List<OptionsReport.GoalWeight> goals(Scenario scenario) {
    double total = scenario.goals().stream().mapToDouble(g -> g.weight()).sum();
    return scenario.goals().stream()
        .map(g -> new OptionsReport.GoalWeight(g.metric(), g.weight() / total, g.description()))
        .toList();
  }

  private static final String[] KINETIC = {"none", "less", "proportional", "more"};
  private static final String[] PACKAGES = {"none", "sanctions", "isolation", "aidSurge", "cyber"};

  /**
   * A realistic report for a built-in scenario, built by hand: risk and credibility rise with the
   * kinetic level, packages add a little of each, bigger attacks are riskier.
   */
  static OptionsReport sample(Scenario scenario, long runs, boolean withRegret) {
    int r0 = scenario.initiatingEvent().rung();
    double severity = 1 + 0.35 * (r0 - 5);
    List<OptionResult> raw = new ArrayList<>();
    for (int k = 0; k < KINETIC.length; k++) {
      for (int q = 0; q < PACKAGES.length; q++) {
        String id = KINETIC[k] + "-" + PACKAGES[q];
        double dw = Math.min(0.9, severity * (0.012 + 0.05 * k * k) * (1 + 0.08 * q));
        double nuc = dw * (0.09 + 0.01 * q);
        double cred = Math.min(0.97, 0.28 + 0.17 * k + 0.03 * q - 0.01 * q * q * 0.5);
        double further = Math.max(0.02, 0.45 - 0.12 * k - 0.02 * q);
        double settle = 0.08 + 0.03 * k + 0.01 * q;
        double score = 0.74 - 0.9 * nuc - 0.35 * dw + 0.12 * cred - 0.1 * further
            + 0.004 * ((k * 7 + q * 3) % 5);
        double protracted = Math.min(0.2, 0.015 + 0.04 * k);
        double deescalated = 0.05 + 0.04 * k;
        double contained = 1 - settle - protracted - nuc - deescalated;
        double won = Math.min(1, dw + nuc * 0.2);
        Map<String, Proportion> outcomes = new LinkedHashMap<>();
        outcomes.put("CONTAINED", prop(contained, runs));
        outcomes.put("DEESCALATED", prop(deescalated, runs));
        outcomes.put("SETTLEMENT", prop(settle, runs));
        outcomes.put("PROTRACTED", prop(protracted, runs));
        outcomes.put("NUCLEAR_USE", prop(nuc, runs));
        Map<String, Long> maxRung = new LinkedHashMap<>();
        long rest = runs;
        long atNuc = Math.round(nuc * runs);
        long atWar = Math.round((dw - nuc) * runs);
        long above = Math.round(0.3 * k * runs / 3.0);
        maxRung.put(Integer.toString(r0), 0L);
        if (atNuc > 0) {
          maxRung.put("13", atNuc * 2 / 3);
          maxRung.put("14", atNuc - atNuc * 2 / 3);
        }
        if (atWar > 0) {
          maxRung.put("11", atWar * 3 / 4);
          maxRung.put("12", atWar - atWar * 3 / 4);
        }
        rest -= atNuc + atWar;
        long up = Math.min(rest, above);
        if (up > 0) {
          maxRung.put(Integer.toString(Math.min(10, r0 + k)), up);
        }
        maxRung.put(Integer.toString(r0), rest - up);
        Map<String, Double> goalScores = new LinkedHashMap<>();
        goalScores.put("punishment", 0.1 + 0.25 * k);
        goalScores.put("deterrence", 1 - further);
        goalScores.put("nuclearAvoidance", 1 - nuc);
        goalScores.put("warAvoidance", 1 - dw);
        goalScores.put("credibility", cred);
        goalScores.put("cohesion", 0.7 + 0.05 * k - 0.01 * q);
        raw.add(new OptionResult(id, name(k, q), KINETIC[k], PACKAGES[q], k == 0 ? 0 : r0 + k - 2, 0,
            mean(score, 0.004), null, prop(nuc, runs), prop(dw, runs), prop(further, runs),
            prop(settle, runs), mean(0.5 + 2.2 * k, 0.05), mean(cred, 0.006),
            mean(0.78 + 0.02 * k, 0.004), outcomes, maxRung, goalScores, prop(won, runs),
            null));
      }
    }
    raw.sort((a, b) -> Double.compare(b.score().mean(), a.score().mean()));
    OptionResult top = raw.get(0);
    List<OptionResult> options = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      OptionResult o = raw.get(i);
      double d = o.score().mean() - top.score().mean();
      // real only when the whole interval lies beyond the minimum meaningful difference
      OptionResult.Difference diff = i == 0 ? new OptionResult.Difference(0, new double[] {0, 0}, false)
          : new OptionResult.Difference(d, new double[] {d - 0.006, d + 0.006},
              d + 0.006 < -MEANINGFUL);
      String driver = i == 0 ? null : o.kinetic().equals("more") ? "warAvoidance" : "deterrence";
      options.add(new OptionResult(o.id(), o.name(), o.kinetic(), o.nonKinetic(), o.rung(), i + 1,
          o.score(), diff, o.nuclearUse(), o.directWar(), o.furtherAttacks(), o.settlement(),
          o.punishment(), o.credibility(), o.cohesion(), o.outcomes(), o.maxRung(), o.goalScores(),
          o.warOrNuclear(), driver));
    }
    List<String> pareto = pareto(options);
    Regret regret = null;
    if (withRegret) {
      List<Regret.OptionRegret> regrets = new ArrayList<>();
      for (OptionResult o : options) {
        double gap = top.score().mean() - o.score().mean();
        double bestShare = o.rank() <= 3 ? 0.5 / o.rank() : 0;
        regrets.add(new Regret.OptionRegret(o.id(), gap + 0.01 + 0.002 * (o.rank() % 3),
            gap * 1.6 + 0.03 + 0.01 * ((o.rank() * 5) % 4), bestShare));
      }
      regrets.sort((a, b) -> Double.compare(a.maxRegret(), b.maxRegret()));
      List<String> params = scenario.uncertainties().stream().map(u -> u.parameter()).toList();
      List<Regret.Driver> drivers = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        double rho = (i % 2 == 0 ? 1 : -1) * (0.62 - 0.1 * i);
        drivers.add(new Regret.Driver(params.get(i), rho, options.get(0).id(),
            i == 0 ? options.get(2).id() : options.get(0).id(), -rho / 2));
      }
      regret = new Regret(40, runs / 10, params, regrets, regrets.get(0).id(), drivers);
    }
    return new OptionsReport(scenario.id(), scenario.name(), runs, 1, "0.1.0-TEST", "usa",
        "russia", r0, goals(scenario), options, top.id(), pareto, regret, scenario.illustrative(),
        MEANINGFUL);
  }

  static final double MEANINGFUL = 0.02;

  /** The front of (lower P(further attacks), lower P(war or nuclear)), by increasing escalation. */
  static List<String> pareto(List<OptionResult> options) {
    List<OptionResult> sorted = new ArrayList<>(options);
    sorted.sort((a, b) -> a.warOrNuclear().p() != b.warOrNuclear().p()
        ? Double.compare(a.warOrNuclear().p(), b.warOrNuclear().p())
        : Double.compare(a.furtherAttacks().p(), b.furtherAttacks().p()));
    List<String> front = new ArrayList<>();
    double leastFurther = Double.POSITIVE_INFINITY;
    for (OptionResult o : sorted) {
      if (o.furtherAttacks().p() < leastFurther) {
        front.add(o.id());
        leastFurther = o.furtherAttacks().p();
      }
    }
    return front;
  }

  static StudyReport study(List<Scenario> scenarios, int samples) {
    List<StudyReport.Row> rows = new ArrayList<>();
    List<String> ids = null;
    for (Scenario s : scenarios) {
      OptionsReport d = sample(s, 10_000, samples > 0);
      if (ids == null) {
        ids = d.options().stream().map(OptionResult::id).sorted((a, b) -> order(a) - order(b)).toList();
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, Double> nuclear = new LinkedHashMap<>();
      for (String id : ids) {
        for (OptionResult o : d.options()) {
          if (o.id().equals(id)) {
            scores.put(id, o.score().mean());
            nuclear.put(id, o.nuclearUse().p());
          }
        }
      }
      String robust = d.regret() == null ? d.best() : d.regret().minimaxRegret();
      rows.add(new StudyReport.Row(s.id(), s.name(), s.initiatingEvent().rung(), scores, nuclear,
          d.best(), robust, d));
    }
    return new StudyReport(10_000, 1, "0.1.0-TEST", samples, ids, rows,
        "As the attack grows from rung 5 to rung 8, the best answer moves from a less than "
            + "proportionate strike to no kinetic response with sanctions, and the most robust "
            + "answer stays a non-kinetic package.");
  }

  private static int order(String id) {
    String[] parts = id.split("-", 2);
    return java.util.Arrays.asList(KINETIC).indexOf(parts[0]) * 10
        + java.util.Arrays.asList(PACKAGES).indexOf(parts[1]);
  }

  private static String name(int k, int q) {
    String[] kin = {"No kinetic response", "Less than proportionate strike", "Proportionate strike",
      "More than proportionate strike"};
    String[] pkg = {"no non-kinetic package", "sanctions", "information and diplomatic isolation",
      "more aid to Ukraine", "cyber operations"};
    return kin[k] + ", " + pkg[q];
  }

  private static Proportion prop(double p, long n) {
    return Proportion.of(Math.round(Math.max(0, Math.min(1, p)) * n), n);
  }

  private static MeanValue mean(double m, double half) {
    return new MeanValue(m, new double[] {m - half, m + half});
  }
}
