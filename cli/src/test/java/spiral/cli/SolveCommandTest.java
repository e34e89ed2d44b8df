package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.game.Rational;

/** {@code spiral solve} as a black box. */
class SolveCommandTest {
  static final String BATTLE =
      "NFG 1 R \"Battle of the sexes\" { \"A\" \"B\" }\n"
          + "{ { \"Opera\" \"Football\" } { \"Opera\" \"Football\" } }\n\"\"\n"
          + "2 1 0 0 0 0 1 2\n";
  static final String TREE =
      "EFG 2 R \"Entry\" { \"Entrant\" \"Incumbent\" } \"\"\n"
          + "p \"\" 1 1 \"\" { \"In\" \"Out\" } 0\n"
          + "p \"\" 2 1 \"\" { \"Fight\" \"Accommodate\" } 0\n"
          + "t \"\" 1 \"\" { -1, -1 }\n"
          + "t \"\" 2 \"\" { 1, 1 }\n"
          + "t \"\" 3 \"\" { 0, 2 }\n";

  @TempDir Path dir;

  Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void gambitLinesForBothMethods() throws Exception {
    Path f = file("battle.nfg", BATTLE);
    Cli r = Cli.run("solve", f.toString(), "--method", "enummixed");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactlyInAnyOrder("NE,1,0,1,0", "NE,0,1,0,1", "NE,2/3,1/3,1/3,2/3");
    r = Cli.run("solve", f.toString());
    assertThat(r.out().lines()).containsExactlyInAnyOrder("NE,1,0,1,0", "NE,0,1,0,1");
    r = Cli.run("solve", f.toString(), "--method", "enummixed", "--decimals", "4");
    assertThat(r.out().lines()).contains("NE,0.6667,0.3333,0.3333,0.6667");
  }

  @Test
  void treesAndJson() throws Exception {
    Path f = file("entry.efg", TREE);
    Cli r = Cli.run("solve", f.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Output.JSON.readTree(r.out());
    assertThat(j.get("method").asText()).isEqualTo("enumpure");
    assertThat(j.get("spiral").asText()).isEqualTo(spiral.Version.get());
    assertThat(j.get("equilibria")).hasSize(2);
    assertThat(j.get("equilibria").get(0).get("payoffs")).hasSize(2);
    assertThat(r.out()).contains("\"1\"").contains("\"2\"");
    r = Cli.run("solve", f.toString());
    assertThat(r.out().lines()).containsExactlyInAnyOrder("NE,1,0,0,1", "NE,0,1,1,0");
    r = Cli.run("solve", f.toString(), "--method", "enummixed");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).contains("NE,1,0,0,1", "NE,0,1,1,0");
  }

