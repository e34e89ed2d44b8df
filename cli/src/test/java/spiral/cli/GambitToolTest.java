package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gambit tools' stand-ins: in-process, and the gambit/ shims through a shell. */
class GambitToolTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run tool(String tool, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        GambitTool.run(tool, args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void optionsAsGetoptReadsThem() {
    Run r = tool("enummixed", SolveCommandTest.BATTLE, "-qd", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines()).containsExactlyInAnyOrder(
        "NE,1.0000,0.0000,1.0000,0.0000", "NE,0.0000,1.0000,0.0000,1.0000",
        "NE,0.6667,0.3333,0.3333,0.6667");
    r = tool("lcp", SolveCommandTest.BATTLE, "-d4", "-e", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.err()).startsWith("Compute Nash equilibria by solving a linear complementarity");
    r = tool("enumpure", SolveCommandTest.BATTLE, "-q", "-D");
    assertThat(r.out()).contains("Strategy profile for player 1:").contains(
        "   Opera             1             2");
  }

  /** A one-card bluffing tree: chance deals, labelled and unlabelled sets and nodes. */
  static final String BLUFF = "EFG 2 R \"One-card bluff\" { \"Dealer\" \"Caller\" }\n\"\"\n"
      + "c \"deal\" 1 \"\" { \"high\" 1/3 \"low\" 2/3 } 0\n"
      + "p \"\" 1 1 \"H\" { \"bet\" \"check\" } 0\n"
      + "p \"\" 2 1 \"\" { \"call\" \"fold\" } 0\n"
      + "t \"\" 1 \"\" { 2, -2 }\nt \"\" 2 \"\" { 1, -1 }\nt \"\" 3 \"\" { 1, -1 }\n"
      + "p \"x\" 1 2 \"L\" { \"bet\" \"check\" } 0\n"
      + "p \"y\" 2 1 \"\" { \"call\" \"fold\" } 0\n"
      + "t \"\" 4 \"\" { -2, 2 }\nt \"\" 5 \"\" { 1, -1 }\nt \"\" 6 \"\" { -1, 1 }\n";

  /**
   * -D on a tree prints Gambit 17's detailed behaviour profile, character for character (the
   * expected texts are what its gambit-lcp and gambit-enumpure printed): each action's
   * probability and value at its set, then each node's belief and realisation probability; a set
   * reached with probability 0 has no value and no belief; nodes numbered in pre-order.
   */
  @Test
  void detailedBehaviourProfilesAsGambit() {
    Run r = tool("lcp", BLUFF, "-q", "-D");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        Behavior profile for player 1:
        Infoset    Action     Prob          Value
        -------    -------    -----------   -----------
              H        bet             1           5/3
              H      check             0             1
              L        bet           1/6            -1
              L      check           5/6            -1

        Infoset    Node       Belief        Prob
        -------    -------    -----------   -----------
              H          2             1           1/3
              L          x             1           2/3

        Behavior profile for player 2:
        Infoset    Action     Prob          Value
        -------    -------    -----------   -----------
              1       call           2/3            -1
              1       fold           1/3            -1

        Infoset    Node       Belief        Prob
        -------    -------    -----------   -----------
              1          3           3/4           1/3
              1          y           1/4           1/9

        """);
    r = tool("lcp", BLUFF, "-q", "-D", "-d", "3");
    assertThat(r.out().lines().toList()).startsWith("Behavior profile for player 1:",
        "Infoset    Action     Prob          Value",
        "-------    -------    -----------   -----------",
        "      H        bet         1.000         1.667",
        "      H      check         0.000         1.000",
        "      L        bet         0.167        -1.000");
    Cli c = Cli.run("solve", "--method", "lcp", "-D", "-d", "3", write("bluff.efg", BLUFF));
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).isEqualTo(r.out());
    // Out, Fight: the incumbent's set is never reached: no value, no belief, probability 0
    r = tool("enumpure", SolveCommandTest.TREE, "-q", "-D");
    assertThat(r.out()).startsWith("""
        Behavior profile for player 1:
        Infoset    Action     Prob          Value
        -------    -------    -----------   -----------
              1         In             0            -1
              1        Out             1             0

        Infoset    Node       Belief        Prob
        -------    -------    -----------   -----------
              1          1             1             1

        Behavior profile for player 2:
        Infoset    Action     Prob          Value
        -------    -------    -----------   -----------
              1      Fight             1   \n\
              1    Accommodate             0   \n\

        Infoset    Node       Belief        Prob
        -------    -------    -----------   -----------
              1          2                           0

        Behavior profile for player 1:
        """);
    assertThat(r.out().split("Behavior profile for player 1:", -1)).hasSize(3);
  }

  /**
   * On every reference tree where Gambit's lcp printed an equilibrium, the -D table of Spiral's
   * lcp proves it one: its probabilities are the profile, and at every set the profile reaches
   * each action played has the highest value there (the values are computed from the profile
   * alone, not by the solver); beliefs at a reached set sum to 1 and are the nodes' realisation
   * probabilities over the set's.
   */
  @Test
  void detailedValuesShowTheReferenceEquilibria() throws Exception {
    Path games = games();
    assumeTrue(games != null, "the shared reference games (shared/games) are absent: skipped");
    List<Path> refs;
    try (var w = Files.walk(games)) {
      refs = w.filter(f -> f.toString().endsWith(".efg.lcp.ne")).sorted().toList();
    }
    int checked = 0;
    for (Path ref : refs) {
      List<String> lines = Files.readAllLines(ref);
      if (lines.isEmpty()) {
        continue;
      }
      String name = ref.toString().substring(0, ref.toString().length() - ".lcp.ne".length());
      Run r = tool("lcp", Files.readString(Path.of(name)), "-q", "-D");
      assertThat(r.code()).as(name + ": " + r.err()).isZero();
      List<spiral.game.Rational> probs = new java.util.ArrayList<>();
      for (String block : r.out().split("\n\n")) {
        List<String> rows = block.lines().toList();
        int head = rows.get(0).startsWith("Behavior profile") ? 3 : 2;
        boolean actions = rows.get(head - 2).startsWith("Infoset    Action");
        java.util.Map<String, List<String[]>> bySet = new java.util.LinkedHashMap<>();
        for (String row : rows.subList(head, rows.size())) {
          // right-aligned numbers in 11 places, 3 spaces apart; a label may hold spaces
          String[] t = row.strip().split("\\s+");
          String last = t[t.length - 1];
          t[0] = row.strip().split(" {4}")[0]; // the set: a label may hold single spaces
          String[] f;
          if (actions) {
            f = row.endsWith("   ") ? new String[] {t[0], null, last, ""}
                : new String[] {t[0], null, t[t.length - 2], last};
          } else {
            int end = row.length() - Math.max(11, last.length()) - 3;
            f = new String[] {t[0], null, row.substring(end - 11, end).strip(), last};
          }
          bySet.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(f);
        }
        for (var e : bySet.entrySet()) {
          List<String[]> set = e.getValue();
          if (actions) {
            spiral.game.Rational best = null;
            for (String[] f : set) {
              probs.add(spiral.game.Rational.parse(f[2]));
              if (!f[3].isEmpty()) {
                spiral.game.Rational v = spiral.game.Rational.parse(f[3]);
                best = best == null ? v : best.max(v);
              }
            }
            for (String[] f : set) {
              if (best != null && spiral.game.Rational.parse(f[2]).signum() > 0) {
                assertThat(spiral.game.Rational.parse(f[3])).as(name + " " + e.getKey())
                    .isEqualTo(best);
              }
            }
          } else if (!set.get(0)[2].isEmpty()) {
            spiral.game.Rational sum = spiral.game.Rational.ZERO;
            spiral.game.Rational reach = spiral.game.Rational.ZERO;
            for (String[] f : set) {
              sum = sum.add(spiral.game.Rational.parse(f[2]));
              reach = reach.add(spiral.game.Rational.parse(f[3]));
            }
            assertThat(sum).as(name + " beliefs at " + e.getKey())
                .isEqualTo(spiral.game.Rational.ONE);
            for (String[] f : set) {
              assertThat(spiral.game.Rational.parse(f[2]).multiply(reach))
                  .isEqualTo(spiral.game.Rational.parse(f[3]));
            }
          }
        }
      }
      assertThat("NE," + String.join(",", probs.stream().map(Object::toString).toList()))
          .as(name).isEqualTo(lines.get(0));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(100);
  }

  /** A 7x7 game of the generated family, with Gambit 17's gambit-lcp lines for -e and -r. */
  static final String SEVEN =
      "NFG 1 R \"family 69\" { \"1\" \"2\" } { 7 7 }\n2 2 2 4 -5 1 -5 -2 -5 8 1 -1 -5 -3 1"
          + " -4 6 9 2 6 1 2 -5 4 7 -1 3 6 3 -8 2 -6 6 -1 6 8 -5 -8 -6 4 -7 -4 4 2 3 5 -4 -3 7"
          + " -9 -4 8 6 -6 8 9 6 9 4 -6 -1 2 2 3 -7 9 -3 -9 1 6 -4 -5 -2 -4 -4 1 1 5 0 -4 -7 1 3"
          + " -3 0 5 -3 -7 8 7 4 5 -3 -6 9 0 2 -7\n";

  @Test
  void lcpStopsAndCutsTheSearchAsGambit() {
    Run r = tool("lcp", SEVEN, "-q", "-e", "2");
    assertThat(r.out().lines()).containsExactly(
        "NE,1,0,0,0,0,0,0,0,0,0,0,1,0,0", "NE,3/10,0,0,0,0,0,7/10,0,0,0,5/9,4/9,0,0");
    r = tool("lcp", SEVEN, "-qr1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "NE,1,0,0,0,0,0,0,0,0,0,0,1,0,0", "NE,0,1/4,0,0,0,3/4,0,0,8/9,1/9,0,0,0,0",
        "NE,0,0,1/3,0,0,2/3,0,0,0,1/13,0,0,0,12/13", "NE,0,0,0,0,0,0,1,0,0,0,1,0,0,0");
    r = tool("lcp", SEVEN, "-q", "-r", "-1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    r = tool("lcp", SEVEN, "-q", "-e", "-3");
    assertThat(r.out().lines()).hasSize(11).startsWith(
        "NE,1,0,0,0,0,0,0,0,0,0,0,1,0,0", "NE,3/10,0,0,0,0,0,7/10,0,0,0,5/9,4/9,0,0",
        "NE,0,0,0,0,0,0,1,0,0,0,1,0,0,0", "NE,0,0,0,0,0,3/8,5/8,0,1/3,0,2/3,0,0,0");
  }

  @Test
  void enumpolyAsGambits() {
    Run r = tool("enumpoly", SolveCommandTest.BATTLE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "NE,1.000000,0.000000,1.000000,0.000000", "NE,0.000000,1.000000,0.000000,1.000000",
        "NE,0.666667,0.333333,0.333333,0.666667");
    r = tool("enumpoly", SolveCommandTest.BATTLE, "-qd2", "-e", "1");
    assertThat(r.out().lines()).containsExactly("NE,1.00,0.00,1.00,0.00");
    r = tool("enumpoly", "NFG 1 R \"x\" { \"A\" \"B\" }\n{ 2 2 }\n1 2 x\n", "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: <stdin>:3:");
    r = tool("enumpoly", "EFG 2 R \"t\" { \"1\" \"2\" }\np \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 1 \"\" { 1, 0 }\nt \"\" 2 \"\" { 0, 1 }\n", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly("NE,1.000000,0.000000");
  }

  /** A refusal is worded as Gambit's tools word it: Gambit's enumpoly prints exactly this line. */
  @Test
  void anImperfectRecallTreeIsRefusedInGambitsWords() {
    String forget = "EFG 2 R \"forget\" { \"1\" \"2\" } \"\"\n"
        + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 1 \"\" { 1, 0 }\nt \"\" 2 \"\" { 0, 1 }\n"
        + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
        + "t \"\" 3 \"\" { 0, 1 }\nt \"\" 4 \"\" { 1, 0 }\n";
    Run r = tool("enumpoly", forget, "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("Error: Computing equilibria of games with imperfect recall is not supported.");
    assertThat(GambitTool.asGambitSays("value for -m must be negative")).isEqualTo("Value for -m must be negative");
  }

  @Test
  void errorsExitOne() {
    Run r = tool("lcp", "NFG 1 R \"x\" { \"A\" }\n{ 2 }\n1 x\n", "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: <stdin>:3:");
    r = tool("lcp", "", "-x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("gambit-lcp: Unknown option `-x'.\n");
    r = tool("lcp", "", "-q", dir.resolve("none.nfg").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).endsWith("none.nfg: No such file or directory\n");
    r = tool("simpdiv", SolveCommandTest.BATTLE, "-q", "-r", "4");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("not implemented");
    r = tool("lcp", SolveCommandTest.THREE_PLAYER, "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: ");
    r = tool("lcp", "", "-h");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Usage: gambit-lcp [OPTIONS] [file]");
  }

  @Test
  void logitPrintsTheBranchAsGambitDoes() {
    Run r = tool("logit", SolveCommandTest.BATTLE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("0.000000,0.5,0.5,0.5,0.5");
    // the symmetric branch meets a pitchfork near lambda 1.37; the tracer, as Gambit's, perturbs
    // its way past it and ends at the pure equilibrium (Opera, Opera), regret below 2e-8
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("NE,1,");
    assertThat(near(last, 1, 0, 1, 0)).as(last).isTrue();
    for (String l : lines) {
      assertThat(l.substring(l.indexOf(','))).doesNotContain("E");
    }
    r = tool("logit", SolveCommandTest.BATTLE, "-q", "-e", "-d", "3");
    assertThat(r.out()).matches("NE,1,\\d(\\.\\d{1,2})?e-\\d\\d,1,\\d(\\.\\d{1,2})?e-\\d\\d\n");
    r = tool("logit", SolveCommandTest.TREE, "-q", "-S", "-e");
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Whether a printed NE line's profile is within 1e-6 of {@code x}. */
  static boolean near(String line, double... x) {
    String[] f = line.split(",");
    for (int k = 0; k < x.length; k++) {
      if (Math.abs(Double.parseDouble(f[k + 1]) - x[k]) > 1e-6) {
        return false;
      }
    }
    return f.length == x.length + 1;
  }

  @Test
  void logitOnATreeTracesBehaviourStrategiesAsGambitDoes() {
    Run r = tool("logit", SolveCommandTest.TREE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    // the start: lambda with 6 places, the centroid of each information set
    assertThat(lines.get(0)).isEqualTo("0.000000,0.5,0.5,0.5,0.5");
    // Gambit's first step is 0.03 along the arc: lambda just under it
    assertThat(Double.parseDouble(lines.get(1).split(",")[0])).isBetween(0.01, 0.03);
    String ne = lines.get(lines.size() - 1);
    assertThat(ne).startsWith("NE,1,");
    assertThat(near(ne, 1, 0, 0, 1)).isTrue();
    double previous = -1;
    for (String l : lines.subList(0, lines.size() - 1)) {
      assertThat(l).matches("\\d+\\.\\d{6}(,[0-9.e+-]+){4}");
      assertThat(l).doesNotContain("E");
      String[] f = l.split(",");
      double lambda = Double.parseDouble(f[0]);
      assertThat(lambda).isGreaterThan(previous);
      previous = lambda;
      for (int k = 1; k < f.length; k++) {
        assertThat(f[k].replaceAll("e-\\d+$", "").replace(".", "").replaceFirst("^0+", ""))
            .hasSizeLessThanOrEqualTo(6);
      }
      assertThat(Double.parseDouble(f[1]) + Double.parseDouble(f[2])).isCloseTo(1, offset(2e-6));
    }
    // the last point of the branch is the NE line's profile
    String last = lines.get(lines.size() - 2);
    assertThat(last.substring(last.indexOf(','))).isEqualTo(ne.substring(2));
    r = tool("logit", SolveCommandTest.TREE, "-q", "-e", "-d", "3");
    assertThat(r.out()).matches("NE,1,\\d(\\.\\d{1,2})?e-\\d\\d,\\d(\\.\\d{1,2})?e-\\d\\d,1\n");
    r = tool("logit", SolveCommandTest.TREE, "-q", "-e", "-d", "12");
    assertThat(r.out()).startsWith("NE,0.99999997").contains("e-");
    // a looser regret bound ends earlier; a smaller step and acceleration take more steps
    int full = lines.size();
    assertThat(tool("logit", SolveCommandTest.TREE, "-q", "-m", "0.01").out().lines().count())
        .isLessThan(full);
    assertThat(tool("logit", SolveCommandTest.TREE, "-q", "-s", ".001", "-a", "1.05").out()
        .lines().count()).isGreaterThan(full);
    r = tool("logit", SolveCommandTest.TREE, "-q", "-a", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: ");
  }

  @Test
  void logitOnAStrategicGameTakesTheTracingControls() {
    Run r = tool("logit", SolveCommandTest.RPS, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    long full = r.out().lines().count();
    assertThat(tool("logit", SolveCommandTest.RPS, "-q", "-s", ".03", "-a", "1.1", "-m", "1e-8")
        .out()).isEqualTo(r.out());
    assertThat(tool("logit", SolveCommandTest.RPS, "-q", "-m", "1e-4").out().lines().count())
        .isLessThan(full);
    assertThat(tool("logit", SolveCommandTest.RPS, "-q", "-s", ".003").out().lines().count())
        .isGreaterThan(full);
    assertThat(tool("logit", SolveCommandTest.RPS, "-qa1.02").out().lines().count())
        .isGreaterThan(full);
    // with -S on a tree: the reduced strategic form's branch, with the same controls
    assertThat(tool("logit", SolveCommandTest.TREE, "-q", "-S", "-m", "1e-3").out().lines()
        .count()).isLessThan(tool("logit", SolveCommandTest.TREE, "-q", "-S").out().lines()
        .count());
    for (String[] bad : new String[][] {{"-s", "0"}, {"-a", "0.5"}, {"-m", "-1"}}) {
      r = tool("logit", SolveCommandTest.RPS, "-q", bad[0], bad[1]);
      assertThat(r.code()).as(bad[0]).isEqualTo(1);
      assertThat(r.err()).as(bad[0]).startsWith("Error: ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void liapPrintsSeededEquilibria() {
    Run r = tool("liap", SolveCommandTest.BATTLE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    for (String l : lines) {
      assertThat(l).matches("NE(,\\d\\.\\d{6}){4}");
      boolean known = near(l, 1, 0, 1, 0) || near(l, 0, 1, 0, 1);
      String[] f = l.split(",");
      known |= Math.abs(Double.parseDouble(f[1]) - 2.0 / 3) < 2e-4
          && Math.abs(Double.parseDouble(f[3]) - 1.0 / 3) < 2e-4;
      assertThat(known).as(l).isTrue();
    }
    assertThat(tool("liap", SolveCommandTest.BATTLE, "-q").out()).isEqualTo(r.out());
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-n", "3", "-R", "5", "-d", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSizeLessThanOrEqualTo(3)
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{2}){4}"));
    assertThat(tool("liap", SolveCommandTest.BATTLE, "-q", "-n", "3", "-R", "5", "-d", "2").out())
        .isEqualTo(r.out());
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-n", "2", "-V");
    assertThat(r.out().lines().filter(l -> l.startsWith("start,")).count()).isEqualTo(2);
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-R", "5");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error: The -R option requires -n.\n");
    // -A changes nothing on a strategic game (as Gambit); on a tree it prints behaviour profiles
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-A");
    assertThat(r.out()).isEqualTo(tool("liap", SolveCommandTest.BATTLE, "-q").out());
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-n", "4", "-R", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).isNotEmpty()
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){4}"));
    // -V: a start line for each of the 10 starts, in behaviour strategies
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-V");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("start,")).toList()).hasSize(10)
        .allMatch(l -> l.matches("start(,\\d\\.\\d{6}){4}"));
    r = tool("liap", SolveCommandTest.TREE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("NE,");
  }

  @Test
  void gnmPrintsTheEquilibriaOnItsPath() throws Exception {
    Run r = tool("gnm", SolveCommandTest.BATTLE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    // a generic game: an odd number of equilibria on the path, here all three
    assertThat(new TreeSet<>(lines)).containsExactly(
        "NE,0.000000,1.000000,0.000000,1.000000",
        "NE,0.666667,0.333333,0.333333,0.666667",
        "NE,1.000000,0.000000,1.000000,0.000000");
    assertThat(tool("gnm", SolveCommandTest.BATTLE, "-q").out()).isEqualTo(r.out());
    r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-n", "2", "-R", "3", "-d", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).isNotEmpty()
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{3}){4}"));
    Path perts = dir.resolve("perts.csv");
    Files.writeString(perts, "1,0,1,0\n0.1,0.9,0.2,0.8\n");
    r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-s", perts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo("NE,1.000000,0.000000,1.000000,0.000000");
    r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-m", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error: Value for -m (end lambda) must be negative\n");
    r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-c", "0");
    assertThat(r.code()).isEqualTo(1);
    r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-R", "1");
    assertThat(r.code()).isEqualTo(1);
    r = tool("gnm", SolveCommandTest.TREE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("NE,");
  }

  @Test
  void ipaPrintsOneEquilibriumPerPerturbation() throws Exception {
    Run r = tool("ipa", SolveCommandTest.BATTLE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(1)
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{6}){4}"));
    assertThat(tool("ipa", SolveCommandTest.BATTLE, "-q").out()).isEqualTo(r.out());
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-n", "4", "-R", "3", "-d", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(4)
        .allMatch(l -> l.matches("NE(,\\d\\.\\d{3}){4}"));
    // the pure profile that maximises the perturbation, when it is an equilibrium
    Path perts = dir.resolve("ipa-perts.csv");
    Files.writeString(perts, "1,0,1,0\n0.1,0.9,0.2,0.8\n");
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-s", perts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "NE,1.000000,0.000000,1.000000,0.000000", "NE,0.000000,1.000000,0.000000,1.000000");
    // -V: each iteration's profile first
    r = tool("ipa", SolveCommandTest.THREE_PLAYER, "-qV");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("iter-1,");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("NE,0.500000,0.500000,0.500000,0.500000,0.500000,0.500000");
    assertThat(tool("ipa", SolveCommandTest.THREE_PLAYER, "-q", "--verbose").out())
        .isEqualTo(r.out());
    // Gambit's errors: -n with -s, -R without -n, a perturbation that ties
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-s", perts.toString(), "-n", "2");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error: The -n and -s options are mutually exclusive.\n");
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-R", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error: The -R option requires -n.\n");
    Files.writeString(perts, "0.5,0.5,1,0\n");
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-s", perts.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: ").contains("ties");
    r = tool("ipa", SolveCommandTest.BATTLE, "-q", "-e");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("gambit-ipa: Unknown option `-e'.\n");
    r = tool("ipa", SolveCommandTest.TREE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("NE,");
    r = tool("ipa", "", "-h");
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("Compute Nash equilibria using iterated polymatrix approximation")
        .contains("Usage: gambit-ipa [OPTIONS] [file]");
  }

  @Test
  void liapReadsStartingPoints() throws Exception {
    Path starts = dir.resolve("starts.csv");
    Files.writeString(starts, "0.9,0.1,0.8,0.2\n1/4,3/4,1/4,3/4\n");
    Run r = tool("liap", SolveCommandTest.BATTLE, "-q", "-s", starts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "NE,1.000000,0.000000,1.000000,0.000000", "NE,0.000000,1.000000,0.000000,1.000000");
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-s", starts.toString(), "-n", "2");
    assertThat(r.code()).isEqualTo(1);
    Files.writeString(starts, "0.5,0.5\n");
    r = tool("liap", SolveCommandTest.BATTLE, "-q", "-s", starts.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: ");
  }

  @Test
  void agentLiapStartsFromBehaviourProfiles() throws Exception {
    // Gambit's liap -A -s: one behaviour profile a line (In, Out; Fight, Accommodate)
    Path starts = dir.resolve("behaviour.csv");
    Files.writeString(starts, "0,1,1,0\n\n0.9,0.1,0.2,0.8\n");
    Run r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-s", starts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // a start at an equilibrium stays there; the other ends at the subgame-perfect one
    assertThat(r.out().lines().toList()).containsExactly(
        "NE,0.000000,1.000000,1.000000,0.000000", "NE,1.000000,0.000000,0.000000,1.000000");
    // -V: each start as read, then its equilibrium or, where none, its end (as Gambit prints)
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-V", "-s", starts.toString(), "-d", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "start,0.00,1.00,1.00,0.00", "NE,0.00,1.00,1.00,0.00",
        "start,0.90,0.10,0.20,0.80", "NE,1.00,0.00,0.00,1.00");
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-V", "-s", starts.toString(),
        "-i", "1", "-m", "1e-12");
    assertThat(r.out().lines().toList()).hasSize(4).element(3).asString().startsWith("end,");
    // a line of the wrong length, or not a number: the file and line, exit 1
    Files.writeString(starts, "0,1,1,0\n0.5,0.5,1\n");
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-s", starts.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error: " + starts + ":2: a profile needs 4 numbers, not 3:"
        + " 0.5,0.5,1\n");
    Files.writeString(starts, "0,1,x,0\n");
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-s", starts.toString());
    assertThat(r.err()).isEqualTo("Error: " + starts + ":1: not a number: x\n");
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-s", dir.resolve("none.csv").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).endsWith("none.csv: No such file or directory\n");
    r = tool("liap", SolveCommandTest.TREE, "-q", "-A", "-s", starts.toString(), "-n", "2");
    assertThat(r.err()).isEqualTo("Error: The -n and -s options are mutually exclusive.\n");
  }

  /** Player 1 chooses twice and forgets the first choice: imperfect recall. */
  static final String FORGETFUL =
      "EFG 2 R \"Forgetful\" { \"1\" \"2\" } \"\"\n"
          + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
          + "p \"\" 1 2 \"\" { \"l\" \"r\" } 0\n"
          + "t \"\" 1 \"\" { 1, 0 }\n"
          + "t \"\" 2 \"\" { 0, 1 }\n"
          + "p \"\" 1 2 \"\" { \"l\" \"r\" } 0\n"
          + "t \"\" 3 \"\" { 0, 1 }\n"
          + "t \"\" 4 \"\" { 1, 0 }\n";

  @Test
  void imperfectRecallInGambitsWordsForEachTool() {
    // gnm, ipa and liap without -A make mixed strategy profiles first (checked against Gambit 17's
    // gambit-gnm and gambit-liap); liap -A refuses in its solver's words
    for (String tool : List.of("gnm", "ipa", "liap")) {
      Run r = tool(tool, FORGETFUL, "-q");
      assertThat(r.code()).as(tool).isEqualTo(1);
      assertThat(r.err()).as(tool)
          .isEqualTo("Error: Mixed strategies not supported for games with imperfect recall.\n");
    }
    Run r = tool("liap", FORGETFUL, "-q", "-A");
    assertThat(r.err()).isEqualTo(
        "Error: Computing equilibria of games with imperfect recall is not supported.\n");
  }

  @Test
  void simpdivOnATreePrintsAStrategyProfile() {
    Run r = tool("simpdiv", SolveCommandTest.TREE, "-q");
    assertThat(r.code()).as(r.err()).isZero();
    // the entry game's reduced strategic form: 2 + 2 strategies
    assertThat(r.out().lines().toList()).hasSize(1);
    assertThat(r.out().trim().split(",")).hasSize(5);
  }

  @Test
  void significantDigitsAsC() {
    assertThat(GambitOutput.significant(4.40659e-11, 6)).isEqualTo("4.40659e-11");
    assertThat(GambitOutput.significant(1.0 / 3, 6)).isEqualTo("0.333333");
    assertThat(GambitOutput.significant(0.5, 6)).isEqualTo("0.5");
    assertThat(GambitOutput.significant(1, 6)).isEqualTo("1");
    assertThat(GambitOutput.significant(0, 6)).isEqualTo("0");
    assertThat(GambitOutput.significant(0.0001, 6)).isEqualTo("0.0001");
    assertThat(GambitOutput.significant(0.99999999, 6)).isEqualTo("1");
    assertThat(GambitOutput.significant(1.04e7, 6)).isEqualTo("1.04e+07");
    assertThat(GambitOutput.significant(123456789, 6)).isEqualTo("1.23457e+08");
    assertThat(GambitOutput.fixed(1.04e7, 6)).isEqualTo("10400000.000000");
  }

  // --- the shell shims ---

  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("gambit").resolve("gambit-lcp"))) {
      p = p.getParent();
    }
    return p;
  }

  /** Runs {@code script} with sh, the shims first on the PATH, running this build's classes. */
  Run shell(String script) throws Exception {
    Path root = repo();
    assumeTrue(root != null && Files.isExecutable(Path.of("/bin/sh")), "no sh or no shims");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path spiral = dir.resolve("spiral");
    Files.writeString(spiral, "#!/bin/sh\nexec '" + java + "' -cp '"
        + System.getProperty("java.class.path") + "' spiral.cli.Main \"$@\"\n");
    spiral.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
    pb.environment().put("SPIRAL", spiral.toString());
    pb.environment().put("PATH", root.resolve("gambit") + ":" + System.getenv("PATH"));
    return finish(pb, dir, 120);
  }

  /**
   * Runs {@code pb} to its end (within {@code seconds}), its standard output and error through
   * files in {@code dir}.
   */
  static Run finish(ProcessBuilder pb, Path dir, int seconds) throws Exception {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Set<String> reference(Path file) throws IOException {
    return new TreeSet<>(Files.readAllLines(file));
  }

  @Test
  void shimsMatchGambitsReferenceLines() throws Exception {
    Path games = spiral.cli.GambitToolTest.games();
    assumeTrue(games != null, "the shared reference games (shared/games) are absent: skipped");
    String[][] runs = {
      {"contrib/games/2x2a.nfg", "enummixed", "enummixed"},
      {"contrib/games/coord3.nfg", "enummixed", "enummixed"},
      {"doc/poker.efg", "lcp", "lcp"},
      {"doc/poker.efg", "enumpure", "enumpure"},
      {"contrib/games/2smp.efg", "enummixed", "enummixed-reduced"},
    };
    for (String[] run : runs) {
      Path game = games.resolve(run[0]);
      Run r = shell("cat '" + game + "' | gambit-" + run[1] + " -q");
      assertThat(r.code()).as(run[0] + " " + run[1] + ": " + r.err()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(new TreeSet<>(r.out().lines().toList()))
          .as(run[0] + " " + run[1])
          .isEqualTo(reference(games.resolve(run[0] + "." + run[2] + ".ne")));
    }
  }

  /**
   * gnm on a tree solves its reduced strategic form and prints strategy profiles, as Gambit 17's
   * gambit-gnm does (its trees have reduced strategies; it has no -S): from the same perturbation
   * (-s), the lines gambit-gnm printed, in its order.
   */
  @Test
  void gnmOnATreePrintsGambitsStrategyProfiles() throws Exception {
    Path games = games();
    assumeTrue(games != null, "the shared reference games (shared/games) are absent: skipped");
    Path perts = dir.resolve("bagwell-perts.csv");
    Files.writeString(perts, "0.3238,0.1508,0.6509,0.0724,0.5359,0.3657\n");
    Run r = tool("gnm", Files.readString(games.resolve("catalog/journals/geb/bagwell1995.efg")),
        "-q", "-s", perts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "NE,0.000000,1.000000,0.000000,0.000000,0.000000,1.000000",
        "NE,0.010000,0.990000,0.000000,0.510204,0.000000,0.489796",
        "NE,0.990000,0.010000,0.489796,0.510204,0.000000,0.000000");
    r = tool("gnm", Files.readString(games.resolve("catalog/journals/geb/bagwell1995.efg")),
        "-q", "-S");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("gambit-gnm: Unknown option `-S'.\n");
  }

  /**
   * gnm -V prints Gambit's pert, start and support-boundary lines between the NE lines; from the
   * same perturbation these are the lines Gambit 17's gambit-gnm printed, on a two-player game
   * and on a three-player one (100 steps per cell, local Newton), with -d.
   */
  @Test
  void gnmVerbosePrintsGambitsPath() throws Exception {
    Path perts = dir.resolve("bos-perts.csv");
    Files.writeString(perts, "0.1,0.9,0.2,0.8\n");
    Run r = tool("gnm", SolveCommandTest.BATTLE, "-q", "-V", "-s", perts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "pert,0.081650,0.734847,0.163299,0.653197",
        "start,0.000000,1.000000,0.000000,1.000000",
        "NE,0.000000,1.000000,0.000000,1.000000",
        "-0.765466,0.000000,1.000000,0.000000,1.000000",
        "-0.765466,0.416667,0.583333,0.000000,1.000000",
        "NE,0.666667,0.333333,0.333333,0.666667",
        "1.02062,1.000000,0.000000,0.777778,0.222222",
        "1.02062,1.000000,0.000000,1.000000,0.000000",
        "NE,1.000000,0.000000,1.000000,0.000000");
    Path games = games();
    assumeTrue(games != null, "the shared reference games (shared/games) are absent: skipped");
    Files.writeString(perts, "0.3,0.1,0.6,0.5,0.2,0.9\n");
    r = tool("gnm", Files.readString(games.resolve("contrib/games/2x2x2.nfg")), "-q", "-V",
        "-d", "4", "-s", perts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "pert,0.2402,0.0801,0.4804,0.4003,0.1601,0.7206",
        "start,1.0000,0.0000,1.0000,0.0000,0.0000,1.0000",
        "0.806327,1.0000,0.0000,1.0000,0.0000,0.0000,1.0000",
        "0.806327,1.0000,0.0000,0.0000,1.0000,0.0000,1.0000",
        "NE,1.0000,0.0000,0.0000,1.0000,0.0000,1.0000",
        "-0.172784,1.0000,0.0000,0.0000,1.0000,0.0000,1.0000",
        "-0.172784,1.0000,0.0000,0.0000,1.0000,0.1071,0.8929",
        "-0.0409836,0.4279,0.5721,0.0000,1.0000,0.2161,0.7839",
        "NE,0.5000,0.5000,0.4000,0.6000,0.2500,0.7500",
        "0.0222108,1.0000,0.0000,0.3762,0.6238,0.3242,0.6758",
        "0.345569,1.0000,0.0000,1.0000,0.0000,0.1905,0.8095",
        "0.345569,1.0000,0.0000,1.0000,0.0000,1.0000,0.0000",
        "NE,1.0000,0.0000,1.0000,0.0000,1.0000,0.0000",
        "-0.907117,1.0000,0.0000,1.0000,0.0000,1.0000,0.0000",
        "-0.907117,0.7813,0.2187,1.0000,0.0000,1.0000,0.0000",
        "NE,0.5000,0.5000,0.5000,0.5000,1.0000,0.0000",
        "0.0128242,0.4960,0.5040,0.4929,0.5071,1.0000,0.0000",
        "NE,0.4000,0.6000,0.5000,0.5000,0.3333,0.6667",
        "-0.052079,0.2329,0.7671,1.0000,0.0000,0.2930,0.7070",
        "NE,0.3333,0.6667,1.0000,0.0000,0.2500,0.7500",
        "0.167255,0.6560,0.3440,1.0000,0.0000,0.1117,0.8883",
        "0.0219564,0.5136,0.4864,0.5363,0.4637,0.0000,1.0000",
        "0.302372,0.6875,0.3125,1.0000,0.0000,0.0000,1.0000",
        "0.302372,0.0000,1.0000,1.0000,0.0000,0.0000,1.0000",
        "NE,0.0000,1.0000,1.0000,0.0000,0.0000,1.0000",
        "-0.172784,0.0000,1.0000,1.0000,0.0000,0.0000,1.0000",
        "-0.172784,0.0000,1.0000,1.0000,0.0000,0.2619,0.7381",
        "NE,0.0000,1.0000,0.2500,0.7500,0.3333,0.6667",
        "0.0575948,0.0000,1.0000,0.0000,1.0000,0.3571,0.6429",
        "0.0575948,0.0000,1.0000,0.0000,1.0000,1.0000,0.0000",
        "NE,0.0000,1.0000,0.0000,1.0000,1.0000,0.0000");
  }

  @Test
  void shimsExitAsGambitsTools() throws Exception {
    Run r = shell("echo 'EFG 2 R' | gambit-lcp -q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: <stdin>:");
    r = shell("gambit-enummixed -v");
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("Compute Nash equilibria by enumerating extreme points");
    r = shell("gambit-gnm -v");
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("Compute Nash equilibria using a global Newton method");
    r = shell("gambit-ipa -v");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .startsWith("Compute Nash equilibria using iterated polymatrix approximation");
    r = shell("printf 'NFG 1 R \"\" { \"1\" \"2\" } { 2 2 }\\n\\n1 1 0 0 0 0 1 1\\n'"
        + " | gambit-ipa -q -d 2 -n 2 -R 1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(2).allMatch(l -> l.matches("NE(,\\d\\.\\d\\d){4}"));
    r = shell("gambit-liap -v");
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("Compute Nash equilibria by minimizing the Lyapunov function");
  }

  private String write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path games() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path g = p.resolve("shared").resolve("games");
      if (Files.isDirectory(g)) {
        return g;
      }
      p = p.getParent();
    }
    return null;
  }
}
