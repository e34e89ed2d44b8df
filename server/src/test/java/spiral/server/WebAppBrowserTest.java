package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import spiral.scenario.BuiltinScenarios;

/**
 * The web app in a real headless Chromium against a real server (H2 in a temporary folder):
 * what an analyst does, click by click: log in, write a scenario in the editor (seeing a mistake
 * reported at its line and column), run a simulation to completion and read its charts, run an
 * options analysis and see its Pareto front, and compare two runs. Skips where Chromium or
 * chromedriver is missing. Slow: runs in the failsafe phase of verify.
 */
@Tag("browser")
@Tag("slow")
class WebAppBrowserTest extends LiveServer {
  private static final Duration JOB = Duration.ofSeconds(120);

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  /** Logs in as the administrator through the login form. */
  void login(Browser b) {
    b.open(base + "/");
    b.type("#login-form input[name=name]", "admin");
    b.type("#login-form input[name=password]", Http.ADMIN_PASSWORD);
    b.click("#login-form button[type=submit]");
    b.waitForText("#account .who", "admin", Duration.ofSeconds(10));
  }

  @Test
  void theAppLoadsUnderItsPolicyWithoutErrors() {
    try (Browser b = new Browser()) {
      b.open(base + "/");
      b.waitFor("#login-form");
      assertThat(b.text("header .brand")).isEqualTo("Spiral");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void anAnalystWritesAScenarioRunsItReadsTheChartsAndComparesRuns() throws Exception {
    String yaml = new String(BuiltinScenarios.read("rand-d-ports").orElseThrow(), StandardCharsets.UTF_8)
        .replaceFirst("(?m)^id: rand-d-ports$", "id: web-ports");
    try (Browser b = new Browser()) {
      login(b);

      // the editor: paste a valid scenario, type a mistake, see it at its line:column, jump, fix
      b.open(base + "/#/scenarios");
      b.click("#new-scenario");
      b.paste("#yaml", yaml);
      b.waitForText("#validation[data-valid=true]", "web-ports", Duration.ofSeconds(10));
      WebElement area = b.waitFor("#yaml");
      area.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nbogus: 1");
      WebElement problem = b.waitForText("#validation[data-valid=false] li.problem", "bogus", Duration.ofSeconds(10));
      String at = problem.findElement(By.cssSelector("button.jump")).getText();
      assertThat(at).matches("\\d+:1");
      int line = Integer.parseInt(at.substring(0, at.indexOf(':')));
      assertThat(line).isEqualTo(yaml.split("\n", -1).length + 1);
      problem.findElement(By.cssSelector("button.jump")).click();
      assertThat(b.script("const a = document.getElementById('yaml');"
          + " return a.value.substring(a.selectionStart, a.selectionEnd);")).isEqualTo("bogus: 1");
      assertThat(b.count(".editor .gutter .bad")).isEqualTo(1);
      area.sendKeys(Keys.chord(Keys.CONTROL, Keys.END)); // off the selection the jump made
      for (int i = 0; i < "\nbogus: 1".length(); i++) {
        area.sendKeys(Keys.BACK_SPACE);
      }
      b.waitForText("#validation[data-valid=true]", "web-ports", Duration.ofSeconds(10));
      accessible(b, "the scenario editor");
      b.click("#save");
      b.waitFor("#run-scenario");
      String scenarioId = b.url().replaceAll(".*#/scenarios/", "");
      assertThat(scenarioId).matches("\\d+");

      // a simulation, watched to completion, then its charts
      b.click("#run-scenario");
      new Select(b.waitFor("#run-kind")).selectByValue("simulate");
      b.type("#run-runs", "3000");
      b.click("#run-submit");
      b.waitFor("#job-progress");
      b.until("the job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      assertThat(b.text("#job-percent")).isEqualTo("100%");
      assertThat(b.script("return document.getElementById('job-progress').value")).isEqualTo(1L);
      b.waitFor("figure[data-chart=outcomes] svg");
      assertThat(b.url()).matches(".*#/results/\\d+");
      chartHas(b, "outcomes", "rect.bar", 4);
      chartHas(b, "outcomes", "path.whisker", 4);
      chartHas(b, "max-rung", "rect.bar", 3);
      // the paths as a median and a 10%-90% band; single runs drawn on request
      chartHas(b, "paths", "path.band", 1);
      chartHas(b, "paths", "path.median", 1);
      assertThat(b.count("figure[data-chart=paths] path.path-line")).isZero();
      new Select(b.waitFor("#paths-pick")).selectByIndex(0);
      new Select(b.waitFor("#paths-pick")).selectByIndex(3);
      chartHas(b, "paths", "path.path-line", 2);
      accessible(b, "a simulation's result page");
      // every bar labelled with its value, small ones included
      chartHas(b, "outcomes", "text.bar-value", 4);
      for (String chart : new String[] {"outcomes", "max-rung", "paths"}) {
        noOverlappingText(b, chart);
      }
      assertThat(b.script("return [...document.querySelectorAll('figure[data-chart=outcomes] text.bar-value')]"
          + ".every((t) => t.textContent.length > 0 && t.textContent !== 'NaN')")).isEqualTo(true);
      // downloads: the numbers as CSV read back equal to the page's table; the result as JSON;
      // a chart as SVG and PNG
      b.click("#download-csv");
      String resultId = b.url().replaceAll(".*#/results/", "");
      String csv = new String(b.download("result-" + resultId + ".csv"), StandardCharsets.UTF_8);
      java.util.List<String> lines = csv.lines().filter(l -> !l.startsWith("#")).toList();
      assertThat(lines.get(0)).isEqualTo("metric,value,ci95_lo,ci95_hi");
      @SuppressWarnings("unchecked")
      java.util.List<java.util.List<String>> table = (java.util.List<java.util.List<String>>) b.script(
          "return [...document.querySelectorAll('#numbers-table tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))");
      assertThat(lines).hasSize(table.size() + 1);
      for (int i = 0; i < table.size(); i++) {
        String[] f = csvFields(lines.get(i + 1));
        assertThat(f[0]).isEqualTo(table.get(i).get(0));
        String shown = table.get(i).get(1);
        if (shown.matches("-?[0-9.]+")) {
          assertThat(Double.parseDouble(f[1])).as(f[0]).isCloseTo(Double.parseDouble(shown), org.assertj.core.data.Offset.offset(0.00005));
        }
      }
      assertThat(csvFields(lines.stream().filter(l -> l.startsWith("P(CONTAINED),")).findFirst().orElseThrow())).hasSize(4);
      b.click("#download-json");
      String json = new String(b.download("result-" + resultId + ".json"), StandardCharsets.UTF_8);
      assertThat(json).contains("\"kind\": \"simulate\"", "\"outcomes\"");
      b.click("figure[data-chart=outcomes] button[data-export=svg]");
      String svg = new String(b.download("outcomes.svg"), StandardCharsets.UTF_8);
      assertThat(svg).startsWith("<?xml").contains("<svg", "xmlns=\"http://www.w3.org/2000/svg\"", "CONTAINED", "fill=");
      b.click("figure[data-chart=outcomes] button[data-export=png]");
      byte[] png = b.download("outcomes.png");
      assertThat(java.util.Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      assertThat(b.text("#illustrative")).contains("Illustrative assumptions");
      assertThat(b.text("#meta-seed")).isEqualTo("1");
      // every outcome, DEESCALATED included, with its definition from the server
      assertThat((String) b.script("return document.querySelector('figure[data-chart=outcomes] svg')"
          + ".textContent")).contains("DEESCALATED");
      b.until("the outcome definitions", Duration.ofSeconds(10),
          () -> b.count("#outcome-definitions dt") == spiral.sim.Outcome.values().length);
      for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
        assertThat(b.text("#outcome-definitions")).contains(o.name(), o.definition());
      }
      String first = b.url().replaceAll(".*#/results/", "");

      // the same analysis again, exactly: a second result to compare with
      b.click("#rerun");
      // the first result's page says "done" too: wait until the re-run's job page has replaced it
      b.until("the re-run's job page", JOB, () -> !b.url().endsWith("#/results/" + first));
      b.until("the re-run to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state"))
          && b.url().matches(".*#/results/\\d+") && !b.url().endsWith("#/results/" + first));
      b.waitFor("figure[data-chart=outcomes] svg");
      String second = b.url().replaceAll(".*#/results/", "");
      assertThat(second).isNotEqualTo(first);

      // an options analysis and its Pareto front
      b.open(base + "/#/scenarios/" + scenarioId + "/run");
      new Select(b.waitFor("#run-kind")).selectByValue("options");
      b.type("#run-runs", "300");
      b.click("#run-submit");
      b.until("the options job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      b.waitFor("figure[data-chart=pareto] svg");
      chartHas(b, "pareto", "circle.dot", 20);
      chartHas(b, "pareto", "circle.front", 1);
      chartHas(b, "pareto", "path.front-line", 1);
      // the trade-off: further attacks against war or nuclear use, intervals, kinetic colours
      assertThat(b.script("return [...document.querySelectorAll('figure[data-chart=pareto] svg text.axis-label')]"
          + ".map((t) => t.textContent).sort()"))
          .isEqualTo(java.util.List.of("P(direct war or nuclear use)", "P(further attacks): deterrence fails"));
      chartHas(b, "pareto", ".whisker.ci", 40);
      chartHas(b, "pareto", "circle.dot.g-more", 5);
      chartHas(b, "pareto", "circle.dot.g-none", 5);
      chartHas(b, "pareto", "text.point-label.front", 1);
      assertThat(b.count("figure[data-chart=pareto] text.point-label")).as("points labelled where their labels fit").isGreaterThan(5);
      noOverlappingText(b, "pareto");
      accessible(b, "an options result page");
      assertThat(b.text("#options-table thead")).contains("P(further attacks)",
          "P(war or nuclear)", "gap from", "gap to the best");
      assertThat(b.text("#options-rule")).contains("minimum meaningful difference of 0.02;");
      assertThat(b.count("#options-table td.gap-driver")).isEqualTo(20);
      assertThat(b.text("#options-table")).containsAnyOf("real difference", "within noise");
      b.until("the outcome definitions", Duration.ofSeconds(10),
          () -> b.count("#outcome-definitions dt") == spiral.sim.Outcome.values().length);
      assertThat(b.text("#outcome-definitions")).contains(spiral.sim.Outcome.DEESCALATED.definition());
      assertThat(b.count("#options-table tbody tr")).isEqualTo(20);
      String optionsA = b.url().replaceAll(".*#/results/", "");
      // the same self-contained HTML report as the command line's --report, as a download
      assertThat(b.count("#download-report")).isEqualTo(1);
      b.click("#download-report");
      String report = new String(b.download("spiral-result-" + optionsA + ".html"), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(report).startsWith("<!DOCTYPE html>").contains("id=\"trade-off\"", "data-chart=\"trade-off\"",
          "Illustrative assumptions");
      b.click("#rerun");
      b.until("the options re-run to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      b.waitFor("figure[data-chart=pareto] svg");
      String optionsB = b.url().replaceAll(".*#/results/", "");
      b.open(base + "/#/compare/" + optionsA + "/" + optionsB);
      chartHas(b, "pareto", "circle.dot.s1", 20);
      assertThat(b.text("#compare-table")).contains("score: more-sanctions");
      // a side is called better only by a goal's direction and beyond sampling error: an exact re-run, never
      assertThat(b.text("#compare-table thead")).contains("better, by the goals");
      assertThat(b.script("return [...document.querySelectorAll('#compare-table td.better')].every((c) => c.textContent === '')"))
          .isEqualTo(true);

      // a long simulation: live progress with the time left, then cancelled
      b.open(base + "/#/scenarios/" + scenarioId + "/run");
      new Select(b.waitFor("#run-kind")).selectByValue("simulate");
      b.type("#run-runs", "500000000");
      b.click("#run-submit");
      b.waitForText("#job-eta", "s left", Duration.ofSeconds(30));
      double shown = ((Number) b.script("return document.getElementById('job-progress').value")).doubleValue();
      assertThat(shown).isBetween(0.0, 1.0);
      b.click("#job-cancel");
      b.waitForText("#job-error", "Cancelled", Duration.ofSeconds(30));
      assertThat(b.driver().findElement(By.id("page")).getAttribute("data-state")).isEqualTo("cancelled");

      // a negotiation and its window over months
      b.open(base + "/#/scenarios/ukraine-2022-talks/run");
      new Select(b.waitFor("#run-kind")).selectByValue("negotiate");
      b.type("#run-window", "6");
      b.click("#run-submit");
      b.until("the negotiate job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      chartHas(b, "window", "path.series", 3);
      chartHas(b, "window", "rect.zone", 6);
      assertThat(b.count("#proposals-table tbody tr")).isGreaterThan(0);

      // a small sweep from the form's starting design
      b.open(base + "/#/scenarios/" + scenarioId + "/run");
      new Select(b.waitFor("#run-kind")).selectByValue("sweep");
      assertThat(b.waitFor("#run-sweep").getAttribute("value")).contains("actors.russia.rationality");
      b.type("#run-runs", "200");
      b.click("#run-submit");
      b.until("the sweep job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      chartHas(b, "sweep", "circle.dot", 5);
      // what drives each output: a Latin hypercube gets rank correlations, one section per output
      assertThat(b.count("#sensitivity .sensitivity-output")).isEqualTo(2);
      assertThat(b.text("#sensitivity")).contains("rank-correlation", "actors.russia.rationality");
      // the points as CSV (in the page) and as Parquet (from the server, written by the command
      // line's code): both read back equal to the result the page shows (its JSON download)
      String sweepId = b.url().replaceAll(".*#/results/", "");
      b.click("#download-json");
      com.fasterxml.jackson.databind.JsonNode sweepJson = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(b.download("result-" + sweepId + ".json")).get("result");
      b.click("#download-points-csv");
      java.util.List<String> rows = new String(b.download("spiral-result-" + sweepId + "-points.csv"), StandardCharsets.UTF_8)
          .lines().toList();
      int nParams = sweepJson.get("parameters").size();
      assertThat(rows.get(0)).startsWith("point,").contains(",seed,");
      assertThat(rows).hasSize(sweepJson.get("points").size() + 1);
      b.click("#download-points-parquet");
      java.nio.file.Path pq = java.nio.file.Files.createTempFile("points", ".parquet");
      java.nio.file.Files.write(pq, b.download("spiral-result-" + sweepId + "-points.parquet"));
      spiral.explore.sweep.SweepResults back = spiral.io.ParquetResults.read(pq);
      java.nio.file.Files.delete(pq);
      for (int i = 0; i < sweepJson.get("points").size(); i++) {
        com.fasterxml.jackson.databind.JsonNode pt = sweepJson.get("points").get(i);
        String[] f = csvFields(rows.get(i + 1));
        for (int j = 0; j < nParams; j++) {
          assertThat(Double.parseDouble(f[1 + j])).isEqualTo(pt.get("values").get(j).asDouble());
          assertThat(back.x()[i][j]).isEqualTo(pt.get("values").get(j).asDouble());
        }
        for (int k = 0; k < sweepJson.get("outputs").size(); k++) {
          assertThat(Double.parseDouble(f[2 + nParams + k])).isEqualTo(pt.get("outputs").get(k).asDouble());
          assertThat(back.y()[k][i]).isEqualTo(pt.get("outputs").get(k).asDouble());
        }
      }
      // scenario discovery on the sweep's points: the box, its limits, the trajectory
      b.waitFor("#discover-form");
      assertThat(b.waitFor("#discover-threshold").getAttribute("value")).isNotBlank();
      new Select(b.waitFor("#discover-op")).selectByValue(">=");
      b.type("#discover-bootstrap", "20");
      b.click("#discover-run");
      b.waitFor("#discover-summary");
      assertThat(b.text("#discover-summary")).contains("points with", "coverage", "density", "base rate");
      assertThat(b.count("#discover-table tbody tr")).isEqualTo(
          ((Number) b.script("return document.querySelectorAll('#sensitivity .sensitivity-output')[0]"
              + ".querySelectorAll('.sensitivity-table tbody tr').length")).intValue());
      b.waitFor("figure[data-chart=discovery-trajectory] svg");
      assertThat(b.count("figure[data-chart=discovery-trajectory] svg path.series")).isEqualTo(2);
      noOverlappingText(b, "discovery-trajectory");
      // a condition no point meets: a clean error on the page, nothing lost
      b.type("#discover-threshold", "1e9");
      b.click("#discover-run");
      b.until("the discovery error", Duration.ofSeconds(20), () -> b.text("#discovery").contains("no point of the"));
      accessible(b, "a sweep's result page");

      // the history, filtered, and a comparison of the two simulations
      b.open(base + "/#/runs");
      new Select(b.waitFor("#filter-kind")).selectByValue("simulate");
      assertThat(b.count("#results-table tbody tr")).isEqualTo(2);
      b.click("input.pick[data-id='" + first + "']");
      b.click("input.pick[data-id='" + second + "']");
      b.click("#compare");
      b.waitFor("#compare-table");
      assertThat(b.url()).endsWith("#/compare/" + first + "/" + second);
      assertThat(b.count("#compare-table tbody tr")).isGreaterThan(10);
      assertThat(b.text("#compare-table")).contains("P(CONTAINED)");
      // a direction only where the scenario's goals give one: nuclear use lower, settlement higher
      // only with a settlement goal, the share of runs that ended contained none
      assertThat(b.script("return [...document.querySelectorAll('#compare-table tbody tr')]"
          + ".filter((tr) => tr.cells[0].textContent === 'P(NUCLEAR_USE)')[0].dataset.better")).isEqualTo("lower");
      assertThat(b.script("return [...document.querySelectorAll('#compare-table tbody tr')]"
          + ".filter((tr) => tr.cells[0].textContent === 'P(CONTAINED)')[0].dataset.better || 'none'")).isEqualTo("none");
      assertThat(b.count("#compare-table tbody tr[data-better]")).isGreaterThanOrEqualTo(3);
      chartHas(b, "outcomes", "rect.bar.s1", 4);
      // two runs' bars side by side: their value labels stand upright and never touch
      noOverlappingText(b, "outcomes");
      noOverlappingText(b, "max-rung");
      chartHas(b, "paths-b", "path.band", 1);
      // neutral colours, and each difference tested against its interval: an exact re-run differs in nothing
      assertThat(b.text("#compare-table thead")).contains("95% interval of B − A", "beyond sampling error?");
      assertThat(b.count("#compare-table tr[data-beyond=true]")).isZero();
      assertThat(b.count("#compare-table tr[data-beyond=false]")).isGreaterThan(5);
      assertThat(b.count("#compare-table td.pos, #compare-table td.neg")).isZero();
      accessible(b, "the comparison page");

      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void twoBrowsersAreTwoSessionsAPlayerSeesOnlyTheWargamesAndDataStaysText() {
    String markup = "<img src=x onerror=alert(1)>";
    String yaml = new String(BuiltinScenarios.read("rand-a-satellite").orElseThrow(), StandardCharsets.UTF_8)
        .replaceFirst("(?m)^id: rand-a-satellite$", "id: markup-title")
        .replaceFirst("(?m)^name: .*$", "name: \"" + markup + "\"");
    Http.Res made = Http.login(base, "admin", Http.ADMIN_PASSWORD).post("/api/scenarios", "{\"yaml\":" + Http.quote(yaml) + "}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    try (Browser admin = new Browser(); Browser player = new Browser()) {
      login(admin);
      admin.open(base + "/#/scenarios");
      WebElement row = admin.waitFor("#scenario-list tr[data-scenario=markup-title]");
      assertThat(row.getText()).contains(markup);
      assertThat(admin.count("#scenario-list img")).isZero();

      // edit it, then delete it
      String id = made.json().get("id").asText();
      admin.open(base + "/#/scenarios/" + id);
      admin.paste("#yaml", yaml.replace(markup, "Renamed"));
      admin.waitForText("#validation[data-valid=true]", "markup-title", Duration.ofSeconds(10));
      admin.click("#save");
      admin.waitForText("#saved", "markup-title", Duration.ofSeconds(10));
      admin.open(base + "/#/scenarios");
      assertThat(admin.text("#scenario-list tr[data-scenario=markup-title]")).contains("Renamed");
      admin.click("#scenario-list tr[data-scenario=markup-title] button.danger");
      admin.driver().switchTo().alert().accept();
      admin.until("the scenario to leave the list", Duration.ofSeconds(10),
          () -> admin.count("#scenario-list tr[data-scenario=markup-title]") == 0);

      player.open(base + "/");
      player.type("#register-form input[name=name]", "player-one");
      player.type("#register-form input[name=password]", "player-password-1");
      player.click("#register-form button[type=submit]");
      player.waitForText("#account .who", "player-one", Duration.ofSeconds(10));
      assertThat(player.text("#account .role")).isEqualTo("player");
      assertThat(player.driver().findElement(By.cssSelector("#nav a[href='#/scenarios']")).isDisplayed()).isFalse();
      assertThat(player.driver().findElement(By.cssSelector("#nav a[href='#/games']")).isDisplayed()).isTrue();
      player.open(base + "/#/scenarios");
      player.waitFor("#page .error");

      // the administrator's session is its own: still logged in, after the player logs out
      player.click("#logout");
      player.waitFor("#login-form");
      admin.open(base + "/#/scenarios");
      admin.waitFor("#scenario-list");
      assertThat(admin.text("#account .who")).contains("admin");

      // the administrator makes the player an observer, who then reads scenarios but changes nothing
      admin.click("#nav a[href='#/users']");
      new Select(admin.waitFor("select.role-select[data-user=player-one]")).selectByValue("observer");
      admin.waitForText("#role-saved", "player-one is now observer", Duration.ofSeconds(10));
      player.type("#login-form input[name=name]", "player-one");
      player.type("#login-form input[name=password]", "player-password-1");
      player.click("#login-form button[type=submit]");
      player.waitForText("#account .role", "observer", Duration.ofSeconds(10));
      player.open(base + "/#/scenarios");
      player.waitFor("#scenario-list");
      assertThat(player.count("#new-scenario") + player.count("#scenario-list a.run")).isZero();
      assertThat(player.driver().findElement(By.cssSelector("#nav a[href='#/users']")).isDisplayed()).isFalse();
      assertThat(admin.consoleErrors()).isEmpty();
      assertThat(player.consoleErrors()).isEmpty();
    }
  }

  /**
   * The page as it is: it does not scroll sideways in the 1,280 px window, and the axe-core check
   * (where .ci/run has fetched axe-core, see {@link Axe}) finds no serious or critical violation.
   */
  static void accessible(Browser b, String page) {
    // the charts the server is still drawing first: a page is judged as the user sees it at rest
    b.until("the charts to be drawn", Duration.ofSeconds(20), () -> b.count("figure[aria-busy]") == 0);
    String shots = System.getProperty("spiral.screenshots");
    if (shots != null) {
      try {
        java.nio.file.Path dir = java.nio.file.Path.of(shots);
        java.nio.file.Files.createDirectories(dir);
        b.script("const f = document.querySelector('figure.chart'); if (f) f.scrollIntoView();");
        java.nio.file.Files.write(dir.resolve(page.replaceAll("[^A-Za-z0-9]+", "-") + ".png"), b.screenshot());
        b.script("window.scrollTo(0, 0);");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Object wide = b.script("return document.documentElement.scrollWidth > window.innerWidth + 1"
        + " ? document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window' : null");
    assertThat(wide).as("sideways scroll on %s", page).isNull();
    if (java.nio.file.Files.isRegularFile(Axe.SCRIPT)) {
      Axe.check(b, page);
    }
  }

  @Test
  void loggedOutTheHeaderHasNoLinksAndALoginSaysItIsBusy() {
    try (Browser b = new Browser()) {
      b.open(base + "/");
      b.waitFor("#login-form");
      assertThat(b.driver().findElements(By.cssSelector("#nav a")).stream().noneMatch(WebElement::isDisplayed))
          .as("no link shown logged out").isTrue();
      assertThat((Boolean) b.script("return document.getElementById('nav').hidden")).isTrue();
      // the button is busy while the server answers (a slow answer is simulated by holding fetch)
      b.script("window.__fetch = window.fetch; window.fetch = (...a) => new Promise((ok) => setTimeout(() => ok(window.__fetch(...a)), 1500));");
      b.type("#login-form input[name=name]", "admin");
      b.type("#login-form input[name=password]", Http.ADMIN_PASSWORD);
      b.click("#login-form button[type=submit]");
      assertThat(b.text("#login-form button[type=submit]")).isEqualTo("Logging in…");
      assertThat(b.driver().findElement(By.cssSelector("#login-form button[type=submit]")).isEnabled()).isFalse();
      b.waitForText("#account .who", "admin", Duration.ofSeconds(10));
      assertThat((Boolean) b.script("return document.getElementById('nav').hidden")).isFalse();
      // a page waiting for its data says so
      b.waitFor("#new-scenario");
      b.script("window.fetch = (...a) => new Promise((ok) => setTimeout(() => ok(window.__fetch(...a)), 1500));");
      b.script("location.hash = '#/runs';");
      b.waitForText("#loading", "Loading", Duration.ofSeconds(5));
      b.waitFor("#results-table");
      assertThat(b.count("#loading")).isZero();
    }
  }

  @Test
  void theLoginScenarioAndRunPagesHaveNoSeriousAccessibilityViolations() {
    Axe.assumeAvailable();
    try (Browser b = new Browser()) {
      b.open(base + "/");
      b.waitFor("#login-form");
      Axe.check(b, "the login page");
      login(b);
      b.open(base + "/#/scenarios");
      b.waitFor("#new-scenario");
      Axe.check(b, "the scenario list");
      b.open(base + "/#/scenarios/rand-d-ports/run");
      b.waitFor("#run-kind");
      Axe.check(b, "the run form");
      b.open(base + "/#/runs");
      b.waitFor("#results-table");
      Axe.check(b, "the run history");
      b.open(base + "/#/games");
      b.waitFor("#new-game");
      Axe.check(b, "the wargames list");
      b.open(base + "/#/games/new");
      b.waitFor("#game-seats table");
      Axe.check(b, "the new wargame form");
    }
  }

  @Test
  void aGameRunShowsTheOneShotGameBesideTheSimulation() {
    try (Browser b = new Browser()) {
      login(b);
      b.open(base + "/#/scenarios/rand-b-depot/run");
      new Select(b.waitFor("#run-kind")).selectByValue("game");
      assertThat(b.waitFor("#run-runs").getAttribute("value")).isEqualTo("2000");
      b.type("#run-runs", "300");
      b.click("#run-submit");
      b.until("the game job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      b.waitFor("#game-table");
      assertThat(b.count("#game-table tbody tr")).isEqualTo(20);
      assertThat(b.count("#game-table tbody tr.equilibrium")).isEqualTo(1);
      assertThat(b.text("#game-reading")).contains("Equilibrium response:", "Credible threats that deter");
      assertThat(b.text("#game-comparison")).contains("The one-shot game (spiral game) names");
      assertThat(b.text("#illustrative")).contains("Illustrative assumptions");
      accessible(b, "a game result page");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void aCalibrationRunShowsPosteriorsAndThePredictiveCheck() throws Exception {
    try (Browser b = new Browser()) {
      login(b);
      b.open(base + "/#/scenarios/rand-d-ports/run");
      new Select(b.waitFor("#run-kind")).selectByValue("calibrate");
      assertThat(b.waitFor("#run-reference").getAttribute("value")).isEqualTo("nuclear=both trigger=violent");
      b.type("#run-particles", "40");
      b.type("#run-generations", "2");
      b.type("#run-predictive-runs", "100");
      b.click("#run-submit");
      b.until("the calibration job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      b.waitFor("#calibration-marginals");
      assertThat(b.count("#calibration-marginals tbody tr"))
          .isEqualTo(spiral.scenario.ScenarioLoader.resolve("rand-d-ports").uncertainties().size());
      assertThat(b.count("#calibration-predictive tbody tr")).isEqualTo(5);
      assertThat(b.text("#calibration-summary")).contains("Calibrated to nuclear=both trigger=violent (12 crises)");
      // the reports' own dot-and-interval chart: the class's dots, the model's bands
      chartHas(b, "predictive", "circle.dot", 4);
      chartHas(b, "predictive", "rect.band2", 4);
      noOverlappingText(b, "predictive");
      accessible(b, "a calibration result page");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void theStudyRunsRandsFourCasesFromItsPage() {
    try (Browser b = new Browser()) {
      login(b);
      b.open(base + "/#/scenarios");
      b.click("#run-study");
      b.waitFor("#study-form");
      b.type("#study-runs", "200");
      b.type("#study-samples", "2");
      b.type("#study-sample-runs", "50");
      b.click("#study-submit");
      b.until("the study job to finish", JOB, () -> "done".equals(b.driver().findElement(By.id("page")).getAttribute("data-state")));
      b.waitFor("#study-matrix");
      assertThat(b.count("#study-matrix tbody tr")).isEqualTo(20);
      assertThat(b.count("#study-matrix thead th")).isEqualTo(5);
      assertThat(b.count("#study-matrix td.best")).isEqualTo(4);
      assertThat(b.count("#study-cases li")).isEqualTo(4);
      assertThat(b.text("#study-cases")).contains("Monte Carlo 95%", "total 95% across the parameter sets", "best across the sets");
      assertThat(b.text("#study-shift")).startsWith("Best response as the attack grows");
      accessible(b, "a study result page");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void theHistoryPageShowsAReferenceClassWithItsIntervals() {
    try (Browser b = new Browser()) {
      login(b);
      b.open(base + "/#/history");
      b.waitFor("#history-rates tbody tr");
      assertThat(b.text("#history-size")).contains("36 of 487 crises", "nuclear=both");
      assertThat(b.count("#history-rates tbody tr")).isEqualTo(5);
      // nuclear use: zero with its bound, never a bare 0
      assertThat(b.text("#history-rates tr[data-target=nuclearUse]")).contains("0 of 36: at most 0.080 (one-sided 95%)");
      chartHas(b, "base-rates", "circle.dot", 4);
      chartHas(b, "base-rates", "line.interval", 4);
      noOverlappingText(b, "base-rates");
      accessible(b, "the history page");
      b.driver().findElement(By.id("history-where")).clear();
      b.type("#history-where", "nuclear=both trigger=violent");
      b.click("#history-apply");
      b.waitForText("#history-size", "12 of 487", Duration.ofSeconds(10));
      assertThat(b.url()).contains("#/history?where=");
      b.driver().findElement(By.id("history-where")).clear();
      b.type("#history-where", "colour=red");
      b.click("#history-apply");
      b.waitForText("[role=alert]", "colour", Duration.ofSeconds(10));
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  /** The fields of one CSV line (RFC 4180 quoting). */
  static String[] csvFields(String line) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out.toArray(String[]::new);
  }

  /** No two texts of the chart overlap, judged from the rendered boxes (half a pixel of slack). */
  private static void noOverlappingText(Browser b, String chart) {
    Object clash = b.script("const ts = [...document.querySelectorAll('figure[data-chart=" + chart + "] svg text')]"
        + ".map((t) => [t.textContent, t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);"
        + " for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) {"
        + "  const [a, p] = ts[i]; const [c, q] = ts[j];"
        + "  if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) return a + ' / ' + c; }"
        + " return null;");
    assertThat(clash).as("overlapping texts in chart %s", chart).isNull();
  }

  private static void chartHas(Browser b, String chart, String marks, int n) {
    String fig = "figure[data-chart='" + chart + "']";
    b.waitFor(fig + " svg");
    int found = b.count(fig + " svg " + marks);
    if (found < n) {
      throw b.fail("chart " + chart + ": " + found + " '" + marks + "', expected at least " + n);
    }
    assertThat(b.count(fig + " table tbody tr")).as(chart + " table rows").isGreaterThan(0);
    assertThat(b.text(fig + " figcaption")).isNotBlank();
    // a dot-and-interval chart has one axis (its rows are labelled), every other chart two
    boolean oneAxis = b.count(fig + " svg circle.dot") > 0 && b.count(fig + " svg line.interval") > 0;
    assertThat(b.count(fig + " svg text.axis-label")).as(chart + " axis labels").isEqualTo(oneAxis ? 1 : 2);
  }
}
