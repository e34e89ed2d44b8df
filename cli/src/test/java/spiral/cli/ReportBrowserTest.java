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
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.options.StudyReport;
import spiral.report.HtmlReport;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;

/**
 * Opens the HTML reports in a real headless Chromium: the page's own check must report every
 * chart drawn ({@code <body data-ready="1">}), the console must stay free of errors, and a
 * screenshot must show a real page. Skips when no Chromium is installed ({@code .ci/run} installs
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
    Files.writeString(file, HtmlReport.options(scenario, sample(scenario, true)), StandardCharsets.UTF_8);
    check(file, List.of("ladder", "risk-credibility", "outcomes", "max-rung", "regret", "goals"));
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
    Files.writeString(file, HtmlReport.study(scenarios, study), StandardCharsets.UTF_8);
    check(file, List.of("score-matrix", "nuclear-by-rung"));
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

  /** Loads the page twice: once for the DOM after its scripts ran, once for a screenshot. */
  private void check(Path file, List<String> expectedCharts) throws Exception {
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
        outcomes.put("CONTAINED", prop(1 - settle - protracted - nuc, runs));
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
            mean(cred, 0.01), mean(0.8, 0.005), outcomes, maxRung, goalScores));
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
          o.score(), new OptionResult.Difference(d, new double[] {d - 0.006, d + 0.006}, d + 0.006 < 0),
          o.nuclearUse(), o.directWar(), o.furtherAttacks(), o.settlement(), o.punishment(),
          o.credibility(), o.cohesion(), o.outcomes(), o.maxRung(), o.goalScores()));
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
                options.get(1).id())))
        : null;
    return new OptionsReport(scenario.id(), scenario.name(), runs, 1, "0.1.0-TEST", "usa", "russia",
        r0, goals, options, options.get(0).id(), pareto, regret, scenario.illustrative());
  }

  private static Proportion prop(double p, long n) {
    return Proportion.of(Math.round(Math.max(0, Math.min(1, p)) * n), n);
  }

  private static MeanValue mean(double m, double half) {
    return new MeanValue(m, new double[] {m - half, m + half});
  }
}
