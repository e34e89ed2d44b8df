package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.bargain.Issue;
import spiral.bargain.Negotiation;
import spiral.bargain.NegotiationReport;
import spiral.bargain.Party;
import spiral.bargain.PositionsReport;
import spiral.bargain.report.NegotiationPage;
import spiral.bargain.report.PositionsPage;
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.options.StudyReport;
import spiral.options.report.OptionsPage;
import spiral.options.report.StudyPage;
import spiral.scenario.ModelConstants;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;

/**
 * Opens the HTML reports in a real headless Chromium: the page's own check must report every
 * chart drawn ({@code <body data-ready="1">}), the console must stay free of errors, no two texts
 * of a chart may overlap and the page may not scroll sideways at 1,280 px (judged from the rendered
 * DOM's boxes), axe-core must find no serious or critical violation, and a screenshot must show a
 * real page. Skips when no Chromium is installed ({@code .ci/run} installs
 * one where it can). Slow: runs in the failsafe phase of verify.
 */
@Tag("browser")
@Tag("slow")
class ReportBrowserTest {
  private static final long TIMEOUT_SECONDS = 120;
  private static final Pattern FIGURE = Pattern.compile("<figure\\b([^>]*)>(.*?)</figure>", Pattern.DOTALL);

  private static String chromium;

  @TempDir Path tmp;

  @BeforeEach
  void findChromium() {
    if (chromium == null) {
      chromium = browser();
    }
    Assumptions.assumeTrue(chromium != null, "no Chromium on this machine: .ci/run installs it");
  }