  @Test
  void liapIsSeeded() throws Exception {
    Path f = file("battle.nfg", BATTLE);
    Cli r = Cli.run("solve", f.toString(), "--method", "liap");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).isNotEmpty()
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){4}"));
    assertThat(Cli.run("solve", f.toString(), "--method", "liap").out()).isEqualTo(r.out());
    r = Cli.run("solve", f.toString(), "--method", "liap", "--seed", "9", "--starts", "3",
        "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Output.JSON.readTree(r.out()).get("equilibria").size()).isBetween(1, 3);
    r = Cli.run("solve", f.toString(), "--method", "lcp", "--seed", "9");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("solve", f.toString(), "--method", "liap", "--starts", "0");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("solve", file("entry.efg", TREE).toString(), "--method", "liap");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).isNotEmpty()
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){4}"));
  }

  /** The hand-checked tree of the core tests: (L, r) is its one isolated equilibrium. */
  static final String HAND = spiral.game.TestTrees.HAND;

  @Test
  void enumpolyAndLiapOnTreesPrintBehaviourProfiles() throws Exception {
    Path t = file("entry.efg", TREE);
    Cli r = Cli.run("solve", t.toString(), "--method", "enumpoly");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactlyInAnyOrder("NE,1,0,0,1", "NE,0,1,1,0");
    Path h = file("hand.efg", HAND);
    r = Cli.run("solve", h.toString(), "--method", "enumpoly");
    assertThat(r.out().lines()).containsExactly("NE,1,0,0,0,0,1");
    r = Cli.run("solve", h.toString(), "--method", "enumpoly", "-S");
    assertThat(r.out().lines()).containsExactly("NE,1,0,0,0,1");
    r = Cli.run("solve", h.toString(), "--method", "enumpoly", "--format", "json");
    assertThat(Output.JSON.readTree(r.out()).get("equilibria").get(0).get("payoffs").toString())
        .isEqualTo("[\"2\",\"0\"]");
    r = Cli.run("solve", h.toString(), "--method", "liap", "--starts", "5", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){6}"));
    spiral.game.ExtensiveGame g =
        (spiral.game.ExtensiveGame) spiral.game.GameReader.read(h);
    for (String l : lines) {
      List<Rational> p = java.util.stream.Stream.of(l.substring(3).split(","))
          .map(Rational::parse).toList();
      // regret on the tree within the bound, allowing for the 6-decimal rounding
      assertThat(spiral.game.EquilibriumChecker.maxRegret(g, p))
          .isLessThanOrEqualTo(Rational.of(1, 1000));
    }
    r = Cli.run("solve", h.toString(), "--method", "liap", "-S", "--starts", "2");
    assertThat(r.out().lines().toList()).allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){5}"));
    Path forget = file("forget.efg", "EFG 2 R \"forget\" { \"1\" \"2\" } \"\"\n"
        + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 1 \"\" { 1, 0 }\nt \"\" 2 \"\" { 0, 1 }\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 3 \"\" { 0, 1 }\nt \"\" 4 \"\" { 1, 0 }\n");
    for (String m : List.of("enumpoly", "liap")) {
      r = Cli.run("solve", forget.toString(), "--method", m);
      assertThat(r.code()).as(m).isEqualTo(2);
      assertThat(r.err()).contains("imperfect recall");
    }
    r = Cli.run("solve", h.toString(), "--method", "liap", "-D");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Behavior profile for player 1:\n")
        .contains("Behavior profile for player 2:\n", "Infoset    Node       Belief        Prob\n");
  }

  @Test
  void gnm() throws Exception {
    Path f = file("battle.nfg", BATTLE);
    Cli r = Cli.run("solve", f.toString(), "--method", "gnm");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(3)
        .contains("NE,0.666667,0.333333,0.333333,0.666667");
    r = Cli.run("solve", f.toString(), "--method", "gnm", "--format", "json", "--seed", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Output.JSON.readTree(r.out()).get("equilibria").size()).isOdd();
  }

  /** McKelvey and McLennan's 2x2x2 game, whose logit branch meets a bifurcation at 0.597. */
  static final String MCKELVEY =
      "NFG 1 R \"2x2x2\" { \"1\" \"2\" \"3\" } { 2 2 2 }\n"
          + "9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 3 4 6 0 0 0\n";

  @Test
  void logitStopsAtABifurcationAsGambitDoesAndCrossesItWhenAsked() throws Exception {
    Path f = file("mckelvey.nfg", MCKELVEY);
    Cli r = Cli.run("solve", f.toString(), "--method", "logit");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("NE,0.5,0.5,0.5,0.5,0.574046,0.425954\n");
    assertThat(r.err())
        .contains("gave up at lambda 0.596755 (the step size fell below its minimum)")
        .contains("not an equilibrium")
        .contains("--cross-bifurcations crosses it");
    r = Cli.run("solve", f.toString(), "--method", "logit", "--format", "json");
    assertThat(Output.JSON.readTree(r.out()).get("logit").get("converged").asBoolean()).isFalse();
    r = Cli.run("solve", f.toString(), "--method", "logit", "--cross-bifurcations");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("NE,").isNotEqualTo("NE,0.5,0.5,0.5,0.5,0.574046,0.425954\n");
    r = Cli.run("solve", f.toString(), "--method", "logit", "--cross-bifurcations", "--format",
        "json");
    assertThat(Output.JSON.readTree(r.out()).get("logit").get("converged").asBoolean()).isTrue();
    r = Cli.run("solve", f.toString(), "--method", "lcp", "--cross-bifurcations");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--cross-bifurcations applies to --method logit only");
  }

  @Test
  void ipa() throws Exception {
    Path f = file("battle.nfg", BATTLE);
    Cli r = Cli.run("solve", f.toString(), "--method", "ipa");
    assertThat(r.code()).as(r.err()).isZero();
    // one line per perturbation, 6 decimals; a two-player game is solved exactly
    assertThat(r.out().lines().toList()).hasSize(1)
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){4}"));
    assertThat(Cli.run("solve", f.toString(), "--method", "ipa").out()).isEqualTo(r.out());
    r = Cli.run("solve", f.toString(), "--method", "ipa", "--starts", "6", "--seed", "2",
        "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode eqs = Output.JSON.readTree(r.out()).get("equilibria");
    assertThat(eqs).hasSize(6);
    for (JsonNode e : eqs) {
      List<Rational> p = new java.util.ArrayList<>();
      e.get("profile").forEach(x -> p.add(Rational.parse(x.asText())));
      assertThat(List.of(
          List.of(Rational.ONE, Rational.ZERO, Rational.ONE, Rational.ZERO),
          List.of(Rational.ZERO, Rational.ONE, Rational.ZERO, Rational.ONE),
          List.of(Rational.of(2, 3), Rational.of(1, 3), Rational.of(1, 3), Rational.of(2, 3))))
          .contains(p);
    }
    // three players: the only equilibrium, everyone mixing half and half
    r = Cli.run("solve", file("3p.nfg", THREE_PLAYER).toString(), "--method", "ipa",
        "--starts", "3", "-d", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(3)
        .allMatch(l -> l.equals("NE,0.5000,0.5000,0.5000,0.5000,0.5000,0.5000"));
    // a tree: its reduced strategic form
    r = Cli.run("solve", file("entry.efg", TREE).toString(), "--method", "ipa");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("NE,");
    r = Cli.run("solve", f.toString(), "--method", "ipa", "--starts", "0");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("solve", f.toString(), "--method", "lcp", "--seed", "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("liap, gnm and ipa");
  }

  @Test
  void speAndLogit() throws Exception {
    Path tree = file("entry.efg", TREE);
    Cli r = Cli.run("solve", tree.toString(), "--method", "spe");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly("NE,1,0,0,1");
    r = Cli.run("solve", tree.toString(), "--method", "logit");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(1);
    assertThat(GambitToolTest.near(r.out().strip(), 1, 0, 0, 1)).isTrue();
    r = Cli.run("solve", tree.toString(), "--method", "logit", "--path");
    assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("0.000000,0.5,0.5,0.5,0.5");
    r = Cli.run("solve", tree.toString(), "--method", "logit", "--format", "json", "-d", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Output.JSON.readTree(r.out()).get("equilibria").get(0).get("beliefs"))
        .isNotNull();
    Path f = file("battle.nfg", BATTLE);
    r = Cli.run("solve", f.toString(), "--method", "spe");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("solve", f.toString(), "--method", "logit");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("NE,");
    r = Cli.run("solve", f.toString(), "--method", "logit", "--path");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("0.000000,0.5,0.5,0.5,0.5");
    r = Cli.run("solve", f.toString(), "--method", "logit", "--path", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Output.JSON.readTree(r.out());
    assertThat(j.get("path").size()).isGreaterThan(2);
    assertThat(j.get("path").get(0).get("lambda").asDouble()).isZero();
    assertThat(j.get("equilibria")).hasSize(1);
    r = Cli.run("solve", f.toString(), "--path");
    assertThat(r.code()).isEqualTo(2);
  }

  /** A skewed rock-paper-scissors: the logit branch ends at its fully mixed equilibrium. */
  static final String RPS =
      "NFG 1 R \"skewed rock-paper-scissors\" { \"1\" \"2\" } { 3 3 }\n\n"
          + "0 0 1 -1 -1 1 -1 1 0 0 1 -1 2 -2 -1 1 0 0\n";

  /** The lambda of each 'lambda,probabilities' line of a logit path. */
  private static List<Double> lambdas(Cli r) {
    return r.out().lines().filter(l -> !l.startsWith("NE,"))
        .map(l -> Double.parseDouble(l.substring(0, l.indexOf(',')))).toList();
  }

  @Test
  void logitTakesGambitsTracingControlsOnAStrategicGame() throws Exception {
    String f = file("rps.nfg", RPS).toString();
    Cli base = Cli.run("solve", f, "--method", "logit", "--path");
    assertThat(base.code()).as(base.err()).isZero();
    List<Double> path = lambdas(base);
    assertThat(path.get(0)).isZero();
    // Gambit's defaults spelt out give the same lines
    Cli same = Cli.run("solve", f, "--method", "logit", "--path", "-s", "0.03", "-a", "1.1",
        "-m", "1e-8");
    assertThat(same.out()).isEqualTo(base.out());
    // a smaller first step or acceleration: more points; a larger one: fewer
    assertThat(lambdas(Cli.run("solve", f, "--method", "logit", "--path", "-s", "0.003")))
        .hasSizeGreaterThan(path.size());
    assertThat(lambdas(Cli.run("solve", f, "--method", "logit", "--path", "--accel", "1.02")))
        .hasSizeGreaterThan(path.size());
    assertThat(lambdas(Cli.run("solve", f, "--method", "logit", "--path", "--step", "0.3")))
        .hasSizeLessThan(path.size());
    // a looser regret bound ends the branch at a smaller lambda, with the regret it allows
    double end = path.get(path.size() - 1);
    for (String m : List.of("1e-6", "1e-4")) {
      Cli loose = Cli.run("solve", f, "--method", "logit", "--path", "-m", m);
      assertThat(loose.code()).as(loose.err()).isZero();
      List<Double> l = lambdas(loose);
      assertThat(l.get(l.size() - 1)).isLessThan(end);
      end = l.get(l.size() - 1);
      String ne = loose.out().lines().filter(x -> x.startsWith("NE,")).findFirst().orElseThrow();
      // the only equilibrium: 1/4, 5/12, 1/3 (rows) and 1/3, 5/12, 1/4 (columns)
      double[] eq = {0.25, 5 / 12.0, 1 / 3.0, 1 / 3.0, 5 / 12.0, 0.25};
      String[] p = ne.substring(3).split(",");
      for (int k = 0; k < eq.length; k++) {
        assertThat(Double.parseDouble(p[k])).isCloseTo(eq[k], within(100 * Double.parseDouble(m)));
      }
    }
    // -e (the end point only) is the last line of the path
    Cli e = Cli.run("solve", f, "--method", "logit", "-e", "-s", "0.003");
    List<String> lines = Cli.run("solve", f, "--method", "logit", "--path", "-s", "0.003")
        .out().lines().toList();
    assertThat(e.out()).isEqualTo(lines.get(lines.size() - 1) + "\n");
    // JSON keeps the path's points
    Cli j = Cli.run("solve", f, "--method", "logit", "--path", "-s", "0.3", "--format", "json");
    assertThat(Output.JSON.readTree(j.out()).get("path").size())
        .isEqualTo(lambdas(Cli.run("solve", f, "--method", "logit", "--path", "-s", "0.3")).size());
  }

  @Test
  void badTracingControlsExitTwo() throws Exception {
    String f = file("rps.nfg", RPS).toString();
    String[][] bad = {
      {"-s", "0", "-s (first step) must be a number above 0, got 0.0"},
      {"-s", "-1", "-s (first step) must be a number above 0"},
      {"-a", "0.5", "-a (maximal acceleration) must be a number above 1, got 0.5"},
      {"-a", "1", "-a (maximal acceleration) must be a number above 1"},
      {"-m", "-1e-8", "-m (maximal regret, relative to the payoff range) must be a number above 0"},
      {"-m", "0", "-m (maximal regret"},
      {"-s", "Infinity", "-s (first step)"},
    };
    for (String[] b : bad) {
      for (String game : List.of(f, file("entry.efg", TREE).toString())) {
        Cli r = Cli.run("solve", game, "--method", "logit", b[0], b[1]);
        assertThat(r.code()).as(b[0] + " " + b[1]).isEqualTo(2);
        assertThat(r.err()).as(b[0] + " " + b[1]).contains(b[2]).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
      }
    }
    Cli r = Cli.run("solve", f, "--method", "logit", "-s", "abc");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("solve", f, "--method", "enumpure", "-m", "1e-4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("apply to --method logit only");
  }

  /** Jordan's cyclic pennies: the only equilibrium has every player mixing half and half. */
  static final String THREE_PLAYER =
      "NFG 1 R \"Cyclic pennies\" { \"1\" \"2\" \"3\" } { 2 2 2 }\n\n"
          + "1 1 0 0 1 1 0 0 0 1 0 1 1 0 1 0 0 0 0 1 1 1 1 0\n";

  @Test
  void simpdivOnAThreePlayerGame() throws Exception {
    Path f = file("3player.nfg", THREE_PLAYER);
    Cli r = Cli.run("solve", f.toString(), "--method", "simpdiv");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(1);
    String[] p = lines.get(0).split(",");
    assertThat(p[0]).isEqualTo("NE");
    assertThat(p).hasSize(7);
    for (int k = 1; k < p.length; k++) {
      // regret at most 1e-8 of the payoff range 1 puts each probability within about 2e-8 of 1/2
      assertThat(Rational.parse(p[k]).doubleValue()).isCloseTo(0.5, within(1e-6));
    }
    r = Cli.run("solve", f.toString(), "--method", "simpdiv", "--epsilon", "1/100", "--grid",
        "5", "--decimals", "3", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Output.JSON.readTree(r.out());
    assertThat(j.get("method").asText()).isEqualTo("simpdiv");
    assertThat(j.get("equilibria")).hasSize(1);
    assertThat(j.get("equilibria").get(0).get("payoffs")).hasSize(3);
    Path tree = file("entry.efg", TREE);
    r = Cli.run("solve", tree.toString(), "--method", "simpdiv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow().split(",")).hasSize(5);
  }

  @Test
  void simpdivOptionsAreChecked() throws Exception {
    Path f = file("3player.nfg", THREE_PLAYER);
    Cli r = Cli.run("solve", f.toString(), "--method", "simpdiv", "--epsilon", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--epsilon").doesNotContain("Exception");
    r = Cli.run("solve", f.toString(), "--method", "simpdiv", "--epsilon", "tiny");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("tiny");
    r = Cli.run("solve", f.toString(), "--method", "simpdiv", "--grid", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--grid");
    r = Cli.run("solve", f.toString(), "--grid", "4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("simpdiv only");
    r = Cli.run("solve", "--help");
    assertThat(r.out()).contains("simpdiv").contains("--epsilon").contains("--grid");
  }

  @Test
  void readsStandardInput() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(BATTLE.getBytes(StandardCharsets.UTF_8)));
      Cli r = Cli.run("solve", "-", "--method", "enummixed");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out().lines()).hasSize(3);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void gambitFlagsAndNoGameReadsStandardInput() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(BATTLE.getBytes(StandardCharsets.UTF_8)));
      Cli r = Cli.run("solve", "--method", "lcp", "-q", "-d", "2", "-e", "1");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out().lines()).hasSize(1);
      assertThat(r.out()).startsWith("NE,").contains("0.00");
      System.setIn(new ByteArrayInputStream("NFG 1 R \"t\" { \"a\" } { 2 }\n1 x\n"
          .getBytes(StandardCharsets.UTF_8)));
      r = Cli.run("solve");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("<stdin>:2:");
    } finally {
      System.setIn(saved);
    }
    Path tree = file("entry.efg", TREE);
    Cli r = Cli.run("solve", "-S", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactlyInAnyOrder("NE,1,0,0,1", "NE,0,1,1,0");
    r = Cli.run("solve", "-S", "-D", tree.toString());
    assertThat(r.out()).contains("Strategy profile for player 2:");
    r = Cli.run("solve", "--method", "logit", "-e", file("b.nfg", BATTLE).toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("NE,1,");
    assertThat(GambitToolTest.near(r.out().strip(), 1, 0, 1, 0)).as(r.out()).isTrue();
    r = Cli.run("solve", "-V");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("spiral ");
  }

  @Test
  void badFilesGiveFileLineColumnAndExitTwo() throws Exception {
    Path f = file("short.nfg", "NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3\n");
    Cli r = Cli.run("solve", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(f + ":3:1: too few payoffs");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    Path g = file("chance.efg",
        "EFG 2 R \"t\" { \"a\" } \"\"\nc \"\" 1 \"\" { \"x\" 1/2 \"y\" 1/3 } 0\nt \"\" 0\nt \"\" 0\n");
    r = Cli.run("solve", g.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(g + ":2:").contains("sum to 5/6");
    r = Cli.run("solve", dir.resolve("missing.nfg").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
    Path three = file("three.nfg", "NFG 1 R \"t\" { \"a\" \"b\" \"c\" } { 1 1 1 }\n1 2 3\n");
    r = Cli.run("solve", three.toString(), "--method", "enummixed");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("enummixed").contains("two-player");
    r = Cli.run("solve", file("b.nfg", BATTLE).toString(), "--method", "lemke");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void lcpAndLp() throws Exception {
    Path f = file("battle.nfg", BATTLE);
    Cli r = Cli.run("solve", f.toString(), "--method", "lcp");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactlyInAnyOrder("NE,1,0,1,0", "NE,0,1,0,1", "NE,2/3,1/3,1/3,2/3");
    r = Cli.run("solve", f.toString(), "--method", "lp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lp").contains("not a constant-sum game");
    Path pennies =
        file("pennies.nfg", "NFG 1 R \"p\" { \"A\" \"B\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n");
    r = Cli.run("solve", pennies.toString(), "--method", "lp");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly("NE,1/2,1/2,1/2,1/2");
  }

  static final String PENNIES_TREE =
      "EFG 2 R \"Pennies\" { \"1\" \"2\" } \"\"\n"
          + "p \"\" 1 1 \"\" { \"H\" \"T\" } 0\n"
          + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
          + "t \"\" 1 \"\" { 1, -1 }\n"
          + "t \"\" 2 \"\" { -1, 1 }\n"
          + "p \"\" 2 1 \"\" { \"h\" \"t\" } 0\n"
          + "t \"\" 2 \"\" { -1, 1 }\n"
          + "t \"\" 1 \"\" { 1, -1 }\n";

  @Test
  void lcpAndLpOnTrees() throws Exception {
    Path f = file("entry.efg", TREE);
    Cli r = Cli.run("solve", f.toString(), "--method", "lcp");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(1).first().asString().startsWith("NE,");
    assertThat(r.out().lines()).containsAnyOf("NE,1,0,0,1", "NE,0,1,1,0");
    r = Cli.run("solve", f.toString(), "--method", "lp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("entry.efg: lp: not a constant-sum game");
    assertThat(r.err()).doesNotContain("Exception");
    Path p = file("pennies.efg", PENNIES_TREE);
    for (String m : new String[] {"lcp", "lp"}) {
      r = Cli.run("solve", p.toString(), "--method", m);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out().lines()).containsExactly("NE,1/2,1/2,1/2,1/2");
    }
    r = Cli.run("solve", p.toString(), "--method", "lp", "--format", "json", "--decimals", "2");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode e = Output.JSON.readTree(r.out()).get("equilibria").get(0);
    assertThat(e.get("payoffs").get(0).asDouble()).isZero();
    // player 2 does not see the coin: one set of two nodes, each with belief 1/2
    assertThat(e.get("beliefs").get(1).get(0).get(0).asDouble()).isEqualTo(0.5);
    Path three =
        file(
            "three.efg",
            "EFG 2 R \"t\" { \"a\" \"b\" \"c\" } \"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\n"
                + "t \"\" 1 \"\" { 1, 2, 3 }\nt \"\" 2 \"\" { 3, 2, 1 }\n");
    r = Cli.run("solve", three.toString(), "--method", "lcp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lcp").contains("two-player");
  }

  @Test
  void beliefsInJson() throws Exception {
    Path f = file("entry.efg", TREE);
    Cli r = Cli.run("solve", f.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode eqs = Output.JSON.readTree(r.out()).get("equilibria");
    for (JsonNode e : eqs) {
      JsonNode b = e.get("beliefs");
      assertThat(b).hasSize(2);
      assertThat(b.get(0).get(0).get(0).asText()).isEqualTo("1");
      // the incumbent's single node: belief 1 when the entrant comes in, null when it stays out
      boolean in = e.get("profile").get(0).asText().equals("1");
      assertThat(b.get(1).get(0).isNull()).isEqualTo(!in);
    }
    r = Cli.run("solve", file("battle.nfg", BATTLE).toString(), "--format", "json");
    assertThat(Output.JSON.readTree(r.out()).get("equilibria").get(0).has("beliefs")).isFalse();
  }

  @Test
  void timeout() throws Exception {
    Path f = file("entry.efg", TREE);
    Cli r = Cli.run("solve", f.toString(), "--timeout", "0.000000001");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("entry.efg: enumpure: gave up after 0.000000001 s; try --method lcp")
        .doesNotContain("\tat ");
    r = Cli.run("solve", f.toString(), "--timeout", "0");
    assertThat(r.code()).as(r.err()).isZero();
    r = Cli.run("solve", f.toString(), "--timeout", "30", "--method", "spe");
    assertThat(r.code()).as(r.err()).isZero();
    r = Cli.run("solve", f.toString(), "--timeout", "-1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--timeout");
  }

  @Test
  void helpDocumentsTheCommand() {
    Cli r = Cli.run("solve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("enumpure").contains("enummixed").contains("--decimals")
        .contains("lcp").contains("constant-sum").contains("--timeout").contains("sequence form")
        .contains("beliefs").contains("one subgame-perfect equilibrium");
  }
}
