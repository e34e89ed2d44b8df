package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
  @TempDir static Path dir;
  static Path posterior;
  static Cli calibrated;

  @BeforeAll
  static void calibrate() {
    posterior = dir.resolve("d.posterior.csv");
    calibrated = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both trigger=violent", "--particles", "60",
        "--generations", "3", "--predictive-runs", "200", "--posterior", posterior.toString(), "--report",
        dir.resolve("cal.html").toString(), "--seed", "4");
  }

  @Test
  void aSmallCalibrationWritesItsPosteriorReportAndCheck() throws Exception {
    assertThat(calibrated.code()).as(calibrated.err()).isZero();
    assertThat(calibrated.err()).contains("calibrating rand-d-ports to 12 crises", "generation 0:");
    assertThat(calibrated.out()).contains("rand-d-ports calibrated to nuclear=both trigger=violent (12 crises), seed 4")
        .contains("actors.russia.rationality", "Posterior predictive", "directWar", "Brecher");
    List<String> lines = Files.readAllLines(posterior);
    assertThat(lines).contains("# kind: posterior", "# scenario: rand-d-ports", "# reference: nuclear=both trigger=violent");
    assertThat(lines.stream().filter(l -> !l.startsWith("#")).count()).isEqualTo(61);
    assertThat(Files.exists(dir.resolve("d.posterior.parquet"))).isTrue();
    assertThat(Files.readString(dir.resolve("cal.html"))).contains("data-chart=\"predictive\"", "data-chart=\"marginal-0\"",
        "data-chart=\"pair-0-1\"");
  }

  @Test
  void theSameSeedGivesTheSamePosteriorOnOneThread() throws Exception {
    Path again = dir.resolve("again.csv");
    Cli r = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both trigger=violent", "--particles", "60",
        "--generations", "3", "--predictive-runs", "200", "--posterior", again.toString(), "--seed", "4", "--threads", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(again)).isEqualTo(Files.readString(posterior));
  }

  @Test
  void thePosteriorCarriesIntoSimulateWithTwoIntervals() {
    Cli r = Cli.run("simulate", "rand-d-ports", "--posterior", posterior.toString(), "--samples", "40", "--runs", "1000",
        "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    String row = r.out().lines().filter(l -> l.startsWith("flag,directWar,")).findFirst().orElseThrow();
    String[] f = row.split(",");
    double mcWidth = Double.parseDouble(f[4]) - Double.parseDouble(f[3]);
    double totalWidth = Double.parseDouble(f[6]) - Double.parseDouble(f[5]);
    assertThat(totalWidth).as(row).isGreaterThan(mcWidth);
    Cli table = Cli.run("simulate", "rand-d-ports", "--uncertain", "--samples", "10", "--runs", "300");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("Monte Carlo 95%", "total 95%", "declared uncertainty ranges");
  }

  @Test
  void optionsAcrossThePosteriorSayHowOftenEachIsBestWithTotalIntervals() throws Exception {
    Cli r = Cli.run("options", "rand-d-ports", "--posterior", posterior.toString(), "--samples", "8", "--sample-runs", "300",
        "--runs", "1000", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    com.fasterxml.jackson.databind.JsonNode regret = json.get("regret");
    assertThat(regret.get("sampling").asText()).startsWith("draws from the posterior d.posterior.csv");
    double shares = 0;
    boolean wider = false;
    for (com.fasterxml.jackson.databind.JsonNode o : regret.get("options")) {
      shares += o.get("bestShare").asDouble();
      double total = o.get("warOrNuclear95").get(1).asDouble() - o.get("warOrNuclear95").get(0).asDouble();
      for (com.fasterxml.jackson.databind.JsonNode opt : json.get("options")) {
        if (opt.get("id").asText().equals(o.get("id").asText())) {
          com.fasterxml.jackson.databind.JsonNode ci = opt.get("warOrNuclear").get("ci95");
          wider |= total > ci.get(1).asDouble() - ci.get(0).asDouble();
        }
      }
    }
    assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(wider).as("some option's total interval is wider than its Monte Carlo one").isTrue();
  }

  @Test
  void theStudyTakesAPosteriorForItsCaseAndRefusesAForeignOrSecondOne(@TempDir Path tmp) throws Exception {
    Cli r = Cli.run("study", "--posterior", posterior.toString(), "--samples", "4", "--sample-runs", "200", "--runs", "500",
        "--format", "json", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    int posteriorRows = 0;
    for (com.fasterxml.jackson.databind.JsonNode row : json.get("scenarios")) {
      String sampling = row.get("detail").get("regret").get("sampling").asText();
      if (row.get("scenario").asText().equals("rand-d-ports")) {
        assertThat(sampling).startsWith("draws from the posterior d.posterior.csv");
        posteriorRows++;
      } else {
        assertThat(sampling).isEqualTo("Latin hypercube");
      }
    }
    assertThat(posteriorRows).isEqualTo(1);
    Cli table = Cli.run("study", "--posterior", posterior.toString(), "--samples", "4", "--sample-runs", "200", "--runs", "500");
    assertThat(table.out()).contains("robustness and total intervals over 4 draws from the posterior d.posterior.csv",
        "best across the 4 parameter sets: ");

    Cli twice = Cli.run("study", "--posterior", posterior.toString(), "--posterior", posterior.toString(), "--samples", "4");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("a second posterior for rand-d-ports").doesNotContain("Exception");
    Path foreign = tmp.resolve("x.csv");
    Files.writeString(foreign, Files.readString(posterior).replace("# scenario: rand-d-ports", "# scenario: hist-kargil-1999"));
    Cli other = Cli.run("study", "--posterior", foreign.toString(), "--samples", "4");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains(foreign + ":1:1:", "'hist-kargil-1999', which is not one of rand-a-satellite");
    Cli none = Cli.run("study", "--posterior", posterior.toString(), "--samples", "0");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--samples must be at least 2");
  }

  @Test
  void theExecutorOptionsAreCheckedBeforeAnyWork(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("p.csv");
    Cli master = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--master", "local[2]", "--posterior", out.toString());
    assertThat(master.code()).isEqualTo(2);
    assertThat(master.err()).contains("--master needs --executor spark");
    Cli threads = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--executor", "spark", "--threads", "2",
        "--posterior", out.toString());
    assertThat(threads.code()).isEqualTo(2);
    assertThat(threads.err()).contains("--threads is for the local executor");
    Cli ui = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--spark-ui", "--posterior", out.toString());
    assertThat(ui.code()).isEqualTo(2);
    assertThat(ui.err()).contains("--spark-ui needs --executor spark");
    Cli where = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--executor", "moon", "--posterior", out.toString());
    assertThat(where.code()).isEqualTo(2);
    assertThat(where.err()).contains("--executor must be local or spark, was 'moon'");
    // this module's class path has no Spark: the message says how to get it
    Cli missing = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--executor", "spark", "--particles", "20",
        "--posterior", out.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--executor spark needs the spark module").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputExitsTwoAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("p.csv");
    Cli unknown = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--parameters", "actors.russia.resolve",
        "--posterior", out.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("not one of the scenario's declared uncertainties");
    Cli empty = Cli.run("calibrate", "rand-d-ports", "--reference", "years=1900-1901", "--posterior", out.toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("is empty");
    Cli field = Cli.run("calibrate", "rand-d-ports", "--reference", "colour=red", "--posterior", out.toString());
    assertThat(field.code()).isEqualTo(2);
    assertThat(field.err()).contains("--reference: unknown field 'colour'");
    Cli target = Cli.run("calibrate", "rand-d-ports", "--reference", "nuclear=both", "--targets", "war", "--posterior", out.toString());
    assertThat(target.code()).isEqualTo(2);
    assertThat(Files.exists(out)).isFalse();

    // a posterior of another scenario, malformed ones, a value outside the declared range
    Cli other = Cli.run("simulate", "rand-a-satellite", "--posterior", posterior.toString());
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("belongs to scenario 'rand-d-ports', not 'rand-a-satellite'");
    String text = Files.readString(posterior);
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, text.replaceFirst("\n(\\d+),([^,]+),([^,]+),([^,\n]+)", "\n$1,$2,$3,7.5"));
    Cli range = Cli.run("simulate", "rand-d-ports", "--posterior", bad.toString());
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("is outside the scenario's declared range");
    Files.writeString(bad, text.replace("# kind: posterior\n", ""));
    assertThat(Cli.run("simulate", "rand-d-ports", "--posterior", bad.toString()).err()).contains("not a Spiral posterior file");
    Files.writeString(bad, text.substring(0, text.length() - 9));
    Cli cut = Cli.run("simulate", "rand-d-ports", "--posterior", bad.toString());
    assertThat(cut.code()).isEqualTo(2);
    assertThat(cut.err()).containsPattern("bad.csv:\\d+:1: the last line is incomplete");
    Files.writeString(bad, text.replaceFirst("\n0,([^\n]+)\n", "\n0,1,2\n"));
    // the header: the particle, its weight and distance, and each uncertain parameter
    int columns = spiral.scenario.ScenarioLoader.resolve("rand-d-ports").uncertainties().size() + 3;
    assertThat(Cli.run("simulate", "rand-d-ports", "--posterior", bad.toString()).err())
        .containsPattern(":\\d+:1: 3 cells where the header has " + columns);
    Files.writeString(bad, text.replaceFirst("\n0,[^,]+,", "\n0,abc,"));
    assertThat(Cli.run("simulate", "rand-d-ports", "--posterior", bad.toString()).err()).contains("not a number: 'abc'");
    assertThat(Cli.run("simulate", "rand-d-ports", "--posterior", tmp.resolve("none.csv").toString()).err()).contains("no such file");
  }
}
