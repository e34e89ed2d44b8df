package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.game.Game;
import spiral.game.GameReader;

/** A game too large for the method asked for: the error names the methods that do apply. */
class SolveLimitsTest {
  @TempDir Path tmp;

  @Test
  void tooLargeToEnumerateSuggestsLcp() throws Exception {
    StringBuilder nfg = new StringBuilder("NFG 1 R \"big\" { \"A\" \"B\" } { 31 1 }\n");
    for (int i = 0; i < 31; i++) {
      nfg.append(i).append(' ').append(-i).append(' ');
    }
    Path f = tmp.resolve("big.nfg");
    Files.writeString(f, nfg.append('\n').toString());
    Cli r = Cli.run("solve", f.toString(), "--method", "enumpoly");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("at most 30 per player", "try --method lcp").doesNotContain("spe");
    assertThat(r.err().lines()).hasSize(1);
    Cli lcp = Cli.run("solve", f.toString(), "--method", "lcp");
    assertThat(lcp.code()).as(lcp.err()).isZero();
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