  @Test
  void optionsReportRendersInChromium() throws Exception {
    Scenario scenario = ScenarioLoader.resolve("rand-d-ports");
    Path file = tmp.resolve("options.html");
    Files.writeString(file, OptionsPage.options(scenario, sample(scenario, true)), StandardCharsets.UTF_8);
    String dom = check(file, List.of("ladder", "trade-off", "outcomes", "max-rung", "regret", "goals"));
    // the trade-off's axes as the browser laid them out, the front, the game, the definitions
    assertThat(dom).contains("Deterrence fails: P(further attacks)",
        "Escalation: P(direct war or nuclear use)", "P(war or nuclear)", "gap from",
        "minimum meaningful difference</b> of 0.020", "id=\"game\"", "id=\"outcome-definitions\"");
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      assertThat(dom).contains(o.definition());
    }
  }

  /** The layout check can fail: it finds overlapping texts and a page wider than the window. */
  @Test
  void theLayoutCheckFindsOverlapsAndSidewaysScroll() throws Exception {
    Path page = tmp.resolve("faulty.html");
    Files.writeString(page, "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>"
        + "<figure class=\"chart\" data-chart=\"t\"><svg width=\"400\" height=\"200\">"
        + "<text x=\"10\" y=\"20\" font-size=\"14\">AAAA</text><text x=\"14\" y=\"24\" font-size=\"14\">BBBB</text>"
        // two labels turned by -45 degrees side by side: their upright boxes overlap, their turned ones do not
        + "<text x=\"100\" y=\"150\" font-size=\"12\" transform=\"rotate(-45 100 150)\">a long label</text>"
        + "<text x=\"130\" y=\"150\" font-size=\"12\" transform=\"rotate(-45 130 150)\">a long label</text>"
        + "</svg></figure><div style=\"width:1600px\">wide</div></body></html>", StandardCharsets.UTF_8);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> laidOut(page));
    assertThat(t).isInstanceOf(AssertionError.class);
    assertThat(t.getMessage()).contains("t: AAAA / BBBB", "px wide in a 1280 px window")
        .doesNotContain("a long label / a long label");
  }

  @Test
  void studyReportRendersInChromium() throws Exception {
    List<Scenario> scenarios = new ArrayList<>();
    List<StudyReport.Row> rows = new ArrayList<>();
    for (String id : List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports")) {
      Scenario s = ScenarioLoader.resolve(id);
      scenarios.add(s);
      OptionsReport d = sample(s, false);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, Double> nuclear = new LinkedHashMap<>();
      for (OptionResult o : d.options()) {
        scores.put(o.id(), o.score().mean());
        nuclear.put(o.id(), o.nuclearUse().p());
      }
      rows.add(new StudyReport.Row(id, s.name(), s.initiatingEvent().rung(), scores, nuclear,
          d.best(), d.best(), d));
    }
    StudyReport study = new StudyReport(2000, 1, "0.1.0-TEST", 0,
        OptionResult.ids(rows.get(0).detail().options()), rows,
        "The best answer stays non-kinetic as the attack grows.");
    Path file = tmp.resolve("study.html");
    Files.writeString(file, StudyPage.study(scenarios, study), StandardCharsets.UTF_8);
    String dom = check(file, List.of("score-matrix", "nuclear-by-rung"));
    assertThat(dom).contains("id=\"outcome-definitions\"", "P(war or nuclear)");
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      assertThat(dom).contains(o.definition());
    }
  }

  @Test
  void reportWrittenByTheCommandLineRendersInChromium() throws Exception {
    boolean command;
    try {
      Class.forName("spiral.cli.OptionsCommand");
      command = true;
    } catch (ClassNotFoundException e) {
      command = false;
    }
    Assumptions.assumeTrue(command, "no options command in this build yet");
    Path file = tmp.resolve("cli-options.html");
    Cli cli = Cli.run("options", "rand-b-depot", "--runs", "500", "--report", file.toString());
    assertThat(cli.code()).as(cli.err()).isZero();
    check(file, List.of());
  }

  @Test
  void negotiationReportRendersInChromium() throws Exception {
    Path file = tmp.resolve("negotiation.html");
    Files.writeString(file, NegotiationPage.negotiation(negotiationScenario(), negotiation(true)), StandardCharsets.UTF_8);
    check(file, List.of("utility-space", "window", "fearon"));
    Path none = tmp.resolve("negotiation-no-zone.html");
    Files.writeString(none, NegotiationPage.negotiation(negotiationScenario(), negotiation(false)), StandardCharsets.UTF_8);
    check(none, List.of("utility-space", "window", "fearon"));
  }

  @Test
  void positionsReportRendersInChromium() throws Exception {
    Path file = tmp.resolve("positions.html");
    Files.writeString(file, PositionsPage.positions(negotiationScenario(), positions()), StandardCharsets.UTF_8);
    check(file, List.of("positions-timeline", "gap"));
  }

  @Test
  void negotiationReportsWrittenByTheCommandLineRenderInChromium() throws Exception {
    boolean command;
    try {
      Class.forName("spiral.cli.NegotiateCommand");
      command = true;
    } catch (ClassNotFoundException e) {
      command = false;
    }
    Assumptions.assumeTrue(command, "no negotiate command in this build yet");
    Path file = tmp.resolve("cli-negotiate.html");
    Cli cli = Cli.run("negotiate", "ukraine-2022-talks", "--report", file.toString());
    assertThat(cli.code()).as(cli.err()).isZero();
    check(file, List.of("utility-space", "window"));
    Path later = tmp.resolve("cli-negotiate-month-8.html");
    cli = Cli.run("negotiate", "ukraine-2022-talks", "--month", "8", "--report", later.toString());
    assertThat(cli.code()).as(cli.err()).isZero();
    check(later, List.of("utility-space", "window"));
    boolean positions;
    try {
      Class.forName("spiral.cli.PositionsCommand");
      positions = true;
    } catch (ClassNotFoundException e) {
      positions = false;
    }
    if (positions) {
      Path pos = tmp.resolve("cli-positions.html");
      cli = Cli.run("positions", "ukraine-2022-talks", "--report", pos.toString());
      assertThat(cli.code()).as(cli.err()).isZero();
      check(pos, List.of("positions-timeline"));
    }
  }

  @Test
  void sensitivityReportsRenderInChromium() throws Exception {
    for (String[] d : new String[][] {{"sal", "type: saltelli, points: 8", "sobol"},
        {"mo", "type: morris, trajectories: 3", "morris"},
        {"lhs", "type: lhs, points: 6", "rank-correlation"}}) {
      SweepCommandTest.sensitivityReport(tmp, d[0], d[1]);
      check(tmp.resolve(d[0] + ".html"), List.of("tornado", d[2]));
    }
  }

  @Test
  void discoveryReportRendersInChromium() throws Exception {
    SweepCommandTest.discoveryReport(tmp, "disc");
    check(tmp.resolve("disc.html"), List.of("prim-box", "prim-trajectory"));
  }

  @Test
  void historyCalibrationAndBacktestReportsRenderInChromium() throws Exception {
    Path history = tmp.resolve("history.html");
    Cli h = Cli.run("history", "--nuclear", "both", "--report", history.toString(), "--out", tmp.resolve("h.txt").toString());
    assertThat(h.code()).as(h.err()).isZero();
    check(history, List.of("base-rates"));
    Path calibration = tmp.resolve("calibration.html");
    Cli c = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both trigger=violent", "--particles", "40",
        "--generations", "2", "--predictive-runs", "100", "--posterior", tmp.resolve("p.csv").toString(), "--report",
        calibration.toString(), "--out", tmp.resolve("c.txt").toString());
    assertThat(c.code()).as(c.err()).isZero();
    check(calibration, List.of("predictive", "marginal-0", "pair-0-1"));
    Path backtest = tmp.resolve("backtest.html");
    Cli b = Cli.run("backtest", "hist-kargil-1999", "--particles", "30", "--generations", "1", "--predictive-runs", "50",
        "--report", backtest.toString(), "--out", tmp.resolve("b.txt").toString());
    assertThat(b.code()).as(b.err()).isZero();
    check(backtest, List.of("reliability"));
  }

  /** Loads the page twice: once for the DOM after its scripts ran, once for a screenshot. */
  private String check(Path file, List<String> expectedCharts) throws Exception {
    String url = file.toUri().toString();
    Run dom = chromium(List.of("--dump-dom", url), "dom");
    assertThat(dom.code).as("chromium exit code; stderr:%n%s", dom.err).isZero();
    assertThat(dom.out).as("DOM dump").contains("<body");
    Matcher body = Pattern.compile("<body\\b[^>]*\\bdata-ready=\"([^\"]*)\"").matcher(dom.out);
    assertThat(body.find()).as("body has data-ready").isTrue();
    assertThat(body.group(1)).as("the page's self-check").isEqualTo("1");

    Matcher m = FIGURE.matcher(dom.out);
    List<String> charts = new ArrayList<>();
    while (m.find()) {
      String attributes = m.group(1);
      if (!attributes.matches("(?s).*\\bclass=\"[^\"]*\\bchart\\b.*")) {
        continue;
      }
      String name = attribute(attributes, "data-chart");
      String points = attribute(attributes, "data-points");
      charts.add(name);
      assertThat(points).as("data-points of %s", name).isNotNull();
      assertThat(Integer.parseInt(points)).as("data-points of %s", name).isPositive();
      assertThat(m.group(2)).as("chart %s has an svg", name).contains("<svg");
    }
    assertThat(charts).as("charts in the page").isNotEmpty().containsAll(expectedCharts);

    List<String> consoleErrors = new ArrayList<>();
    for (String line : dom.err.split("\\R")) {
      boolean console = line.contains("CONSOLE(") || line.contains(":CONSOLE:");
      if (line.contains("Uncaught") || (console && line.contains("Error"))
          || (console && line.contains(url))) {
        consoleErrors.add(line);
      }
    }
    assertThat(consoleErrors).as("console messages from the page").isEmpty();

    accessible(file);
    laidOut(file);

    Path png = tmp.resolve(file.getFileName() + ".png");
    Run shot = chromium(List.of("--screenshot=" + png, "--window-size=1400,3000", "--hide-scrollbars", url),
        "shot");
    assertThat(shot.code).as("chromium exit code; stderr:%n%s", shot.err).isZero();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as("screenshot size").isGreaterThan(20 * 1024);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).as("PNG signature").isEqualTo("PNG");
    // kept for a look by eye
    Path keep = Path.of("target", "report-browser");
    Files.createDirectories(keep);
    Files.copy(png, keep.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(file, keep.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return dom.out;
  }

  /** axe-core's pinned script, which .ci/run fetches from the npm registry into .ci/cache. */
  static final Path AXE = Path.of("..", ".ci", "cache", "axe-core-4.10.2", "axe.min.js");

  /**
   * The axe-core accessibility check (WCAG 2.x A and AA rules and best practices) of a copy of the
   * report with the engine added before {@code </body>}: no serious or critical violation. Runs
   * where .ci/run has fetched axe-core; the report itself is never changed.
   */
  private void accessible(Path file) throws Exception {
    if (!Files.isRegularFile(AXE)) {
      return;
    }
    String runner = "<script>" + Files.readString(AXE, StandardCharsets.UTF_8).replace("</script", "<\\/script") + "</script>"
        + "<script>axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        + " var bad = r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
        + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join(', '); });"
        + " var out = document.createElement('pre'); out.id = 'axe-result'; out.textContent = 'AXE:' + JSON.stringify(bad) + ':AXE';"
        + " document.body.appendChild(out); });</script>";
    assertThat(runInCopy(file, runner, "axe", List.of("--virtual-time-budget=60000")))
        .as("serious or critical accessibility violations in %s", file.getFileName()).isEqualTo("[]");
  }

  /**
   * The layout as Chromium renders it in a 1,280 px window, from the DOM's boxes: no two texts of a
   * chart overlap (each text's box turned with its transform, half a pixel of slack), and the page
   * does not scroll sideways. Like the accessibility check it runs in a copy of the report
   * with the check's script added; the report itself is never changed.
   */
  private void laidOut(Path file) throws Exception {
    String runner = "<script>window.addEventListener('load', function () { setTimeout(function () {"
        + " var clashes = [];"
        // each text's own box (getBBox) carried to the screen by its transform, rotation included, so
        // that rotated labels are judged by their turned boxes; two boxes overlap when no edge of
        // either separates them (the separating axis test), with half a pixel of slack
        + " function corners(t) { var b = t.getBBox(), m = t.getScreenCTM(), p = t.ownerSVGElement.createSVGPoint();"
        + "  return [[b.x + 0.5, b.y + 0.5], [b.x + b.width - 0.5, b.y + 0.5], [b.x + b.width - 0.5, b.y + b.height - 0.5],"
        + "   [b.x + 0.5, b.y + b.height - 0.5]].map(function (c) { p.x = c[0]; p.y = c[1]; var q = p.matrixTransform(m); return [q.x, q.y]; }); }"
        + " function apart(a, b) { for (var poly of [a, b]) for (var k = 0; k < 4; k++) {"
        + "   var e = [poly[(k + 1) % 4][0] - poly[k][0], poly[(k + 1) % 4][1] - poly[k][1]], n = [-e[1], e[0]];"
        + "   var pa = a.map(function (c) { return c[0] * n[0] + c[1] * n[1]; }), pb = b.map(function (c) { return c[0] * n[0] + c[1] * n[1]; });"
        + "   if (Math.max.apply(null, pa) <= Math.min.apply(null, pb) || Math.max.apply(null, pb) <= Math.min.apply(null, pa)) return true; }"
        + "  return false; }"
        + " document.querySelectorAll('figure.chart').forEach(function (fig) {"
        + "  var ts = Array.prototype.slice.call(fig.querySelectorAll('svg text'))"
        + "   .filter(function (t) { return t.textContent.trim() !== '' && t.getBBox().width > 1; })"
        + "   .map(function (t) { return [t.textContent, corners(t)]; });"
        + "  for (var i = 0; i < ts.length; i++) for (var j = i + 1; j < ts.length; j++) {"
        + "   if (!apart(ts[i][1], ts[j][1])) clashes.push(fig.getAttribute('data-chart') + ': ' + ts[i][0] + ' / ' + ts[j][0]); } });"
        + " var wide = document.documentElement.scrollWidth > window.innerWidth + 1"
        + "  ? ['the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window'] : [];"
        + " var out = document.createElement('pre'); out.id = 'layout-result';"
        + " out.textContent = 'LAYOUT:' + JSON.stringify(clashes.slice(0, 10).concat(wide)) + ':LAYOUT';"
        + " document.body.appendChild(out); }, 0); });</script>";
    assertThat(runInCopy(file, runner, "layout", List.of("--window-size=1280,2000", "--virtual-time-budget=10000")))
        .as("overlapping chart texts or sideways scroll at 1,280 px in %s", file.getFileName())
        .isEqualTo("[]");
  }

  /**
   * Runs a check in a copy of the report, its script added before {@code </body>}: the script
   * leaves its answer in {@code <pre id="NAME-result">NAME:...:NAME</pre>} (NAME upper-cased),
   * which Chromium's dumped DOM gives back, unescaped. The report itself is never changed.
   */
  private String runInCopy(Path file, String script, String name, List<String> args) throws Exception {
    String html = Files.readString(file, StandardCharsets.UTF_8);
    int end = html.lastIndexOf("</body>");
    Path copy = tmp.resolve(name + "-" + file.getFileName());
    Files.writeString(copy, end < 0 ? html + script : html.substring(0, end) + script + html.substring(end), StandardCharsets.UTF_8);
    List<String> all = new ArrayList<>(args);
    all.add("--dump-dom");
    all.add(copy.toUri().toString());
    Run run = chromium(all, name);
    String tag = name.toUpperCase(java.util.Locale.ROOT);
    Matcher m = Pattern.compile("id=\"" + name + "-result\">" + tag + ":(.*?):" + tag + "</pre>", Pattern.DOTALL).matcher(run.out);
    assertThat(m.find()).as("the %s check ran on %s; stderr:%n%s", name, file.getFileName(), run.err).isTrue();
    return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : null;
  }

  private record Run(int code, String out, String err) {}

  private Run chromium(List<String> args, String tag) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile-");
    List<String> command = new ArrayList<>(List.of(chromium, "--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    command.addAll(args);
    File out = tmp.resolve(tag + ".out").toFile();
    File err = tmp.resolve(tag + ".err").toFile();
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertThat(done).as("chromium finished within %d s; stderr:%n%s", TIMEOUT_SECONDS, stderr).isTrue();
    return new Run(p.exitValue(), stdout, stderr);
  }

  /** SPIRAL_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on the PATH. */
  private static String browser() {
    String env = System.getenv("SPIRAL_CHROMIUM");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return env;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ a hand-built analysis

  private static final String[] KINETIC = {"none", "less", "proportional", "more"};
  private static final String[] PACKAGES = {"none", "sanctions", "isolation", "aidSurge", "cyber"};

  /** The 20 options of the RAND scenarios with plausible figures: risk and credibility rise with force. */
  private static OptionsReport sample(Scenario scenario, boolean withRegret) {
    long runs = 2000;
    int r0 = scenario.initiatingEvent().rung();
    List<OptionResult> raw = new ArrayList<>();
    for (int k = 0; k < KINETIC.length; k++) {
      for (int q = 0; q < PACKAGES.length; q++) {
        double dw = Math.min(0.9, (1 + 0.3 * (r0 - 5)) * (0.015 + 0.05 * k * k) * (1 + 0.07 * q));
        double nuc = dw * (0.1 + 0.01 * q);
        double cred = 0.3 + 0.16 * k + 0.02 * q;
        double further = 0.45 - 0.1 * k - 0.02 * q;
        double settle = 0.08 + 0.03 * k;
        double protracted = 0.02 + 0.03 * k;
        double score = 0.74 - 0.9 * nuc - 0.35 * dw + 0.12 * cred - 0.1 * further + 0.003 * q;
        Map<String, Proportion> outcomes = new LinkedHashMap<>();
        double deescalated = 0.04 + 0.03 * k;
        outcomes.put("CONTAINED", prop(1 - settle - protracted - nuc - deescalated, runs));
        outcomes.put("DEESCALATED", prop(deescalated, runs));
        outcomes.put("SETTLEMENT", prop(settle, runs));
        outcomes.put("PROTRACTED", prop(protracted, runs));
        outcomes.put("NUCLEAR_USE", prop(nuc, runs));
        long nucRuns = Math.round(nuc * runs);
        long warRuns = Math.round((dw - nuc) * runs);
        Map<String, Long> maxRung = new LinkedHashMap<>();
        maxRung.put(Integer.toString(r0), runs - nucRuns - warRuns);
        maxRung.put("11", warRuns);
        maxRung.put("13", nucRuns);
        Map<String, Double> goalScores = new LinkedHashMap<>();
        goalScores.put("nuclearAvoidance", 1 - nuc);
        goalScores.put("warAvoidance", 1 - dw);
        goalScores.put("credibility", cred);
        raw.add(new OptionResult(KINETIC[k] + "-" + PACKAGES[q], KINETIC[k] + " kinetic, " + PACKAGES[q],
            KINETIC[k], PACKAGES[q], r0 + k - 1, 0, mean(score, 0.005), null, prop(nuc, runs),
            prop(dw, runs), prop(further, runs), prop(settle, runs), mean(0.5 + 2 * k, 0.1),
            mean(cred, 0.01), mean(0.8, 0.005), outcomes, maxRung, goalScores,
            prop(Math.min(1, dw + 0.2 * nuc), runs), null));
      }
    }
    raw.sort((a, b) -> Double.compare(b.score().mean(), a.score().mean()));
    double top = raw.get(0).score().mean();
    List<OptionResult> options = new ArrayList<>();
    List<Regret.OptionRegret> regrets = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      OptionResult o = raw.get(i);
      double d = o.score().mean() - top;
      options.add(new OptionResult(o.id(), o.name(), o.kinetic(), o.nonKinetic(), o.rung(), i + 1,
          o.score(), new OptionResult.Difference(d, new double[] {d - 0.006, d + 0.006},
              d + 0.006 < -0.02),
          o.nuclearUse(), o.directWar(), o.furtherAttacks(), o.settlement(), o.punishment(),
          o.credibility(), o.cohesion(), o.outcomes(), o.maxRung(), o.goalScores(),
          o.warOrNuclear(), i == 0 ? null : "warAvoidance"));
      regrets.add(new Regret.OptionRegret(o.id(), -d + 0.01, -d * 1.5 + 0.03, i == 0 ? 0.6 : 0.02));
    }
    List<String> pareto = List.of(options.get(0).id(), "less-cyber", "proportional-cyber", "more-cyber");
    List<OptionsReport.GoalWeight> goals = List.of(
        new OptionsReport.GoalWeight("nuclearAvoidance", 0.5, "Prevent nuclear use"),
        new OptionsReport.GoalWeight("warAvoidance", 0.3, "Avoid a direct war"),
        new OptionsReport.GoalWeight("credibility", 0.2, "Keep commitments credible"));
    Regret regret = withRegret
        ? new Regret(20, 200, List.of("actors.russia.rationality"), regrets, regrets.get(0).id(),
            List.of(new Regret.Driver("actors.russia.rationality", 0.4, options.get(0).id(),
                options.get(1).id(), -0.3)))
        : null;
    return new OptionsReport(scenario.id(), scenario.name(), runs, 1, "0.1.0-TEST", "usa", "russia",
        r0, goals, options, options.get(0).id(), pareto, regret, scenario.illustrative(), 0.02);
  }

  // ------------------------------------------------------------------ a hand-built negotiation

  private static final List<String> PARTIES = List.of("ukraine", "russia", "west");

  private static List<Issue> negotiationIssues() {
    List<String> years = new ArrayList<>();
    for (int v = 0; v <= 15; v++) {
      years.add(Integer.toString(v));
    }
    return List.of(
        new Issue("territory", "Territorial line", Issue.Kind.ORDINAL,
            List.of("annexation-claims", "current-front", "24-feb-line", "1991-borders"), 0, 3, 1, null),
        new Issue("bloc-status", "Bloc status of Ukraine", Issue.Kind.ORDINAL,
            List.of("nato-membership", "eu-only", "neutral-non-bloc"), 0, 2, 1, null),
        new Issue("crimea-deferral", "Years Crimea's status is deferred", Issue.Kind.NUMERIC, years, 0, 15, 1,
            "years"),
        new Issue("language", "Protections for Russian", Issue.Kind.BOOLEAN, List.of("false", "true"), 0, 1, 1,
            null));
  }

  /** A negotiation-only scenario: three parties, four issues, leverage, Fearon and Rubinstein. */
  private static Scenario negotiationScenario() {
    Map<String, Double> w = Map.of("territory", 0.4, "bloc-status", 0.2, "crimea-deferral", 0.3, "language", 0.1);
    List<Party> parties = List.of(
        new Party("ukraine", "Ukraine", w, Map.of(), 0.55, null, 1.0, 0.02, 0.92),
        new Party("russia", "Russia", w, Map.of(), 0.5, null, 0.4, 0.01, 0.95),
        new Party("west", "The West (United States and United Kingdom)", w, Map.of(), 0.9, null, 0, 0.02, 0.97));
    Negotiation n = new Negotiation("2022-03", 6, parties, negotiationIssues(),
        new Negotiation.Leverage(0.4, 0.05, 0.88, "ukraine", "russia"), List.of(), List.of(),
        new Negotiation.Fearon("territory", "ukraine", "russia", List.of(0.35, 0.55, 0.8, 1.0), 0.15, 0.12, 0.3),
        new Negotiation.Rubinstein("crimea-deferral", "ukraine", "russia"));
    return new Scenario("talks-test", "Talks (test)", "A hand-built negotiation.", "", List.of(
        "every weight and reservation value"), null, 1, 0, false, ModelConstants.DEFAULTS, List.of(), null,
        null, null, null, null, null, null, n, null);
  }

  private static List<NegotiationReport.IssueLevels> issueLevels() {
    List<NegotiationReport.IssueLevels> out = new ArrayList<>();
    for (Issue is : negotiationIssues()) {
      out.add(new NegotiationReport.IssueLevels(is.id(), is.name(),
          is.kind().name().toLowerCase(java.util.Locale.ROOT), is.levels(), is.unit()));
    }
    return out;
  }

  private static Map<String, String> levels(String territory, String bloc, String years, String language) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("territory", territory);
    m.put("bloc-status", bloc);
    m.put("crimea-deferral", years);
    m.put("language", language);
    return m;
  }

  private static Map<String, Double> utilities(double u, double r, double w) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("ukraine", u);
    m.put("russia", r);
    m.put("west", w);
    return m;
  }

  /** Six months from 2022-03, analysed at month 3, with a zone from month 2 or none at all. */
  private static NegotiationReport negotiation(boolean zone) {
    double[] ru = {0.55, 0.58, 0.6, 0.62, 0.63, 0.64};
    double[] rr = {0.55, 0.52, 0.5, 0.48, 0.46, 0.44};
    double[] rw = {0.9, 0.88, 0.86, 0.84, 0.82, 0.8};
    int k = 3;
    List<NegotiationReport.PartyResult> parties = List.of(
        new NegotiationReport.PartyResult("ukraine", "Ukraine", ru[k], ru[0], "given", Map.of()),
        new NegotiationReport.PartyResult("russia", "Russia", rr[k], rr[0], "given", Map.of()),
        new NegotiationReport.PartyResult("west", "The West (United States and United Kingdom)", rw[k], rw[0],
            "given", Map.of()));
    NegotiationReport.Agreement nash = new NegotiationReport.Agreement(
        levels("24-feb-line", "neutral-non-bloc", "15", "true"), utilities(0.7, 0.5, 0.87));
    List<NegotiationReport.ProposalResult> proposals = new ArrayList<>();
    String[][] named = {
      {"istanbul", "Istanbul communiqu\u00E9", "ukraine", "2022-03-29", "24-feb-line", "neutral-non-bloc", "15", "false"},
      {"peskov", "Russia's demands", "russia", "2022-03-07", "current-front", "neutral-non-bloc", "0", "true"},
      {"compromise", "A compromise", "", "", "24-feb-line", "neutral-non-bloc", "15", "true"}};
    double[][] us = {{0.85, 0.36, 0.78}, {0.17, 0.92, 0.21}, {zone ? 0.7 : 0.6, 0.5, 0.87}};
    double[] r = {ru[k], rr[k], rw[k]};
    for (int i = 0; i < named.length; i++) {
      Map<String, Boolean> accepts = new LinkedHashMap<>();
      boolean all = true;
      for (int p = 0; p < 3; p++) {
        accepts.put(PARTIES.get(p), us[i][p] >= r[p]);
        all &= us[i][p] >= r[p];
      }
      proposals.add(new NegotiationReport.ProposalResult(named[i][0], named[i][1], named[i][2], named[i][3],
          levels(named[i][4], named[i][5], named[i][6], named[i][7]), utilities(us[i][0], us[i][1], us[i][2]),
          accepts, all));
    }
    List<List<Double>> frontier = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      double t = (i + 0.5) / 80;
      frontier.add(List.of(0.1 + 0.9 * t, Math.max(0, 1 - Math.pow(t, 1.3)), 0.3 + 0.6 * t));
    }
    List<NegotiationReport.Month> window = new ArrayList<>();
    List<List<String>> open = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      boolean yes = zone && t >= 2;
      Map<String, NegotiationReport.Agreement> best = new LinkedHashMap<>();
      if (yes) {
        best.put("ukraine", new NegotiationReport.Agreement(levels("1991-borders", "neutral-non-bloc", "15", "true"),
            utilities(0.8, 0.45, 0.9)));
        best.put("russia", new NegotiationReport.Agreement(levels("24-feb-line", "neutral-non-bloc", "9", "true"),
            utilities(0.66, 0.55, 0.85)));
        best.put("west", nash);
      }
      window.add(new NegotiationReport.Month(t, java.time.YearMonth.of(2022, 3).plusMonths(t).toString(),
          0.4 + 0.05 * t, utilities(ru[t], rr[t], rw[t]), yes, yes ? 0.002 * (t - 1) : 0, best, yes ? nash : null, List.of()));
    }
    if (zone) {
      open.add(List.of("2022-05", "2022-08"));
    }
    return new NegotiationReport("talks-test", "Talks (test)", "0.1.0-TEST", k, "2022-06", parties, issueLevels(),
        new NegotiationReport.Space(384, zone, zone ? 3 : 0, zone ? 3 / 384.0 : 0, 40), proposals,
        zone ? nash : null, zone ? nash : null, zone ? nash : null, frontier,
        new NegotiationReport.RubinsteinSplit("crimea-deferral", "ukraine", "russia", 0.3968, 5.95, "6", 0.6032),
        new NegotiationReport.FearonRange("territory", "ukraine", "russia", 0.55, new double[] {0.4, 0.67},
            List.of("current-front"), new double[] {0.62, 0.2, 0.6}),
        window, open, List.of("every weight and reservation value"));
  }

  private static PositionsReport positions() {
    List<PositionsReport.Entry> e = List.of(
        new PositionsReport.Entry("2022-03-07", "russia", "Ukraine stops fighting and stays neutral", "Reuters",
            "peskov", levels("current-front", "neutral-non-bloc", "0", "true"), utilities(0.17, 0.92, 0.21)),
        new PositionsReport.Entry("2022-03-29", "ukraine", "Neutrality in exchange for guarantees", "communiqu\u00E9",
            "istanbul", levels("24-feb-line", "neutral-non-bloc", "15", "false"), utilities(0.85, 0.36, 0.78)),
        new PositionsReport.Entry("2022-04-09", "uk", "No agreement will be signed <with Russia>", "press", null,
            Map.of(), Map.of()),
        new PositionsReport.Entry("2022-08", "ukraine", "The war ends with the liberation of Crimea", "address", null,
            Map.of("territory", "1991-borders"), Map.of()),
        new PositionsReport.Entry("2022-09-30", "russia", "Four oblasts annexed", "address", null,
            Map.of("territory", "annexation-claims"), Map.of()));
    List<PositionsReport.Gap> gaps = List.of(
        new PositionsReport.Gap("2022-03-29", 0.55, 4, List.of("2022-03-29", "2022-03-07"), java.util.Map.of()),
        new PositionsReport.Gap("2022-08", 0.67, 1, List.of("2022-08", "2022-03-07"), java.util.Map.of()),
        new PositionsReport.Gap("2022-09-30", 1.0, 1, List.of("2022-08", "2022-09-30"), java.util.Map.of()));
    return new PositionsReport("talks-test", "Talks (test)", "0.1.0-TEST", List.of("ukraine", "russia"),
        issueLevels(), e, List.of("territory"), gaps, List.of("the mapping of each statement"));
  }

  private static Proportion prop(double p, long n) {
    return Proportion.of(Math.round(Math.max(0, Math.min(1, p)) * n), n);
  }

  private static MeanValue mean(double m, double half) {
    return new MeanValue(m, new double[] {m - half, m + half});
  }
}
