package spiral.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.ladder.ActKind;
import spiral.ladder.BuiltinLadders;
import spiral.ladder.Ladder;

class ScenarioLoaderTest {
  /** A valid scenario; line numbers below refer to it. */
  static final String MIN = """
      id: t
      ladder:
        id: tiny
        thresholds: {directWar: 3, nuclear: 4, strategic: 5}
        rungs:
          - {level: 0, name: a}
          - {level: 1, name: b}
          - {level: 2, name: c}
          - {level: 3, name: d}
          - {level: 4, name: e}
          - {level: 5, name: f}
      actors:
        - id: red
          side: initiator
        - id: blue
          side: responder
      targets:
        - id: depot
          owner: blue
      initiatingEvent:
        attacker: red
        targets: [depot]
        rung: 3
      """;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(ScenarioLoaderTest.class.getResource("/scenarios/" + name).toURI());
  }

  static Scenario parse(String yaml) throws ScenarioException {
    return ScenarioLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  static List<Problem> problems(String yaml) {
    return problems(yaml.getBytes(StandardCharsets.UTF_8));
  }

  static List<Problem> problems(byte[] content) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.parse("test.yaml", content));
    assertThat(e).as("expected the file to be refused").isNotNull();
    assertThat(e.problems()).isNotEmpty();
    for (Problem p : e.problems()) {
      assertThat(p.message()).doesNotContain("Exception", "java.", "org.yaml", "com.fasterxml");
    }
    return e.problems();
  }

  /** The only problem of a file. */
  static Problem only(String yaml) {
    return only(yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The only problem of a file. */
  static Problem only(byte[] content) {
    List<Problem> ps = problems(content);
    assertThat(ps).as(ps.toString()).hasSize(1);
    return ps.get(0);
  }

  static void assertAt(Problem p, int line, int column, String path, String... fragments) {
    assertThat(p.line()).as(p.toString()).isEqualTo(line);
    assertThat(p.column()).as(p.toString()).isEqualTo(column);
    assertThat(p.path()).as(p.toString()).isEqualTo(path);
    assertThat(p.message()).as(p.toString()).contains(fragments);
  }

  static String withActorKeys(String keys) {
    return MIN.replace("    side: responder\n", "    side: responder\n" + keys);
  }

  @Nested
  class ValidFiles {
    @Test
    void minimalFileGetsTheDefaults() throws Exception {
      Scenario s = ScenarioLoader.load(resource("minimal.yaml"));
      assertThat(s.id()).isEqualTo("minimal");
      assertThat(s.name()).isEqualTo("minimal");
      assertThat(s.description()).isEmpty();
      assertThat(s.horizon()).isEqualTo(24);
      assertThat(s.containTurns()).isEqualTo(3);
      assertThat(s.stopAtStrategic()).isFalse();
      assertThat(s.model()).isEqualTo(ModelConstants.DEFAULTS);
      assertThat(s.alliances()).isEmpty();
      assertThat(s.options()).isEmpty();
      assertThat(s.goals()).isEmpty();
      assertThat(s.uncertainties()).isEmpty();
      assertThat(s.packages()).containsOnlyKeys("none", "sanctions", "isolation", "aidSurge", "cyber");
      assertThat(s.packages().get("aidSurge"))
          .isEqualTo(new NonKineticPackage("aidSurge", 2, 0.5, 0.8, 0.5, 0.01, 0, 0, 0));

      Ladder l = s.ladder();
      assertThat(l.name()).isEqualTo("tiny");
      assertThat(l.baseline()).isZero();
      assertThat(l.rungs()).extracting(r -> r.kind()).containsExactly(ActKind.STATUS_QUO,
          ActKind.NON_VIOLENT, ActKind.NON_VIOLENT, ActKind.VIOLENT, ActKind.NUCLEAR,
          ActKind.NUCLEAR);
      assertThat(l.rung(2).damage()).isZero();
      assertThat(l.rung(2).inadvertentRisk()).isZero();

      Actor red = s.actor("red");
      assertThat(red.principal()).isTrue();
      assertThat(red.side()).isEqualTo(Side.INITIATOR);
      assertThat(red.resolve()).isEqualTo(0.5);
      assertThat(red.painThreshold()).isEqualTo(10);
      assertThat(red.rationality()).isEqualTo(2.0);
      assertThat(red.noise()).isEqualTo(0.5);
      assertThat(red.threatBias()).isZero();
      assertThat(red.policy()).isEqualTo(PolicyKind.QUANTAL);
      assertThat(red.script()).isEmpty();
      assertThat(red.factions()).containsExactly(
          new Faction("leadership", "leadership", 1.0, 1.0, 1.0, 0.1, 0.1));
      assertThat(s.principal(Side.RESPONDER).id()).isEqualTo("blue");

      Target depot = s.target("depot");
      assertThat(depot.value()).isEqualTo(1.0);
      assertThat(depot.casualties()).isZero();
      assertThat(depot.name()).isEqualTo("depot");
      assertThat(s.initiatingEvent())
          .isEqualTo(new InitiatingEvent("red", List.of("depot"), 3, ""));
    }

    @Test
    void fullFileReadsEverySection() throws Exception {
      Scenario s = ScenarioLoader.load(resource("full.yaml"));
      assertThat(s.name()).isEqualTo("Full test scenario");
      assertThat(s.illustrative()).containsExactly("target values", "faction weights");
      assertThat(s.horizon()).isEqualTo(30);
      assertThat(s.containTurns()).isEqualTo(2);
      assertThat(s.stopAtStrategic()).isTrue();
      assertThat(s.model())
          .isEqualTo(
              ModelConstants.DEFAULTS
                  .with("model.rho", 3.0)
                  .with("model.delta", 1.5)
                  .with("model.tau", 0.5)
                  .with("model.credibilityRate", 0.2)
                  .with("model.cohesionRate", 0.3)
                  .with("model.cohesionRiskRate", 0.6)
                  .with("model.cohesionDrift", 0.2)
                  .with("model.influenceShift", 0.1)
                  .with("talks.open", 0.4)
                  .with("talks.uncertainty", 2.0)
                  .with("talks.scale", 0.6)
                  .with("leverage.start", 0.6)
                  .with("leverage.momentum", 0.01)
                  .with("leverage.decay", 0.8)
                  .with("leverage.noise", 0.03));

      Ladder l = s.ladder();
      assertThat(l.baseline()).isEqualTo(1);
      assertThat(l.rung(0).kind()).isEqualTo(ActKind.NON_VIOLENT);
      assertThat(l.rung(1).kind()).isEqualTo(ActKind.STATUS_QUO);
      assertThat(l.rung(1).group()).isEqualTo("peace");
      assertThat(l.rung(2).kind()).isEqualTo(ActKind.POSTURING);
      assertThat(l.rung(5).kind()).isEqualTo(ActKind.VIOLENT);
      assertThat(l.rung(6).kind()).isEqualTo(ActKind.NUCLEAR);
      assertThat(l.rung(4).inadvertentRisk()).isEqualTo(0.05);

      Actor russia = s.actor("russia");
      assertThat(russia.rationality()).isInfinite();
      assertThat(russia.noise()).isEqualTo(0.3);
      assertThat(russia.threatBias()).isEqualTo(0.5);
      assertThat(russia.factions()).containsExactly(
          new Faction("kremlin", "Kremlin", 2, 1.5, 0.8, 0.2, 0.3),
          new Faction("military", "military", 1, 1.5, 0.4, 0.2, 1.0));
      assertThat(russia.script()).containsExactly(
          new ScriptStep(ScriptStep.Kind.ABSOLUTE, 4, null),
          new ScriptStep(ScriptStep.Kind.RELATIVE, 1, null),
          new ScriptStep(ScriptStep.Kind.HOLD, 0, null),
          new ScriptStep(ScriptStep.Kind.DEESCALATE, 0, null),
          new ScriptStep(ScriptStep.Kind.ABSOLUTE, 5, null),
          new ScriptStep(ScriptStep.Kind.OPTION, 0, "ru-escalate"));
      assertThat(s.actor("us").rationality()).isInfinite();
      assertThat(s.actor("us").principal()).isTrue();
      assertThat(s.actor("nato").principal()).isFalse();
      assertThat(s.actor("nato").rationality()).isEqualTo(3.0);

      assertThat(s.alliances()).containsExactly(new Alliance("nato-alliance", "NATO",
          List.of("us", "nato"), Alliance.Commitment.CONSULTATION, 0.7, 0.6, 0.1));
      assertThat(s.target("rzeszow")).isEqualTo(
          new Target("rzeszow", "Rzeszow hub", "nato", "PL", "depot", 2, 10, true));

      assertThat(s.packages().get("sanctions"))
          .isEqualTo(new NonKineticPackage("sanctions", 2, 0.5, 1.0, 0.4, 0, 0.3, 0, 0));
      assertThat(s.packages().get("blockade"))
          .isEqualTo(new NonKineticPackage("blockade", 3, 0.5, 0.7, 0.2, 0.01, 0, 0, 0));
      assertThat(s.packages()).hasSize(6);

      assertThat(s.options()).containsExactly(
          new Option("strike-back", "us", "Strike back", -1, Kinetic.PROPORTIONAL, 2, "sanctions",
              List.of("kaliningrad"), 0.5, 3.0),
          new Option("sanction", "us", null, 2, Kinetic.NONE, 1, "blockade", List.of(), 0, 1.0),
          new Option("ru-escalate", "russia", null, 5, Kinetic.MORE, 1, "none", List.of(), 0, 4));
      assertThat(s.goals()).containsExactly(
          new Goal("deterrence", 2, "Deter further attacks."), new Goal("nuclearAvoidance", 3, ""));
      assertThat(s.uncertainties()).hasSize(5);
      assertThat(s.uncertainties().get(0))
          .isEqualTo(new Uncertainty("actors.russia.resolve", "uniform", 0.5, 0.9, Double.NaN));
      assertThat(s.uncertainties().get(2)).isEqualTo(
          new Uncertainty("ladder.rungs.4.inadvertentRisk", "triangular", 0.01, 0.1, 0.05));
    }

    @Test
    void anchorsAndAliasesAreExpanded() throws Exception {
      Scenario s = parse(MIN.replace("    side: initiator\n", """
              side: initiator
              resolve: &r 0.7
              factions: &f
                - {id: hawks, weight: 2}
                - {id: doves, weight: 1}
          """).replace("    side: responder\n", """
              side: responder
              resolve: *r
              factions: *f
          """));
      assertThat(s.actor("blue").resolve()).isEqualTo(0.7);
      assertThat(s.actor("blue").factions()).extracting(Faction::id).containsExactly("hawks", "doves");
    }

    @Test
    void optionValueDefaultsToOneWithoutTargets() throws Exception {
      Scenario s = parse(MIN + """
          options:
            - {id: wait, actor: blue, kinetic: none}
            - {id: hit, actor: blue, rung: 3, targets: [depot, depot]}
          """);
      assertThat(s.options().get(0).value()).isEqualTo(1.0);
      assertThat(s.options().get(0).rung()).isEqualTo(-1);
      // one accounting: the mean of its targets' values, as for the initiating attack
      assertThat(s.options().get(1).value()).isEqualTo(1.0);
      assertThat(s.options().get(1).kinetic()).isEqualTo(Kinetic.NONE);
    }

    @Test
    void validateReturnsNoProblemsForAValidFile() throws Exception {
      assertThat(ScenarioLoader.validate(resource("full.yaml"))).isEmpty();
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
      byte[] body = MIN.getBytes(StandardCharsets.UTF_8);
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xef;
      withBom[1] = (byte) 0xbb;
      withBom[2] = (byte) 0xbf;
      System.arraycopy(body, 0, withBom, 3, body.length);
      assertThat(ScenarioLoader.parse("bom.yaml", withBom).id()).isEqualTo("t");
    }
  }

  @Nested
  class FileLevel {
    @Test
    void emptyFile() {
      assertThat(only("").toString()).isEqualTo("test.yaml: file is empty");
    }

    @Test
    void onlyComments() {
      assertThat(only("# nothing here\n\n").message()).startsWith("file is empty");
    }

    @Test
    void fiftyMegabyteFileFailsFastOnSize(@TempDir Path dir) throws IOException {
      Path big = dir.resolve("big.yaml");
      try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
        f.setLength(50L * 1024 * 1024);
      }
      long start = System.nanoTime();
      ScenarioException e = catchThrowableOfType(ScenarioException.class,
          () -> ScenarioLoader.load(big));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(e.problems()).hasSize(1);
      assertThat(e.getMessage()).startsWith(big.toString() + ": file is too large: 52,428,800 bytes");
      assertThat(millis).isLessThan(2000);
    }

    @Test
    void bytesOverTheLimitAreRefused() {
      Problem p = only(new byte[YamlTree.MAX_BYTES + 1]);
      assertThat(p.message()).contains("too large", "4,194,305");
    }

    @Test
    void invalidUtf8() {
      Problem p = only("id: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(p.toString())
          .isEqualTo("test.yaml: not a UTF-8 text file (invalid byte 0xe9 at offset 7)");
    }

    @Test
    void nulByte() {
      assertThat(only("id: a\0b\n".getBytes(StandardCharsets.UTF_8)).message())
          .isEqualTo("not a UTF-8 text file (invalid byte 0x00 at offset 5)");
    }

    @Test
    void binaryGarbage() {
      byte[] garbage = new byte[4096];
      new Random(20240601L).nextBytes(garbage);
      assertThat(only(garbage).message()).startsWith("not a UTF-8 text file (invalid byte 0x");
    }

    @Test
    void missingFile(@TempDir Path dir) {
      Path missing = dir.resolve("nope.yaml");
      assertThat(ScenarioLoader.validate(missing)).extracting(Problem::toString)
          .containsExactly(missing + ": no such file");
    }

    @Test
    void directory(@TempDir Path dir) {
      assertThat(ScenarioLoader.validate(dir)).extracting(Problem::message)
          .containsExactly("is a directory, not a file");
    }

    @Test
    void resolveNamesTheBuiltins() {
      ScenarioException e = catchThrowableOfType(ScenarioException.class,
          () -> ScenarioLoader.resolve("no-such-scenario"));
      assertThat(e.getMessage()).isEqualTo("no-such-scenario: no such file or built-in scenario"
          + " 'no-such-scenario' (built-ins: rand-a-satellite, rand-b-depot, rand-c-airbases,"
          + " rand-d-ports, ukraine-2022-talks, hist-cuba-1962, hist-ussuri-1969, hist-october-1973,"
          + " hist-kargil-1999, hist-parliament-2001, hist-jet-2015)");
    }

    @Test
    void resolveReadsAPath() throws Exception {
      assertThat(ScenarioLoader.resolve(resource("minimal.yaml").toString()).id())
          .isEqualTo("minimal");
    }
  }

  @Nested
  class Yaml {
    @Test
    void malformed() {
      Problem p = only("id: [a\nname: b\n");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).startsWith("malformed YAML: expected ',' or ']'");
    }

    @Test
    void truncatedFile() throws Exception {
      byte[] full = Files.readAllBytes(resource("full.yaml"));
      byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
      assertThat(problems(half)).extracting(Problem::message)
          .contains("missing required key 'initiatingEvent'");
      Problem p = only(MIN.substring(0, MIN.indexOf("{level: 2") + 12));
      assertAt(p, 8, 19, "", "malformed YAML", "flow mapping");
    }

    @Test
    void tabIndentation() {
      Problem p = only("id: a\n\tname: b\n");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).contains("TAB");
    }

    @Test
    void duplicateKeys() {
      List<Problem> ps = problems(MIN.replace("    side: responder\n",
          "    side: responder\n    id: blue2\n"));
      assertThat(ps).hasSize(1);
      assertAt(ps.get(0), 17, 5, "actors[1].id", "duplicate key 'id' (first at line 15)");
    }

    @Test
    void multipleDocuments() {
      assertAt(only(MIN + "---\nid: other\n"), 25, 1, "", "only one YAML document");
    }

    @Test
    void billionLaughs() {
      StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
          + "\"lol\",\"lol\",\"lol\"]\n");
      for (char c = 'b'; c <= 'i'; c++) {
        char prev = (char) (c - 1);
        y.append(c).append(": &").append(c).append(" [");
        for (int i = 0; i < 9; i++) {
          y.append(i == 0 ? "" : ",").append('*').append(prev);
        }
        y.append("]\n");
      }
      long start = System.nanoTime();
      Problem p = only(y.toString());
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
      assertAt(p, 6, 8, "f[0]", "too many aliases");
    }

    @Test
    void unknownAlias() {
      assertAt(only("id: *nope\n"), 1, 5, "id", "alias *nope refers to no anchor");
    }

    @Test
    void deepFlowNesting() {
      String deep = "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
      assertAt(only(deep), 1, 53, "", "nested deeper than 50 levels");
    }

    @Test
    void deepBlockNesting() {
      StringBuilder y = new StringBuilder();
      for (int i = 0; i < 80; i++) {
        y.append(" ".repeat(i)).append("k:\n");
      }
      assertThat(only(y.toString()).message()).contains("nested deeper than 50 levels");
    }

    @Test
    void topLevelListIsNotAScenario() {
      assertAt(only("- a\n- b\n"), 1, 1, "", "must be a mapping", "found a list");
    }

    @Test
    void infinityAndNanAreRefusedOutsideRationality() {
      List<Problem> ps = problems(withActorKeys("    resolve: .nan\n    painThreshold: 1e400\n"));
      assertThat(ps).hasSize(2);
      assertAt(ps.get(0), 17, 5, "actors[1].resolve", ".nan is not allowed here");
      assertAt(ps.get(1), 18, 5, "actors[1].painThreshold", "1e400 is not allowed here");
    }
  }

  @Nested
  class HostileStrings {
    @Test
    void veryLongKeyIsShortenedInTheMessage() {
      String key = "k".repeat(100_000);
      List<Problem> ps = problems(MIN + "? \"" + key + "\"\n: 1\n");
      assertThat(ps).hasSize(1);
      assertThat(ps.get(0).message()).startsWith("unknown key 'kkkk").contains("100000 characters");
      assertThat(ps.get(0).toString().length()).isLessThan(400);
    }

    @Test
    void veryLongPlainKeyIsMalformed() {
      Problem p = only("k".repeat(5000) + ": 1\n");
      assertThat(p.message()).startsWith("malformed YAML");
      assertThat(p.toString().length()).isLessThan(400);
    }

    @Test
    void rawControlCharacter() {
      assertAt(only(MIN.replace("id: t\n", "id: t\nname: a\u0007b\n")), 2, 8, "",
          "control character U+0007 is not allowed");
    }

    @Test
    void escapedControlCharactersAreShownEscaped() {
      List<Problem> ps = problems(MIN + "\"evil\\e[31m\\x07\": 1\n");
      assertThat(ps).hasSize(1);
      assertAt(ps.get(0), 24, 1, "[\"evil\\u001b[31m\\u0007\"]",
          "unknown key 'evil\\u001b[31m\\u0007'");
      assertThat(ps.get(0).toString()).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void hostileValueInAnEnum() {
      Problem p = only(withActorKeys("    policy: \"hawk\\r\\nrm -rf\"\n"));
      assertAt(p, 17, 5, "actors[1].policy", "\"hawk\\u000d\\nrm -rf\" is not one of:");
    }
  }

  @Nested
  class Schema {
    @Test
    void outOfRange() {
      Problem p = only(withActorKeys("    resolve: 1.7\n"));
      assertThat(p.toString()).isEqualTo(
          "test.yaml:17:5: actors[1].resolve: 1.7 is above the maximum 1.0");
    }

    @Test
    void belowMinimumAndExclusiveMinimum() {
      List<Problem> ps = problems(withActorKeys(
          "    painThreshold: -1\n    factions: [{id: f, weight: 0}]\n"));
      assertThat(ps).hasSize(2);
      assertAt(ps.get(0), 17, 5, "actors[1].painThreshold", "-1 is below the minimum 0");
      assertAt(ps.get(1), 18, 24, "actors[1].factions[0].weight", "0 must be greater than 0");
    }

    @Test
    void wrongTypes() {
      List<Problem> ps = problems(MIN.replace("id: t\n", "id: t\nhorizon: many\nillustrative: yes\n")
          .replace("rung: 3", "rung: [3]"));
      assertThat(ps).hasSize(3);
      assertAt(ps.get(0), 2, 1, "horizon", "expected an integer, found the string \"many\"");
      assertAt(ps.get(1), 3, 1, "illustrative", "expected a list, found the boolean true");
      assertAt(ps.get(2), 25, 3, "initiatingEvent.rung", "expected an integer, found a list");
    }

    @Test
    void unknownKeysWithSuggestions() {
      List<Problem> ps = problems(MIN.replace("id: t\n", "id: t\nhorizn: 5\nfoo: 1\n"));
      assertThat(ps).hasSize(2);
      assertAt(ps.get(0), 2, 1, "horizn", "unknown key 'horizn' (did you mean 'horizon'?)");
      assertThat(ps.get(1).message()).isEqualTo("unknown key 'foo'");
    }

    @Test
    void unknownKeyInsideTheInlineLadder() {
      assertAt(only(MIN.replace("{level: 2, name: c}", "{level: 2, name: c, colour: red}")),
          8, 27, "ladder.rungs[2].colour", "unknown key 'colour'");
    }

    @Test
    void missingRequiredKeys() {
      List<Problem> ps = problems(MIN.replace("    side: responder\n", ""));
      assertThat(ps).hasSize(1);
      assertAt(ps.get(0), 15, 5, "actors[1]", "missing required key 'side'");
    }

    @Test
    void badEnumAndId() {
      List<Problem> ps = problems(MIN.replace("id: t\n", "id: My Scenario\nstopAt: never\n"));
      assertAt(ps.get(0), 1, 1, "id", "\"My Scenario\" is not a valid id");
      assertAt(ps.get(1), 2, 1, "stopAt", "\"never\" is not one of: nuclear, strategic");
    }

    @Test
    void rationalityMustBeANumberOrBest() {
      assertAt(only(withActorKeys("    rationality: worst\n")), 17, 5, "actors[1].rationality",
          "\"worst\"", "\"best\"");
      assertAt(only(withActorKeys("    rationality: -1\n")), 17, 5, "actors[1].rationality",
          "-1 is below the minimum 0");
    }

    @Test
    void tooFewActors() {
      String one = MIN.replace("  - id: blue\n    side: responder\n", "");
      assertThat(problems(one)).extracting(Problem::toString)
          .contains("test.yaml:12:1: actors: needs at least 2 entries, has 1");
    }

    @Test
    void allSchemaErrorsAreReportedInLineOrder() {
      List<Problem> ps = problems(MIN.replace("horizon", "x")
          .replace("    side: initiator\n", "    side: initiator\n    resolve: 2\n")
          .replace("id: t\n", "id: t\nhorizon: 0\n"));
      assertThat(ps).extracting(Problem::line).containsExactly(2, 16);
    }
  }

  @Nested
  class References {
    @Test
    void duplicateIds() {
      List<Problem> ps = problems(MIN.replace("  - id: blue\n", "  - id: red\n")
          .replace("    side: initiator\n",
              "    side: initiator\n    factions: [{id: f, weight: 1}, {id: f, weight: 2}]\n")
          + """
          alliances:
            - {id: al, members: [red]}
            - {id: al, members: [red]}
          options:
            - {id: o, actor: red, rung: 1}
            - {id: o, actor: red, rung: 2}
          goals:
            - {metric: deterrence, weight: 1}
            - {metric: deterrence, weight: 2}
          """);
      assertThat(ps).extracting(Problem::toString).contains(
          "test.yaml:15:37: actors[0].factions[1].id: duplicate faction id 'f' (first at line 15)",
          "test.yaml:16:5: actors[1].id: duplicate actor id 'red' (first at line 13)",
          "test.yaml:27:6: alliances[1].id: duplicate alliance id 'al' (first at line 26)",
          "test.yaml:30:6: options[1].id: duplicate option id 'o' (first at line 29)",
          "test.yaml:33:6: goals[1].metric: duplicate goal metric 'deterrence' (first at line 32)");
    }

    @Test
    void duplicateTargetIds() {
      assertAt(only(MIN.replace("    owner: blue\n", "    owner: blue\n  - {id: depot, owner: red}\n")),
          20, 6, "targets[1].id", "duplicate target id 'depot' (first at line 18)");
    }

    @Test
    void danglingReferences() {
      List<Problem> ps = problems(MIN.replace("owner: blue", "owner: purple")
          .replace("attacker: red", "attacker: green")
          .replace("targets: [depot]", "targets: [depot, silo]") + """
          alliances:
            - {id: al, members: [blue, grey]}
          options:
            - {id: o1, actor: nobody, rung: 1}
            - {id: o2, actor: blue, kinetic: less, targets: [moon], nonKinetic: magic}
          """);
      assertThat(ps).extracting(Problem::toString).containsExactly(
          "test.yaml:19:5: targets[0].owner: unknown actor 'purple' (known: 'red', 'blue')",
          "test.yaml:21:3: initiatingEvent.attacker: unknown actor 'green' (known: 'red', 'blue')",
          "test.yaml:22:20: initiatingEvent.targets[1]: unknown target 'silo' (known: 'depot')",
          "test.yaml:25:30: alliances[0].members[1]: unknown actor 'grey' (known: 'red', 'blue')",
          "test.yaml:27:14: options[0].actor: unknown actor 'nobody' (known: 'red', 'blue')",
          "test.yaml:28:52: options[1].targets[0]: unknown target 'moon' (known: 'depot')",
          "test.yaml:28:59: options[1].nonKinetic: unknown package 'magic' (known: 'none',"
              + " 'sanctions', 'isolation', 'aidSurge', 'cyber')");
    }

    @Test
    void scriptOptionsMustBeTheActorsOwn() {
      List<Problem> ps = problems(withActorKeys(
          "    policy: scripted\n    script: [1, \"+1\", hold, mine, theirs, nothing, 9]\n") + """
          options:
            - {id: mine, actor: blue, rung: 2}
            - {id: theirs, actor: red, rung: 2}
          """);
      assertThat(ps).extracting(Problem::toString).containsExactly(
          "test.yaml:18:35: actors[1].script[4]: option 'theirs' belongs to 'red', not to 'blue'",
          "test.yaml:18:43: actors[1].script[5]: unknown option 'nothing': a script step is a"
              + " rung, \"+k\", \"-k\", hold, deescalate or one of the actor's option ids,"
              + " optionally followed by 'if >= N'",
          "test.yaml:18:52: actors[1].script[6]: rung 9 is not a rung of the ladder (0..5)");
    }

    @Test
    void scriptedPolicyNeedsAScript() {
      assertAt(only(withActorKeys("    policy: scripted\n")), 17, 5, "actors[1].policy",
          "a scripted policy needs a non-empty script");
    }

    @Test
    void principals() {
      String three = MIN.replace("    side: responder\n", """
              side: responder
            - id: green
              side: responder
          """);
      assertThat(problems(three)).extracting(Problem::toString).containsExactly(
          "test.yaml:12:1: actors: no principal on the responder side: mark exactly one of its"
              + " actors with 'principal: true'");
      String two = three.replace("    side: responder\n", "    side: responder\n    principal: true\n");
      assertThat(problems(two)).extracting(Problem::toString).containsExactly(
          "test.yaml:20:5: actors[2].principal: a second principal on the responder side (the"
              + " first is 'blue'): each side has exactly one");
      assertThat(problems(MIN.replace("side: initiator", "side: responder")))
          .extracting(Problem::message)
          .contains("no actor on the initiator side: each side needs at least one");
    }

    @Test
    void attackerMustBeTheInitiatorPrincipal() {
      assertAt(only(MIN.replace("attacker: red", "attacker: blue")), 21, 3,
          "initiatingEvent.attacker", "'blue' is not the principal of the initiator side ('red' is)");
    }

    @Test
    void initiatingRungMustBeAboveTheBaseline() {
      assertAt(only(MIN.replace("  rung: 3", "  rung: 0")), 23, 3, "initiatingEvent.rung",
          "rung 0 is not above the ladder's baseline 0");
    }

    @Test
    void rungsMustBeOnTheLadder() {
      List<Problem> ps = problems(MIN + """
          packages:
            blockade: {rung: 6}
          options:
            - {id: big, actor: blue, rung: 6}
          """);
      assertThat(ps).extracting(Problem::toString).containsExactly(
          "test.yaml:25:14: packages.blockade.rung: rung 6 is not a rung of the ladder (0..5)",
          "test.yaml:27:28: options[0].rung: rung 6 is not a rung of the ladder (0..5)");
    }

    @Test
    void optionNeedsRungOrKinetic() {
      assertAt(only(MIN + "options:\n  - {id: o, actor: red, nonKinetic: cyber}\n"), 25, 5,
          "options[0]", "option 'o' needs a 'rung' or a 'kinetic' level");
    }

    @Test
    void unknownBuiltinLadder() {
      String yaml = MIN.replaceAll("(?s)ladder:.*?actors:", "ladder: kahn-45\nactors:");
      assertAt(only(yaml), 2, 1, "ladder", "unknown ladder 'kahn-45' (built-ins: kahn-44,"
          + " nato-russia-2022");
    }
  }

  @Nested
  class LadderChecks {
    @Test
    void thresholdsMustBeOrdered() {
      List<Problem> ps = problems(MIN.replace("{directWar: 3, nuclear: 4, strategic: 5}",
          "{directWar: 0, nuclear: 5, strategic: 4}"));
      assertThat(ps).extracting(Problem::toString).containsExactly(
          "test.yaml:4:16: ladder.thresholds.directWar: directWar 0 must be above the baseline 0",
          "test.yaml:4:42: ladder.thresholds.strategic: strategic 4 must be at or above nuclear 5");
    }

    @Test
    void thresholdOffTheLadder() {
      assertAt(only(MIN.replace("strategic: 5", "strategic: 6")), 4, 42,
          "ladder.thresholds.strategic", "strategic 6 is not a rung of the ladder (0..5)");
    }

    @Test
    void levelsMustBeContiguous() {
      assertAt(only(MIN.replace("{level: 2, name: c}", "{level: 7, name: c}")), 8, 8,
          "ladder.rungs[2].level", "level 7 is out of order", "must be level 2");
    }

    @Test
    void ladderFileUsesTheSameChecks() throws Exception {
      String ladder = """
          id: two
          thresholds: {directWar: 1, nuclear: 1, strategic: 1}
          rungs:
            - {level: 0, name: peace}
            - {level: 1, name: war, kind: violent}
          """;
      Ladder l = ScenarioLoader.parseLadder("two.yaml", ladder.getBytes(StandardCharsets.UTF_8));
      assertThat(l.rung(1).kind()).isEqualTo(ActKind.VIOLENT);
      ScenarioException e = catchThrowableOfType(ScenarioException.class,
          () -> ScenarioLoader.parseLadder("two.yaml",
              ladder.replace("kind: violent", "kind: loud").getBytes(StandardCharsets.UTF_8)));
      assertThat(e.getMessage()).isEqualTo("two.yaml:5:27: rungs[1].kind: \"loud\" is not one of:"
          + " statusQuo, posturing, nonViolent, violent, nuclear");
    }

    @Test
    void builtinLadders() {
      assertThat(BuiltinLadders.ids()).containsExactly("kahn-44", "nato-russia-2022", "nuclear-dyad");
      assertThatThrownBy(() -> BuiltinLadders.get("nope"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kahn-44");
      for (String id : BuiltinLadders.ids()) {
        if (ScenarioLoaderTest.class.getClassLoader()
            .getResource("spiral/ladders/" + id + ".yaml") != null) {
          Ladder l = BuiltinLadders.get(id);
          assertThat(l.id()).isEqualTo(id);
          assertThat(BuiltinLadders.get(id)).isSameAs(l);
        }
      }
    }

    @Test
    void builtinScenariosThatExistAreValid() throws Exception {
      for (String name : BuiltinScenarios.names()) {
        try (InputStream in = ScenarioLoaderTest.class.getClassLoader()
            .getResourceAsStream("spiral/scenarios/" + name + ".yaml")) {
          if (in != null) {
            assertThat(ScenarioLoader.resolve(name).id()).isNotEmpty();
          } else {
            assertThat(BuiltinScenarios.read(name)).isEmpty();
          }
        }
      }
      assertThat(BuiltinScenarios.read("not-a-builtin")).isEmpty();
    }
  }

  @Nested
  class Uncertainties {
    @Test
    void pathsMustNameAParameter() {
      List<Problem> ps = problems(MIN + """
          uncertainties:
            - {parameter: actors.red.resolv, distribution: uniform, min: 0, max: 1}
            - {parameter: actors.green.resolve, distribution: uniform, min: 0, max: 1}
            - {parameter: actors.red.factions.army.risk, distribution: uniform, min: 0, max: 1}
            - {parameter: ladder.rungs.9.damage, distribution: uniform, min: 0, max: 1}
            - {parameter: packages.cyber.rung, distribution: uniform, min: 0, max: 1}
            - {parameter: weather, distribution: uniform, min: 0, max: 1}
            - {parameter: actors.red.factions.leadership.risk, distribution: uniform, min: 0, max: 1}
            - {parameter: actors.blue.perception.noise, distribution: uniform, min: 0, max: 1}
            - {parameter: targets.depot.value, distribution: uniform, min: 0, max: 1}
            - {parameter: model.rho, distribution: uniform, min: 1, max: 2}
            - {parameter: leverage.decay, distribution: uniform, min: 0, max: 1}
            - {parameter: ladder.rungs.5.damage, distribution: uniform, min: 0, max: 1}
          """);
      assertThat(ps).extracting(Problem::line).containsExactly(25, 26, 27, 28, 29, 30);
      assertThat(ps).extracting(Problem::column).containsOnly(6);
      assertThat(ps).extracting(Problem::message).containsExactly(
          "\"actors.red.resolv\" does not name a numeric parameter: 'resolv' is not one of:"
              + " costWeight, credibility, credibilityWeight, painThreshold, punishmentWeight, rationality,"
              + " resolve, riskAversion",
          "\"actors.green.resolve\" does not name a numeric parameter: no actor 'green'",
          "\"actors.red.factions.army.risk\" does not name a numeric parameter: actor 'red' has"
              + " no faction 'army'",
          "\"ladder.rungs.9.damage\" does not name a numeric parameter: no rung '9' (the ladder"
              + " has 0..5)",
          "\"packages.cyber.rung\" does not name a numeric parameter: 'rung' is not one of:"
              + " cost, credibility, inadvertentRisk, leverage, opponentCostRate, opponentSupport,"
              + " punishment",
          "\"weather\" does not name a numeric parameter: it must start with actors, alliances,"
              + " targets, packages, model, talks, leverage or ladder");
    }

    @Test
    void distributionParametersMustBeConsistent() {
      List<Problem> ps = problems(MIN + """
          uncertainties:
            - {parameter: model.rho, distribution: uniform, min: 2, max: 1}
            - {parameter: model.rho, distribution: triangular, min: 1, mode: 3, max: 2}
            - {parameter: model.rho, distribution: normal, mean: 2}
            - {parameter: model.rho, distribution: uniform, min: 1, max: 2, sd: 1}
          """);
      assertThat(ps).extracting(Problem::toString).containsExactly(
          "test.yaml:25:59: uncertainties[0].max: max 1 must be greater than min 2",
          "test.yaml:26:62: uncertainties[1].mode: mode 3 must lie between min 1 and max 2",
          "test.yaml:27:5: uncertainties[2]: a normal distribution needs 'sd'",
          "test.yaml:28:67: uncertainties[3].sd: a uniform distribution has no 'sd' (it takes"
              + " min, max)");
      assertAt(only(MIN + "uncertainties:\n  - {parameter: model.rho, distribution: normal,"
          + " mean: 2, sd: 0}\n"), 25, 59, "uncertainties[0].sd", "0 must be greater than 0");
    }
  }

  @Test
  void problemToStringLeavesOutUnknownParts() {
    assertThat(new Problem("a.yaml", 41, 7, "actors[2].resolve", "m").toString())
        .isEqualTo("a.yaml:41:7: actors[2].resolve: m");
    assertThat(new Problem("a.yaml", 3, 0, "", "m").toString()).isEqualTo("a.yaml:3: m");
    assertThat(new Problem("a.yaml", 0, 5, "x", "m").toString()).isEqualTo("a.yaml: x: m");
    assertThat(new Problem("", 0, 0, "", "m").toString()).isEqualTo("m");
  }

  @Test
  void exceptionMessageListsProblemsOnePerLine() {
    ScenarioException e = new ScenarioException(
        List.of(Problem.ofFile("a", "one"), Problem.ofFile("a", "two")));
    assertThat(e.getMessage()).isEqualTo("a: one\na: two");
  }
}
