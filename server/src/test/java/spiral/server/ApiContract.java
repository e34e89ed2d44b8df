package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spiral.JsonText;
import spiral.scenario.BuiltinScenarios;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Progress;
import spiral.sim.SimulationSummary;
import spiral.sim.Simulator;
import spiral.store.Hashes;

/**
 * The API against a real server on a free port, over a real database: each subclass gives the
 * database (H2 in a temporary folder, an embedded PostgreSQL).
 */
abstract class ApiContract extends LiveServer implements AuthContract, OwnershipContract {
  /** The facilitator {@code admin}. */
  Http http;

  @BeforeAll
  void logIn() {
    http = anonymous.admin();
  }

  @Override
  public Server server() {
    return server;
  }

  @Override
  public Http anonymous() {
    return anonymous;
  }

  @Override
  public Http admin() {
    return anonymous.admin();
  }

  static String builtin(String name) {
    return new String(BuiltinScenarios.read(name).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** Fails when a response is not a JSON error or shows anything of the server's insides. */
  static void cleanError(Http.Res r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode j = r.json();
    assertThat(j.path("error").isTextual()).as(r.body()).isTrue();
    assertThat(j.path("message").isTextual()).as(r.body()).isTrue();
    noInternals(r);
  }

  static void noInternals(Http.Res r) {
    for (String leak : List.of("Exception", "\tat ", "java.", "javax.", "org.eclipse", "jetty", "Jetty",
        "com.fasterxml", "io.javalin", "spiral.server", "spiral.store", "kotlin", "SQL", "h2database",
        "postgresql", "Caused by")) {
      assertThat(r.body()).as("leaks '%s'", leak).doesNotContain(leak);
    }
    String server = r.raw().headers().firstValue("Server").orElse("");
    assertThat(server).doesNotContainIgnoringCase("jetty");
    assertThat(r.raw().headers().firstValue("X-Powered-By")).isEmpty();
  }

  long submit(String body) {
    Http.Res r = http.post("/api/jobs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.raw().headers().firstValue("Location").orElse("")).startsWith("/api/jobs/");
    return r.json().get("id").asLong();
  }

  JsonNode done(long job, int seconds) {
    JsonNode j = http.await(job, seconds);
    assertThat(j.get("state").asText()).as(j.toString()).isEqualTo("done");
    assertThat(j.get("progress").asDouble()).isEqualTo(1.0);
    return j;
  }

  @Test
  void theHistoryGivesAReferenceClassAndItsBaseRatesWithBounds() {
    JsonNode h = http.get("/api/history?where=" + java.net.URLEncoder.encode("nuclear=both", java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(h.get("filter").asText()).isEqualTo("nuclear=both");
    assertThat(h.get("crises").asInt()).isEqualTo(36);
    assertThat(h.get("ofCrises").asInt()).isEqualTo(487);
    assertThat(h.get("list")).hasSize(36);
    assertThat(h.get("citation").asText()).contains("Brecher");
    JsonNode nuclear = h.get("rates").get(0);
    assertThat(nuclear.get("target").asText()).isEqualTo("nuclearUse");
    assertThat(nuclear.get("count").asInt()).isZero();
    // a zero count carries its one-sided 95% upper bound: 1 - 0.05^(1/36)
    assertThat(nuclear.get("upper95").asDouble()).isCloseTo(1 - Math.pow(0.05, 1.0 / 36), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(http.get("/api/history").json().get("crises").asInt()).isEqualTo(487);
    for (String bad : List.of("colour=red", "nuclear=maybe", "years=1900-1901", "x".repeat(501), "nuclear")) {
      cleanError(http.get("/api/history?where=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8)), 400);
    }
    cleanError(anonymous.get("/api/history"), 401);
  }

  @Test
  void chartsAreDrawnByTheReportsKitAndBadSpecificationsNameTheirField() {
    Http.Res ok = http.post("/api/charts", """
        {"kind": "bars", "name": "outcomes", "title": "Outcomes", "xLabel": "outcome", "yLabel": "probability",
         "series": [{"name": "", "bars": [{"label": "CONTAINED", "value": 0.6, "lo": 0.58, "hi": 0.62},
                                          {"label": "NUCLEAR_USE", "value": 0.0011, "lo": 0.0005, "hi": 0.002}]}]}""");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode c = ok.json();
    assertThat(c.get("svg").asText()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("class=\"bar s0\"", ">0.0011<", "fill=\"#0072B2\"");
    assertThat(c.get("marks").asInt()).isEqualTo(2);
    assertThat(c.get("columns").toString()).isEqualTo("[\"outcome\",\"probability\",\"95% interval\"]");
    // one number format in a column: the small probability decides it
    assertThat(c.get("rows").get(0).get(1).asText()).isEqualTo("0.6000");
    assertThat(c.get("rows").get(1).get(1).asText()).isEqualTo("0.0011");
    // the same specification drawn in core gives the same SVG: one kit
    Http.Res again = http.post("/api/charts", "{\"kind\": \"intervals\", \"name\": \"base-rates\", \"title\": \"t\","
        + " \"first\": \"share\", \"rows\": [{\"label\": \"war\", \"p\": 0.1, \"lo\": 0.05, \"hi\": 0.2}]}");
    assertThat(again.json().get("svg").asText()).isEqualTo(new spiral.report.chart.IntervalChart("base-rates", "t", null,
        "share", null, List.of(new spiral.report.chart.IntervalChart.Row("war", 0.1, 0.05, 0.2))).draw().svg());

    Http.Res kind = http.post("/api/charts", "{\"kind\": \"pie\", \"name\": \"x\", \"title\": \"t\"}");
    cleanError(kind, 400);
    assertThat(kind.json().get("message").asText()).contains("kind", "pie", "bars");
    Http.Res field = http.post("/api/charts", "{\"kind\": \"bars\", \"name\": \"x\", \"title\": \"t\", \"colour\": 1,"
        + " \"series\": []}");
    cleanError(field, 400);
    assertThat(field.json().get("message").asText()).startsWith("colour: not a field");
    Http.Res type = http.post("/api/charts", "{\"kind\": \"bars\", \"name\": \"x\", \"title\": \"t\","
        + " \"series\": [{\"name\": \"a\", \"bars\": [{\"label\": \"b\", \"value\": [1]}]}]}");
    cleanError(type, 400);
    assertThat(type.json().get("message").asText()).startsWith("series[0].bars[0].value:");
    Http.Res drawn = http.post("/api/charts", "{\"kind\": \"bars\", \"name\": \"Bad Name\", \"title\": \"t\","
        + " \"series\": [{\"name\": \"a\", \"bars\": []}]}");
    cleanError(drawn, 400);
    assertThat(drawn.json().get("message").asText()).startsWith("name:").contains("'Bad Name'");
    cleanError(http.post("/api/charts", "{\"kind\": \"lines\""), 400);
    cleanError(http.post("/api/charts", "[1, 2]"), 400);
    cleanError(anonymous.post("/api/charts", "{\"kind\": \"bars\"}"), 401);
  }

  @Test
  void builtInScenariosAreListedReadOnly() {
    JsonNode list = http.get("/api/scenarios").json().get("scenarios");
    List<String> ids = new ArrayList<>();
    list.forEach(s -> {
      if (s.get("builtin").asBoolean()) {
        ids.add(s.get("id").asText());
        assertThat(s.get("readOnly").asBoolean()).isTrue();
        assertThat(s.has("yaml")).isFalse();
      }
    });
    assertThat(ids).containsAll(BuiltinScenarios.names());
    JsonNode one = http.get("/api/scenarios/rand-d-ports").json();
    assertThat(one.get("yaml").asText()).isEqualTo(builtin("rand-d-ports"));
    assertThat(one.get("hash").asText()).isEqualTo(Hashes.sha256(builtin("rand-d-ports")));
    cleanError(http.put("/api/scenarios/rand-d-ports", "{\"yaml\":" + Http.quote(builtin("rand-b-depot")) + "}"), 403);
    cleanError(http.delete("/api/scenarios/rand-d-ports"), 403);
    cleanError(http.get("/api/scenarios/no-such-scenario"), 404);
    cleanError(http.get("/api/scenarios/99999999"), 404);
  }

  @Test
  void storedScenariosCanBeCreatedReadReplacedAndDeleted() {
    String text = builtin("rand-a-satellite").replaceFirst("(?m)^name: .*$", "name: \"A stored copy\"");
    Http.Res created = http.post("/api/scenarios", "{\"yaml\":" + Http.quote(text) + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/scenarios/" + id);
    assertThat(created.json().get("title").asText()).isEqualTo("A stored copy");
    assertThat(created.json().get("readOnly").asBoolean()).isFalse();
    assertThat(http.get("/api/scenarios/" + id).json().get("yaml").asText()).isEqualTo(text);

    String changed = text.replace("A stored copy", "Changed");
    Http.Res put = http.put("/api/scenarios/" + id, "{\"yaml\":" + Http.quote(changed) + "}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("title").asText()).isEqualTo("Changed");
    assertThat(put.json().get("hash").asText()).isEqualTo(Hashes.sha256(changed));

    Http.Res bad = http.put("/api/scenarios/" + id, "{\"yaml\":" + Http.quote(changed + "horizn: 3\n") + "}");
    cleanError(bad, 400);
    assertThat(bad.json().get("error").asText()).isEqualTo("invalid_scenario");
    assertThat(http.get("/api/scenarios/" + id).json().get("title").asText()).isEqualTo("Changed");

    // a YAML body works as well as {yaml}
    Http.Res raw = http.post("/api/scenarios", changed.getBytes(StandardCharsets.UTF_8), "application/yaml");
    assertThat(raw.status()).as(raw.body()).isEqualTo(201);

    assertThat(http.delete("/api/scenarios/" + id).status()).isEqualTo(204);
    cleanError(http.get("/api/scenarios/" + id), 404);
    cleanError(http.delete("/api/scenarios/" + id), 404);
  }

  @Test
  void validationErrorsGiveLineColumnAndPath() {
    String text = builtin("rand-b-depot").replaceFirst("(?m)^horizon:", "horizn:");
    Http.Res r = http.post("/api/scenarios/validate", "{\"yaml\":" + Http.quote(text) + "}");
    cleanError(r, 400);
    JsonNode e = r.json().get("errors");
    assertThat(e.isArray()).isTrue();
    JsonNode first = e.get(0);
    int line = text.split("\n", -1).length;
    for (int i = 0, n = 1; i < text.length(); i++) {
      if (text.startsWith("horizn:", i) && (i == 0 || text.charAt(i - 1) == '\n')) {
        line = n;
        break;
      }
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    assertThat(first.get("line").asInt()).isEqualTo(line);
    assertThat(first.get("column").asInt()).isEqualTo(1);
    assertThat(first.get("path").asText()).isEqualTo("horizn");
    assertThat(first.get("message").asText()).contains("horizn");

    Http.Res ok = http.post("/api/scenarios/validate", "{\"yaml\":" + Http.quote(builtin("rand-b-depot")) + "}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("valid").asBoolean()).isTrue();
    assertThat(ok.json().get("name").asText()).isEqualTo("rand-b-depot");

    cleanError(http.post("/api/scenarios/validate", "{\"yaml\": 3}"), 400);
    cleanError(http.post("/api/scenarios/validate", "{\"yml\": \"id: x\"}"), 400);
    cleanError(http.post("/api/scenarios/validate", "{\"yaml\": \"[\"}"), 400);
  }

  @Test
  void aSimulationJobStoresTheCommandLinesJsonAndRerunsToTheSameNumbers() throws Exception {
    long job = submit("{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":3000,\"seed\":11}");
    JsonNode j = done(job, 120);
    long resultId = j.get("resultId").asLong();
    JsonNode r = http.get("/api/results/" + resultId).json();
    assertThat(r.get("kind").asText()).isEqualTo("simulate");
    assertThat(r.get("seed").asLong()).isEqualTo(11);
    assertThat(r.get("version").asText()).isEqualTo(spiral.Version.get());
    assertThat(r.get("parameters").get("runs").asLong()).isEqualTo(3000);
    assertThat(r.get("scenarioHash").asText()).isEqualTo(Hashes.sha256(builtin("rand-d-ports")));
    assertThat(r.get("intact").asBoolean()).isTrue();

    // the same record → JSON path as `spiral simulate --format json`
    Scenario sc = ScenarioLoader.resolve("rand-d-ports");
    CompiledModel model = new CompiledModel(sc);
    SimulationSummary expected = SimulationSummary.of(sc, model,
        new Simulator(Runnable::run, 1).run(model, 3000, 11, Progress.NONE), 11);
    com.fasterxml.jackson.databind.node.ObjectNode withoutPaths = r.get("result").deepCopy();
    JsonNode paths = withoutPaths.remove("paths");
    // and the scenario's goals, which say which way each figure is better
    assertThat(withoutPaths.remove("goals")).isEqualTo(Http.JSON.readTree(JsonText.of(sc.goals())));
    assertThat(withoutPaths).isEqualTo(Http.JSON.readTree(JsonText.of(expected)));
    assertThat(r.get("parameters").get("paths").asInt()).isEqualTo(20);
    // the escalation paths: the first 20 runs of the seed, turn by turn, the same runs as untraced
    assertThat(paths.size()).isEqualTo(20);
    for (int i = 0; i < paths.size(); i++) {
      JsonNode p = paths.get(i);
      spiral.sim.RunRecord rec = new spiral.sim.RunRecord();
      new spiral.sim.Engine(model).run(11, i, rec);
      assertThat(p.get("run").asLong()).isEqualTo(i);
      assertThat(p.get("outcome").asText()).isEqualTo(rec.outcome.name());
      assertThat(p.get("rungs").get(0).asInt()).isEqualTo(model.initiatingRung());
      int max = 0;
      for (JsonNode rung : p.get("rungs")) {
        max = Math.max(max, rung.asInt());
      }
      assertThat(max).isEqualTo(rec.maxRung);
    }

    Http.Res rerun = http.post("/api/results/" + resultId + "/rerun", "");
    assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
    JsonNode again = done(rerun.json().get("id").asLong(), 120);
    JsonNode r2 = http.get("/api/results/" + again.get("resultId").asLong()).json();
    assertThat(r2.get("id").asLong()).isNotEqualTo(resultId);
    assertThat(r2.get("result")).isEqualTo(r.get("result"));
    assertThat(r2.get("resultHash").asText()).isEqualTo(r.get("resultHash").asText());

    assertThat(http.get("/api/results").json().get("results").findValuesAsText("id"))
        .contains(Long.toString(resultId));
  }

  @Test
  void aRerunUsesTheScenarioTextTheResultRanOnEvenAfterItWasEdited() {
    String text = builtin("rand-a-satellite");
    String id = http.post("/api/scenarios", "{\"yaml\":" + Http.quote(text) + "}").json().get("id").asText();
    long job = submit("{\"kind\":\"simulate\",\"scenario\":" + id + ",\"runs\":1000,\"seed\":5}");
    JsonNode first = http.get("/api/results/" + done(job, 120).get("resultId").asLong()).json();
    String edited = text.replaceFirst("(?m)^horizon: 24", "horizon: 3");
    assertThat(http.put("/api/scenarios/" + id, "{\"yaml\":" + Http.quote(edited) + "}").status()).isEqualTo(200);
    assertThat(http.delete("/api/scenarios/" + id).status()).isEqualTo(204);
    Http.Res rerun = http.post("/api/results/" + first.get("id").asLong() + "/rerun", "");
    assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
    JsonNode second = http.get("/api/results/" + done(rerun.json().get("id").asLong(), 120)
        .get("resultId").asLong()).json();
    assertThat(second.get("result")).isEqualTo(first.get("result"));
    assertThat(second.get("scenarioHash").asText()).isEqualTo(Hashes.sha256(text));
  }

  @Test
  void optionsNegotiateAndSweepJobsRun() throws Exception {
    long options = submit("{\"kind\":\"options\",\"scenario\":\"rand-b-depot\",\"runs\":200}");
    long negotiate = submit("{\"kind\":\"negotiate\",\"scenario\":\"ukraine-2022-talks\",\"window\":3}");
    long sweep = submit("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":200,\"seed\":2,"
        + "\"parameters\":[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5}],"
        + "\"design\":{\"type\":\"lhs\",\"points\":3},\"outputs\":[\"nuclearUse\",\"directWar\"]}");
    long optionsResult = done(options, 300).get("resultId").asLong();
    JsonNode whole = http.get("/api/results/" + optionsResult).json();
    JsonNode o = whole.get("result");
    assertThat(o.get("options").size()).isEqualTo(20);
    // the same HTML report as the command line's --report, kept with the result
    assertThat(whole.get("report").asBoolean()).isTrue();
    Http.Res report = http.get("/api/results/" + optionsResult + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(report.raw().headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"spiral-result-" + optionsResult + ".html\"");
    assertThat(report.raw().headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
    assertThat(report.body()).startsWith("<!DOCTYPE html>").contains("data-chart=\"trade-off\"",
        o.get("best").asText());
    long negotiateResult = done(negotiate, 300).get("resultId").asLong();
    JsonNode n = http.get("/api/results/" + negotiateResult).json().get("result");
    assertThat(n.get("window").size()).isEqualTo(3);
    assertThat(http.get("/api/results/" + negotiateResult + "/report").body()).startsWith("<!DOCTYPE html>");
    long sweepResult = done(sweep, 300).get("resultId").asLong();
    // a sweep keeps no HTML report: a clean 404 that says which results do
    assertThat(http.get("/api/results/" + sweepResult).json().get("report").asBoolean()).isFalse();
    Http.Res none = http.get("/api/results/" + sweepResult + "/report");
    cleanError(none, 404);
    assertThat(none.json().get("message").asText()).contains("options, study, calibrate and negotiate");
    JsonNode s = http.get("/api/results/" + sweepResult).json().get("result");
    assertThat(s.get("points").size()).isEqualTo(3);
    assertThat(s.get("points").get(0).get("outputs").size()).isEqualTo(2);
    assertThat(s.get("sensitivity").findValuesAsText("method")).containsOnly("rank-correlation");
    // a Saltelli design gets Sobol indices with intervals, as spiral sensitivity gives them
    long saltelli = submit("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":100,\"seed\":2,"
        + "\"parameters\":[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5},"
        + "{\"path\":\"actors.russia.perception.threatBias\",\"min\":0,\"max\":0.8}],"
        + "\"design\":{\"type\":\"saltelli\",\"points\":16},\"outputs\":[\"furtherAttacks\"]}");
    JsonNode sa = http.get("/api/results/" + done(saltelli, 300).get("resultId").asLong()).json().get("result");
    // scenario discovery on the stored points, as spiral discover: declared ranges from the sweep
    long lhs = submit("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":100,\"seed\":3,"
        + "\"parameters\":[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5},"
        + "{\"path\":\"actors.russia.perception.threatBias\",\"min\":0,\"max\":0.8}],"
        + "\"design\":{\"type\":\"lhs\",\"points\":40},\"outputs\":[\"furtherAttacks\"]}");
    long saltelliResult = done(lhs, 300).get("resultId").asLong();
    sa = http.get("/api/results/" + saltelliResult).json().get("result");
    double median = median(sa.get("points"), 0);
    Http.Res disc = http.get("/api/results/" + saltelliResult + "/discover?where="
        + java.net.URLEncoder.encode("furtherAttacks >= " + median, java.nio.charset.StandardCharsets.UTF_8)
        + "&bootstrap=20&minCoverage=0.5");
    assertThat(disc.status()).as(disc.body()).isEqualTo(200);
    JsonNode f = disc.json().get("discovery");
    assertThat(f.get("points").asInt()).isEqualTo(sa.get("points").size());
    assertThat(f.get("interesting").asInt()).isBetween(1, sa.get("points").size());
    assertThat(f.get("parameters")).hasSize(2);
    assertThat(f.get("parameters").get(0).get("declaredLow").asDouble()).isEqualTo(1.0);
    assertThat(f.get("parameters").get(0).get("declaredHigh").asDouble()).isEqualTo(5.0);
    assertThat(f.get("parameters").get(1).get("declaredHigh").asDouble()).isEqualTo(0.8);
    assertThat(f.get("trajectory").size()).isGreaterThan(1);
    assertThat(f.get("coverage").asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(f.has("prim")).isFalse();
    // the same request, the same answer (the bootstrap is seeded)
    assertThat(http.get("/api/results/" + saltelliResult + "/discover?where="
        + java.net.URLEncoder.encode("furtherAttacks >= " + median, java.nio.charset.StandardCharsets.UTF_8)
        + "&bootstrap=20&minCoverage=0.5").json()).isEqualTo(disc.json());
    // the points as Parquet, written by the command line's code: they read back equal to the result
    byte[] pq = http.bytes("/api/results/" + saltelliResult + "/points.parquet");
    assertThat(new String(pq, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    java.nio.file.Path pqFile = java.nio.file.Files.createTempFile("points", ".parquet");
    try {
      java.nio.file.Files.write(pqFile, pq);
      spiral.explore.sweep.SweepResults back = spiral.io.ParquetResults.read(pqFile);
      assertThat(back.parameters()).containsExactly("actors.russia.rationality", "actors.russia.perception.threatBias");
      assertThat(back.outputs()).containsExactly("furtherAttacks");
      for (int i = 0; i < sa.get("points").size(); i++) {
        JsonNode pt = sa.get("points").get(i);
        assertThat(back.x()[i][0]).isEqualTo(pt.get("values").get(0).asDouble());
        assertThat(back.x()[i][1]).isEqualTo(pt.get("values").get(1).asDouble());
        assertThat(back.y()[0][i]).isEqualTo(pt.get("outputs").get(0).asDouble());
      }
    } finally {
      java.nio.file.Files.deleteIfExists(pqFile);
    }
    cleanError(http.get("/api/results/" + optionsResult + "/points.parquet"), 404);
    cleanError(http.get("/api/results/" + saltelliResult + "/discover"), 400);
    Http.Res unknown = http.get("/api/results/" + saltelliResult + "/discover?where=nuclear%3E0.1");
    cleanError(unknown, 400);
    assertThat(unknown.json().get("message").asText()).contains("no output 'nuclear'", "furtherAttacks");
    cleanError(http.get("/api/results/" + saltelliResult + "/discover?where=furtherAttacks%3E2"), 400);
    cleanError(http.get("/api/results/" + saltelliResult + "/discover?where=furtherAttacks%3E0&bootstrap=5000"), 400);
    cleanError(http.get("/api/results/" + saltelliResult + "/discover?where=furtherAttacks%3E0&alpha=x"), 400);
    Http.Res notSweep = http.get("/api/results/" + optionsResult + "/discover?where=furtherAttacks%3E0");
    cleanError(notSweep, 400);
    assertThat(notSweep.json().get("message").asText()).contains("runs on sweep results");
    sa = http.get("/api/results/" + done(saltelli, 300).get("resultId").asLong()).json().get("result");
    JsonNode sens = sa.get("sensitivity").get(0);
    assertThat(sens.get("method").asText()).isEqualTo("sobol");
    assertThat(sens.get("parameters")).hasSize(2);
    for (JsonNode row : sens.get("parameters")) {
      assertThat(row.get("total").isNumber() && row.get("totalLow").isNumber() && row.get("first").isNumber()).as(row.toString()).isTrue();
    }
  }

  /** The median of output k over a sweep result's points. */
  private static double median(JsonNode points, int k) {
    double[] v = new double[points.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = points.get(i).get("outputs").get(k).asDouble();
    }
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }

  @Test
  void aGameJobReadsTheOneShotGameBesideTheSimulation() {
    long game = submit("{\"kind\":\"game\",\"scenario\":\"rand-b-depot\",\"runs\":200}");
    JsonNode g = http.get("/api/results/" + done(game, 300).get("resultId").asLong()).json().get("result");
    assertThat(g.get("responses").size()).isEqualTo(20);
    assertThat(g.get("method").asText()).isEqualTo("spe");
    String answer = g.get("equilibriumResponse").asText();
    assertThat(g.get("responses").findValuesAsText("response")).contains(answer);
    assertThat(g.get("comparedWithSimulation").get("gameAnswer").asText()).isEqualTo(answer);
    assertThat(g.get("illustrative").size()).isPositive();
    // the same numbers as the command line's spiral game --format json
    spiral.game.ExchangeGame eg = spiral.game.ExchangeGame.compile(
        spiral.scenario.BuiltinScenarios.read("rand-b-depot").map(b -> {
          try {
            return spiral.scenario.ScenarioLoader.parse("rand-b-depot.yaml", b);
          } catch (spiral.scenario.ScenarioException e) {
            throw new AssertionError(e);
          }
        }).orElseThrow(), 6);
    assertThat(answer).isEqualTo(eg.read().equilibriumResponse());
    long bare = submit("{\"kind\":\"game\",\"scenario\":\"rand-b-depot\",\"runs\":0,\"decimals\":3}");
    JsonNode b = http.get("/api/results/" + done(bare, 120).get("resultId").asLong()).json().get("result");
    assertThat(b.has("comparedWithSimulation")).isFalse();
    assertThat(b.get("decimals").asInt()).isEqualTo(3);
    for (String bad : List.of("{\"kind\":\"game\",\"scenario\":\"rand-b-depot\",\"decimals\":16}",
        "{\"kind\":\"game\",\"scenario\":\"rand-b-depot\",\"runs\":-1}",
        "{\"kind\":\"game\",\"scenario\":\"ukraine-2022-talks\"}",
        "{\"kind\":\"game\",\"scenario\":\"rand-b-depot\",\"month\":1}")) {
      cleanError(http.post("/api/jobs", bad), 400);
    }
  }

  @Test
  void aCalibrationJobGivesTheCommandLinesPosteriorAndStopsAtTheRunLimit() throws Exception {
    long job = submit("{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\",\"seed\":3,"
        + "\"reference\":\"nuclear=both trigger=violent\",\"particles\":60,\"generations\":2,\"predictiveRuns\":200}");
    JsonNode c = http.get("/api/results/" + done(job, 300).get("resultId").asLong()).json().get("result");
    assertThat(c.get("classSize").asInt()).isEqualTo(12);
    assertThat(c.get("marginals")).hasSize(
        spiral.scenario.ScenarioLoader.resolve("rand-d-ports").uncertainties().size());
    assertThat(c.get("predictive")).hasSize(5);
    assertThat(c.get("generations")).hasSize(3);
    assertThat(c.get("citation").asText()).contains("Brecher");
    // the same fit as the command line's (and the core's), to the bit
    spiral.scenario.Scenario sc = spiral.scenario.ScenarioLoader.resolve("rand-d-ports");
    spiral.history.Calibration.Report local = spiral.history.Calibration.run(new spiral.history.Calibration.Setup(sc, sc.uncertainties(),
        spiral.history.ReferenceClass.of(spiral.history.IcbData.builtin(), spiral.history.CrisisFilter.parse("nuclear=both trigger=violent")),
        List.of(spiral.history.HistoricalTarget.values()), new spiral.history.AbcSmc.Settings(60, 2, 0.5, 0.02, 0, 3), 100, 200),
        Runnable::run, 1, null);
    assertThat(c.get("simulations").asLong()).isEqualTo(local.result().simulations());
    for (int i = 0; i < 6; i++) {
      assertThat(c.get("marginals").get(i).get("mean").asDouble()).isEqualTo(local.marginals().get(i).mean());
    }
    for (String bad : List.of("{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\"}",
        "{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\",\"reference\":\"colour=red\"}",
        "{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\",\"reference\":\"years=1900-1901\"}",
        "{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\",\"reference\":\"nuclear=both\",\"particles\":5}",
        "{\"kind\":\"calibrate\",\"scenario\":\"ukraine-2022-talks\",\"reference\":\"nuclear=both\"}")) {
      cleanError(http.post("/api/jobs", bad), 400);
    }
    // a facilitator's calibration that would pass its run limit stops there, saying so
    String name = "calibrator-" + System.nanoTime() % 100000;
    assertThat(http.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"the account password\",\"role\":\"facilitator\"}")
        .status()).isEqualTo(201);
    Http f = anonymous.login(name, "the account password");
    Http.Res r = f.post("/api/jobs", "{\"kind\":\"calibrate\",\"scenario\":\"rand-d-ports\",\"reference\":\"great-power=yes\","
        + "\"particles\":2000,\"generations\":20}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode failed = f.await(r.json().get("id").asLong(), 300);
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("passed this server's limit of " + FACILITATOR_RUNS + " simulated runs");
  }

  @Test
  void aStudyJobAnalysesRandsFourCasesAndRerunsOnTheTextsItRanOn() {
    long job = submit("{\"kind\":\"study\",\"runs\":200,\"samples\":2,\"sampleRuns\":50}");
    JsonNode done = done(job, 300);
    JsonNode r = http.get("/api/results/" + done.get("resultId").asLong()).json();
    assertThat(r.get("scenario").asText()).isEqualTo("rand-study");
    JsonNode study = r.get("result");
    assertThat(study.get("scenarios")).hasSize(4);
    java.util.List<String> rows = new java.util.ArrayList<>();
    study.get("scenarios").forEach(row -> rows.add(row.get("scenario").asText()));
    assertThat(rows).containsExactly("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports");
    assertThat(study.get("options")).hasSize(20);
    assertThat(study.get("shift").asText()).startsWith("Best response as the attack grows");
    // the same numbers as the core's study with these settings
    java.util.List<spiral.scenario.Scenario> cases = new java.util.ArrayList<>();
    for (String c : List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports")) {
      try {
        cases.add(spiral.scenario.ScenarioLoader.resolve(c));
      } catch (spiral.scenario.ScenarioException e) {
        throw new AssertionError(e);
      }
    }
    spiral.options.StudyReport local = spiral.options.Study.run(new spiral.options.OptionsAnalysis(Runnable::run, 1), cases, 200, 50, 1, 2,
        spiral.sim.Progress.NONE);
    for (int i = 0; i < 4; i++) {
      assertThat(study.get("scenarios").get(i).get("best").asText()).isEqualTo(local.scenarios().get(i).best());
      assertThat(study.get("scenarios").get(i).get("mostRobust").asText()).isEqualTo(local.scenarios().get(i).mostRobust());
    }
    Http.Res rerun = http.post("/api/results/" + r.get("id").asLong() + "/rerun", "");
    assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
    JsonNode again = http.get("/api/results/" + done(rerun.json().get("id").asLong(), 300).get("resultId").asLong()).json();
    assertThat(again.get("resultHash").asText()).isEqualTo(r.get("resultHash").asText());
    for (String bad : List.of("{\"kind\":\"study\",\"scenario\":\"rand-d-ports\"}", "{\"kind\":\"study\",\"samples\":1}",
        "{\"kind\":\"study\",\"month\":1}", "{\"kind\":\"study\",\"runs\":0}")) {
      cleanError(http.post("/api/jobs", bad), 400);
    }
  }

  @Test
  void aRunningJobCanBeCancelledAndStoresNothing() throws Exception {
    long job = submit("{\"kind\":\"simulate\",\"scenario\":\"rand-c-airbases\",\"runs\":1000000000}");
    long end = System.nanoTime() + 60_000_000_000L;
    JsonNode j;
    do {
      Thread.sleep(50);
      j = http.get("/api/jobs/" + job).json();
    } while (!(j.get("state").asText().equals("running") && j.get("progress").asDouble() > 0)
        && System.nanoTime() < end);
    assertThat(j.get("state").asText()).isEqualTo("running");
    assertThat(j.get("etaSeconds").isNumber()).as(j.toString()).isTrue();
    Http.Res c = http.delete("/api/jobs/" + job);
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    assertThat(c.json().get("state").asText()).isEqualTo("cancelled");
    Thread.sleep(500);
    JsonNode after = http.get("/api/jobs/" + job).json();
    assertThat(after.get("state").asText()).isEqualTo("cancelled");
    assertThat(after.get("resultId").isNull()).isTrue();
    cleanError(http.delete("/api/jobs/" + job), 409);
    // the job threads are free again
    done(submit("{\"kind\":\"simulate\",\"scenario\":\"rand-c-airbases\",\"runs\":100}"), 120);
  }

  @Test
  void jobsThatDoNotSuitTheScenarioAreRefused() {
    cleanError(http.post("/api/jobs", "{\"kind\":\"negotiate\",\"scenario\":\"rand-d-ports\"}"), 400);
    cleanError(http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"ukraine-2022-talks\"}"), 400);
    cleanError(http.post("/api/jobs", "{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"outputs\":[\"x\"]}"), 400);
    cleanError(http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"/etc/passwd\"}"), 404);
    Http.Res tooBig = http.post("/api/jobs", "{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\","
        + "\"parameters\":[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5}],"
        + "\"design\":{\"type\":\"lhs\",\"points\":200000},\"outputs\":[\"nuclearUse\"]}");
    cleanError(tooBig, 400);
    assertThat(tooBig.json().get("message").asText()).contains("at most 100000");
  }

  @Test
  void hostileInputGetsJsonErrorsWithoutInternals() {
    byte[] huge = new byte[3 << 20];
    java.util.Arrays.fill(huge, (byte) 'a');
    Http.Res big = http.post("/api/jobs", huge, "application/json");
    cleanError(big, 413);
    cleanError(http.post("/api/scenarios", huge, "application/yaml"), 413);
    cleanError(http.post("/api/jobs", "[".repeat(100_000)), 400);
    cleanError(http.post("/api/jobs", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)), 400);
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    cleanError(http.post("/api/jobs", garbage, "application/json"), 400);
    cleanError(http.post("/api/scenarios/validate", garbage, "application/yaml"), 400);
    for (String body : List.of("", "null", "[]", "3", "\"x\"", "{", "{}", "{\"kind\":1}",
        "{\"kind\":\"simulate\"}", "{\"kind\":\"simulate\",\"scenario\":[1]}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":\"many\"}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":-1}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":1.5}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":1e400}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"seed\":99999999999999999999999}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"bogus\":1}",
        "{\"kind\":\"simulate\",\"kind\":\"options\",\"scenario\":\"rand-d-ports\"}",
        "{\"kind\":\"drop table job\",\"scenario\":\"rand-d-ports\"}",
        "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\"} trailing")) {
      Http.Res r = http.post("/api/jobs", body);
      assertThat(r.status()).as(body + " → " + r.body()).isBetween(400, 404);
      cleanError(r, r.status());
    }
    cleanError(http.get("/api/jobs/abc"), 404);
    cleanError(http.get("/api/jobs/99999999"), 404);
    cleanError(http.get("/api/jobs/-1"), 404);
    cleanError(http.get("/api/results/0"), 404);
    cleanError(http.post("/api/results/99999999/rerun", ""), 404);
    cleanError(http.get("/api/jobs?limit=abc"), 400);
    cleanError(http.get("/api/nothing-here"), 404);
    cleanError(http.method("PATCH", "/api/jobs"), 405);
    cleanError(http.get("/api/jobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd"), 404);
  }

  /** Sends raw bytes to the server and returns what comes back. */
  String raw(String request) throws Exception {
    int port = URI.create(http.base()).getPort();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void requestsRefusedBeforeTheApiAlsoGetJsonWithoutInternals() throws Exception {
    for (String req : List.of(
        "GARBAGE \u0000\u0001 HTTP/1.1\r\n\r\n",
        "GET /api/jobs/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\nConnection: close\r\n\r\n")) {
      String res = raw(req);
      assertThat(res).as(res).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      assertThat(res).contains("{\"error\":").doesNotContain("jetty", "Jetty", "org.eclipse", "Exception", "\tat ");
    }
  }

  @Test
  void theOpenApiDocumentListsExactlyTheRegisteredRoutes() {
    JsonNode doc = http.get("/api/openapi.json").json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("info").get("version").asText()).isEqualTo(spiral.Version.get());
    Set<String> documented = new TreeSet<>();
    for (Iterator<String> p = doc.get("paths").fieldNames(); p.hasNext(); ) {
      String path = p.next();
      doc.get("paths").get(path).fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path));
    }
    assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
    // every schema a path refers to exists
    String text = doc.toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
    while (m.find()) {
      assertThat(doc.get("components").get("schemas").has(m.group(1))).as(m.group(1)).isTrue();
    }
  }

  @Test
  void theDocsPageAndTheRootPageNeedNothingFromElsewhere() {
    Http.Res docs = http.get("/api/docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(docs.body()).contains("/api/openapi.json").doesNotContain("http://", "https://", "src=");
    assertThat(docs.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
    Http.Res root = http.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).contains("/ui/app.js", "/ui/games.js").doesNotContain("http://", "https://", "style=");
    assertThat(http.get("/api").json().get("version").asText()).isEqualTo(spiral.Version.get());
  }

  @Test
  void theBrowserAppIsServedWithItsTypesAndAStrictPolicy() {
    String csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    for (String[] f : new String[][] {{"/", "text/html"}, {"/ui/app.js", "text/javascript"},
        {"/ui/charts.js", "text/javascript"}, {"/ui/games.js", "text/javascript"},
        {"/ui/scenarios.js", "text/javascript"}, {"/ui/runs.js", "text/javascript"}, {"/ui/users.js", "text/javascript"}, {"/ui/app.css", "text/css"}}) {
      Http.Res r = http.get(f[0]);
      assertThat(r.status()).as(f[0]).isEqualTo(200);
      assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).as(f[0]).startsWith(f[1]);
      assertThat(r.raw().headers().firstValue("Content-Security-Policy").orElse("")).as(f[0]).isEqualTo(csp);
      assertThat(r.raw().headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
      assertThat(r.body()).as(f[0]).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(");
    }
    for (String missing : List.of("/ui/nothing.js", "/ui/app.exe", "/ui/..%2Fopenapi.json", "/ui/a/b.js", "/ui/")) {
      Http.Res r = http.get(missing);
      cleanError(r, 404);
      assertThat(r.raw().headers().firstValue("Content-Security-Policy").orElse("")).as(missing).isEqualTo(csp);
    }
  }
}
