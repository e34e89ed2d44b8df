package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.game.Game;
import spiral.game.GameReader;

/** A game too large for the method asked for: the error names the methods that do apply. */
class SolveLimitsTest {
  @TempDir Path tmp;

  /**
   * No fixed cap on strategies for enumpoly's support enumeration (once 30 a player): strictly
   * dominated strategies are removed first, so a 31x1 game with a dominant strategy is one
   * support (Gambit 17's gambit-enumpoly had not finished it after 10 minutes).
   */
  @Test
  void enumpolyTakesMoreThanThirtyStrategies() throws Exception {
    StringBuilder nfg = new StringBuilder("NFG 1 R \"big\" { \"A\" \"B\" } { 31 1 }\n");
    for (int i = 0; i < 31; i++) {
      nfg.append(i).append(' ').append(-i).append(' ');
    }
    Path f = tmp.resolve("big.nfg");
    Files.writeString(f, nfg.append('\n').toString());
    Cli r = Cli.run("solve", f.toString(), "--method", "enumpoly");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("NE" + ",0".repeat(30) + ",1,1");
    Cli lcp = Cli.run("solve", f.toString(), "--method", "lcp");
    assertThat(lcp.code()).as(lcp.err()).isZero();
  }

  /** {@link spiral.game.TestTrees#cases} as a file. */
  Path cases(int cases) throws Exception {
    Path f = tmp.resolve("cases" + cases + ".efg");
    Files.writeString(f, spiral.game.TestTrees.cases(cases));
    return f;
  }


  @Test
  void aReducedFormTooLargeForMemoryIsRefusedWithTheWaysOut() throws Exception {
    // 2^14 x 2^14 reduced profiles: about 96 GiB
    assumeTrue(Runtime.getRuntime().maxMemory() < (80L << 30), "a heap under 80 GiB");
    Cli r = Cli.run("solve", cases(14).toString(), "--method", "gnm");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gnm: the reduced strategic form is too large for memory:"
        + " 268435456 pure strategy profiles need about 9", "(the Java heap's maximum, -Xmx, is",
        "; give Java more memory (SPIRAL_JAVA_OPTS=-Xmx", "or try --method lcp",
        "--method spe");
    assertThat(r.err().lines()).hasSize(1);
    // more profiles than an array holds: no heap helps
    r = Cli.run("solve", cases(16).toString(), "--method", "simpdiv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("more than a Java array holds").doesNotContain("-Xmx")
        .contains("; try --method lcp");
    GambitToolTest.Run g = GambitToolTest.tool("gnm", Files.readString(cases(14)), "-q");
    assertThat(g.code()).isEqualTo(1);
    assertThat(g.err()).startsWith("Error: The reduced strategic form is too large for memory")
        .contains("SPIRAL_JAVA_OPTS=-Xmx");
  }

  @Test
  void theTimeoutCoversBuildingTheReducedForm() throws Exception {
    // 2^11 x 2^11 reduced profiles: about 1.4 GiB and half a minute to build; --timeout stops
    // the building itself, at once
    assumeTrue(Runtime.getRuntime().maxMemory() > (3L << 30), "a heap over 3 GiB");
    long start = System.nanoTime();
    Cli r = Cli.run("solve", cases(11).toString(), "--method", "gnm", "--timeout", "0.01");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("gnm: gave up after 0.01 s; try --method lcp");
    assertThat(seconds).isLessThan(10);
  }

  @Test
  void onATreeSpeIsSuggestedToo() throws Exception {
    Path efg = tmp.resolve("d.efg");
    Cli export = Cli.run("game", "rand-d-ports", "--export", efg.toString(), "--compare-runs", "0");
    assertThat(export.code()).as(export.err()).isZero();
    Game tree = GameReader.read(efg);
    assertThat(SolveCommand.faster(tree, SolveCommand.Method.enumpure))
        .startsWith("--method lcp").contains(" or --method spe");
    assertThat(SolveCommand.faster(tree, SolveCommand.Method.spe)).doesNotContain("spe");
    assertThat(SolveCommand.tooLarge("the game has 10^9 reduced pure strategy profiles (the limit"
        + " is 10^6)", tree, SolveCommand.Method.enumpure)).startsWith("; try --method lcp")
        .contains("--method spe");
    assertThat(SolveCommand.tooLarge("imperfect recall is not supported", tree,
        SolveCommand.Method.enumpure)).isEmpty();
  }
}
