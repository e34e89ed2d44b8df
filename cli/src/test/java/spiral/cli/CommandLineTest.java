package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of the commands: exit codes and output together. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void scenariosListsTheBuiltIns() {
    Cli r = Cli.run("scenarios");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports");
    assertThat(r.out()).containsPattern("ukraine-2022-talks +negotiation");
    assertThat(r.out().lines()).hasSize(11);
    Cli csv = Cli.run("scenarios", "-f", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out()).startsWith("name,kind,ladder,rung,title\n")
        .contains("\nrand-d-ports,escalation,nato-russia-2022,8,")
        .contains("\nukraine-2022-talks,negotiation,,,");
    assertThat(csv.out().lines()).hasSize(12);
    assertThat(r.out()).containsPattern("hist-cuba-1962 +nuclear-dyad +rung 5 +Cuban missile crisis")
        .containsPattern("hist-parliament-2001 nuclear-dyad +rung 7 ")
        .contains("hist-ussuri-1969", "hist-october-1973", "hist-kargil-1999", "hist-jet-2015");
  }

  @Test
  void historicalScenariosValidateByNameAndSimulate() {
    Cli v = Cli.run("validate", "hist-cuba-1962", "hist-jet-2015");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("hist-cuba-1962: ok", "hist-jet-2015: ok");
    Cli s = Cli.run("simulate", "hist-ussuri-1969", "--runs", "200", "--threads", "1", "--format", "json");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("hist-ussuri-1969", "NUCLEAR_USE");
  }

  @Test
  void aBadHistoryBlockIsBadInputWithItsLocation() throws Exception {
    Path f = tmp.resolve("bad-history.yaml");
    String yaml = new String(getClass().getResourceAsStream("/spiral/scenarios/hist-cuba-1962.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    java.nio.file.Files.writeString(f, yaml.replace("    violence: 1\n", "    violence: 9\n")
        .replace("  trigger: 1962-10-16\n", "  trigger: 1962-02-30\n"));
    Cli r = Cli.run("validate", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern("bad-history\\.yaml:\\d+:5: history\\.recorded\\.violence: 9 is above the maximum 4");
    Cli t = Cli.run("validate", f.toString().replace("bad-history", "x"));
    assertThat(t.code()).isEqualTo(2);
    java.nio.file.Files.writeString(f, yaml.replace("  trigger: 1962-10-16\n", "  trigger: 1962-02-30\n"));
    Cli d = Cli.run("simulate", f.toString(), "--runs", "10");
    assertThat(d.code()).isEqualTo(2);
    assertThat(d.err()).containsPattern("bad-history\\.yaml:\\d+:3: history\\.trigger: \"1962-02-30\" is not a real date");
  }

  @Test
  void helpAndVersion() {
    Cli help = Cli.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("simulate", "trace", "validate", "scenarios", "Exit codes");
    Cli version = Cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("spiral ");
    assertThat(Cli.run("simulate", "--help").out()).contains("--runs", "--seed", "--threads", "--format", "--out");
  }

  @Test
  void simulateJsonHasTheDocumentedFields() throws Exception {
    Cli r = Cli.run("simulate", "rand-d-ports", "--runs", "3000", "--format", "json", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("scenario").asText()).isEqualTo("rand-d-ports");
    assertThat(j.get("runs").asLong()).isEqualTo(3000);
    assertThat(j.get("seed").asLong()).isEqualTo(1);
    assertThat(j.get("version").asText()).isNotBlank();
    long sum = 0;
    for (String o : new String[] {"CONTAINED", "DEESCALATED", "SETTLEMENT", "PROTRACTED", "NUCLEAR_USE"}) {
      JsonNode n = j.get("outcomes").get(o);
      assertThat(n.get("ci95")).hasSize(2);
      assertThat(n.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(n.get("p").asDouble());
      assertThat(n.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(n.get("p").asDouble());
      sum += n.get("count").asLong();
    }
    assertThat(sum).isEqualTo(3000);
    for (String f : new String[] {"directWar", "furtherAttacks"}) {
      assertThat(j.get("flags").get(f).get("p").isNumber()).isTrue();
      assertThat(j.get("flags").get(f).get("ci95")).hasSize(2);
    }
    assertThat(j.get("maxRung").get("histogram").isObject()).isTrue();
    assertThat(j.get("maxRung").get("mean").isNumber()).isTrue();
    assertThat(j.get("turns").get("mean").isNumber()).isTrue();
    assertThat(j.get("turns").get("p50").isInt()).isTrue();
    assertThat(j.get("turns").get("p90").isInt()).isTrue();
    assertThat(j.get("firstNuclearUser").has("russia")).isTrue();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void sameSeedGivesByteIdenticalJsonOnOneAndTwoThreads() {
    Cli one = Cli.run("simulate", "rand-c-airbases", "--runs", "5000", "--seed", "77", "--format", "json", "--threads", "1");
    Cli two = Cli.run("simulate", "rand-c-airbases", "--runs", "5000", "--seed", "77", "--format", "json", "--threads", "2");
    assertThat(one.code()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    Cli other = Cli.run("simulate", "rand-c-airbases", "--runs", "5000", "--seed", "78", "--format", "json", "--threads", "2");
    assertThat(other.out()).isNotEqualTo(one.out());
  }

  @Test
  void tableAndCsvFormats() {
    Cli table = Cli.run("simulate", "rand-a-satellite", "--runs", "1000");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("CONTAINED", "NUCLEAR_USE", "95% CI", "highest rung", "Illustrative assumptions");
    Cli csv = Cli.run("simulate", "rand-a-satellite", "--runs", "1000", "--format", "csv");
    assertThat(csv.code()).isZero();
    // the provenance comes first as '# key: value' comment lines, then the table
    assertThat(csv.out().lines().filter(l -> !l.startsWith("# ")).findFirst()).hasValue("section,key,count,value,ci95_lo,ci95_hi");
    assertThat(csv.out()).contains("outcome,CONTAINED,", "flag,directWar,", "turns,p90,");
    csv.out().lines().filter(l -> !l.startsWith("# ")).forEach(l -> assertThat(l.split(",", -1)).hasSize(6));
  }

  @Test
  void outWritesTheFileAndNothingToStdout() throws Exception {
    Path f = tmp.resolve("d.json");
    Cli r = Cli.run("simulate", "rand-d-ports", "--runs", "500", "--format", "json", "--out", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(JSON.readTree(f.toFile()).get("runs").asLong()).isEqualTo(500);
  }

  @Test
  void outIntoAMissingFolderIsBadInput() {
    Cli r = Cli.run("simulate", "rand-d-ports", "--runs", "10", "--out", tmp.resolve("no/such/dir/x.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void badOptionsAreBadInput() {
    assertThat(Cli.run("simulate", "rand-d-ports", "--runs", "0").code()).isEqualTo(2);
    assertThat(Cli.run("simulate", "rand-d-ports", "--runs", "many").code()).isEqualTo(2);
    assertThat(Cli.run("simulate", "rand-d-ports", "--threads", "0").code()).isEqualTo(2);
    assertThat(Cli.run("simulate", "rand-d-ports", "--format", "xml").code()).isEqualTo(2);
    assertThat(Cli.run("simulate").code()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
    assertThat(Cli.run("trace", "rand-d-ports", "--format", "xml").code()).isEqualTo(2);
    assertThat(Cli.run("trace", "rand-d-ports", "--run", "-1").code()).isEqualTo(2);
    Cli r = Cli.run("simulate", "no-such-scenario");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-scenario");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void traceTellsOneRunAndIsReproducible() throws Exception {
    Cli a = Cli.run("trace", "rand-d-ports", "--seed", "5", "--run", "12");
    Cli b = Cli.run("trace", "rand-d-ports", "--seed", "5", "--run", "12");
    assertThat(a.code()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    assertThat(a.out()).contains("Turn 0:", "Turn 1:", "perceives rung", "<- chosen", "Outcome:");
    Cli j = Cli.run("trace", "rand-d-ports", "--seed", "5", "--run", "12", "--format", "json");
    JsonNode n = JSON.readTree(j.out());
    assertThat(n.get("turns").size()).isEqualTo(n.get("ending").get("turns").asInt());
    assertThat(n.get("turns").get(0).get("candidates").size()).isGreaterThan(2);
  }

  @Test
  void validateAcceptsAGoodFileAndRejectsABadOne() throws Exception {
    Path good = tmp.resolve("d.yaml");
    try (InputStream in = getClass().getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml")) {
      Files.write(good, in.readAllBytes());
    }
    Cli ok = Cli.run("validate", good.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains(": ok");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(good).replace("resolve: 0.7", "resolve: 1.7"));
    Cli r = Cli.run("validate", good.toString(), bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+: .*resolve.*1\\.7");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void failureAtRunTimeIsExitOneWithoutStackTraceUnlessVerbose() throws Exception {
    Path folder = tmp.resolve("taken");
    Files.createDirectories(folder.resolve("inside"));
    Cli r = Cli.run("simulate", "rand-a-satellite", "--runs", "10", "--out", folder.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("spiral: error:", "cannot write", "--verbose");
    assertThat(r.err()).doesNotContain("\tat ");
    Cli v = Cli.run("simulate", "rand-a-satellite", "--runs", "10", "--out", folder.toString(), "--verbose");
    assertThat(v.code()).isEqualTo(1);
    assertThat(v.err()).contains("\tat ");
    assertThat(Files.isDirectory(folder.resolve("inside"))).isTrue();
  }

  @Test
  void outFileGetsOrdinaryPermissionsAndReplacesAnOldOne() throws Exception {
    Path f = tmp.resolve("old.csv");
    Files.writeString(f, "old");
    Cli r = Cli.run("simulate", "rand-a-satellite", "--runs", "10", "--format", "csv", "--out", f.toString());
    assertThat(r.code()).isZero();
    assertThat(Files.readString(f)).startsWith("# command: simulate").contains("\nsection,key");
    try (var files = Files.list(tmp)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void validateReportsSchemaAndReferenceProblemsInOnePass() throws Exception {
    String yaml = new String(getClass().getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    Path f = tmp.resolve("both.yaml");
    Files.writeString(f, yaml.replace("    resolve: 0.7\n", "    resolve: 1.7\n")
        .replace("  attacker: russia\n", "  attacker: ruritania\n"));
    Cli r = Cli.run("validate", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern("both\\.yaml:\\d+:\\d+: actors\\[0\\]\\.resolve: 1\\.7 is above the maximum")
        .containsPattern("both\\.yaml:\\d+:\\d+: initiatingEvent\\.attacker: .*ruritania");
    assertThat(r.err().lines()).hasSize(2);
    // loading for a run still stops at the schema's problems
    Cli s = Cli.run("simulate", f.toString(), "--runs", "10");
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("resolve").doesNotContain("ruritania");
  }

  @Test
  void scenariosShowPrintsABuiltInFileByteForByte() throws Exception {
    byte[] yaml = getClass().getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml").readAllBytes();
    Cli r = Cli.run("scenarios", "--show", "rand-d-ports");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
    Path f = tmp.resolve("mine.yaml");
    Cli o = Cli.run("scenarios", "--show", "rand-d-ports", "-o", f.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).isEmpty();
    assertThat(Files.readAllBytes(f)).isEqualTo(yaml);
    assertThat(Cli.run("validate", f.toString()).code()).isZero();
    Cli bad = Cli.run("scenarios", "--show", "rand-e");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("rand-e", "rand-d-ports", "hist-cuba-1962").doesNotContain("Exception");
  }

  @Test
  void badCommandLinesAreExplainedWithTheNextStep() {
    Cli runs = Cli.run("simulate", "rand-d-ports", "--runs", "1e4");
    assertThat(runs.code()).isEqualTo(2);
    assertThat(runs.err()).isEqualTo("spiral: --runs: '1e4' is not a whole number (write 10000)\n");
    Cli unknown = Cli.run("simulate", "rand-d-ports", "x");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("spiral: unknown argument 'x' (see 'spiral simulate --help')\n");
    Cli option = Cli.run("simulate", "rand-d-ports", "--rus", "5");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).startsWith("spiral: unknown option '--rus' (did you mean '--runs'?)")
        .contains("'spiral simulate --help'");
    Cli command = Cli.run("simulat");
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.err()).startsWith("spiral: unknown command 'simulat' (did you mean 'simulate'");
    Cli format = Cli.run("simulate", "rand-d-ports", "-f", "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).startsWith("spiral: --format: 'xml' is not one of table, json, csv");
    Cli missing = Cli.run("simulate");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("spiral: missing SCENARIO").contains("spiral scenarios");
    Cli value = Cli.run("simulate", "rand-d-ports", "--runs");
    assertThat(value.code()).isEqualTo(2);
    assertThat(value.err()).startsWith("spiral: --runs needs a value");
    for (Cli c : new Cli[] {runs, unknown, option, command, format, missing, value}) {
      assertThat(c.err().lines()).hasSize(1);
      assertThat(c.out()).isEmpty();
    }
  }

  @Test
  void shortFlagsAreTheLongOnes() throws Exception {
    Path f = tmp.resolve("s.json");
    Cli s = Cli.run("simulate", "rand-d-ports", "-n", "200", "-s", "7", "-f", "json", "-o",
        f.toString(), "--threads", "1");
    assertThat(s.code()).as(s.err()).isZero();
    JsonNode j = JSON.readTree(Files.readString(f));
    assertThat(j.get("runs").asLong()).isEqualTo(200);
    assertThat(j.get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void csvWhereATableIsPrinted() {
    Cli trace = Cli.run("trace", "rand-d-ports", "-f", "csv");
    assertThat(trace.code()).as(trace.err()).isZero();
    java.util.List<String> rows = trace.out().lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(rows.get(0)).startsWith("turn,actor,perceived_rung,true_opponent_rung,");
    assertThat(rows.get(1)).startsWith("1,usa,8,8,");
    Cli model = Cli.run("model", "chicken", "-f", "csv");
    assertThat(model.code()).as(model.err()).isZero();
    assertThat(model.out()).contains("model,kind,name,value\n", "chicken,parameter,W,1\n",
        "chicken,result,crash_probability,");
  }
}
