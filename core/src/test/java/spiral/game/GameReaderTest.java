package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameReaderTest {
  static Game resource(String name) throws Exception {
    try (InputStream in = GameReaderTest.class.getResourceAsStream("/games/" + name)) {
      return GameReader.read(in);
    }
  }

  @Test
  void readsBothStrategicVersionsAndTrees() throws Exception {
    StrategicGame pd = (StrategicGame) resource("prisoners.nfg");
    assertThat(pd.players()).containsExactly("Row", "Column");
    assertThat(pd.strategies()).containsExactly(List.of("1", "2"), List.of("1", "2"));
    assertThat(pd.payoff(pd.profileIndex(new int[] {1, 0}), 0)).isEqualTo(Rational.of(5));
    StrategicGame mp = (StrategicGame) resource("matching.nfg");
    assertThat(mp.strategies().get(0)).containsExactly("Heads", "Tails");
    assertThat(mp.payoff(1, 0)).isEqualTo(Rational.of(-1));
    assertThat(mp.comment()).startsWith("Unique");
    ExtensiveGame e = (ExtensiveGame) resource("entry.efg");
    assertThat(e.infosets(0)).hasSize(1);
    assertThat(e.infosets(1)).hasSize(1);
    assertThat(e.infosets(2)).extracting(ExtensiveGame.Infoset::label)
        .containsExactly("Low cost", "High cost");
    assertThat(e.hasPerfectRecall()).isTrue();
    assertThat(e.profileLength()).isEqualTo(6);
  }

  @Test
  void roundTripsOwnGames() throws Exception {
    for (String n :
        List.of(
            "prisoners.nfg", "matching.nfg", "battle.nfg", "degenerate.nfg", "entry.efg",
            "myerson.efg")) {
      Game g = resource(n);
      Game back = GameReader.parse(GameWriter.write(g));
      assertThat(back).as(n).isEqualTo(g);
    }
  }

  static GameFormatException failure(String text) {
    try {
      GameReader.parse(text);
    } catch (GameFormatException e) {
      return e;
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void truncatedFiles() {
    GameFormatException e = failure("NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3");
    assertThat(e.getMessage()).contains("too few payoffs").contains("expected 8");
    assertThat(e.line()).isEqualTo(2);
    e = failure("EFG 2 R \"t\" { \"a\" } \"\"\np \"\" 1 1 \"\" { \"x\" \"y\" } 0\nt \"\" 0\n");
    assertThat(e.getMessage()).contains("truncated").contains("end of file");
    e = failure("NFG 1 R \"t\" { \"a\"");
    assertThat(e.getMessage()).contains("end of file");
  }

  @Test
  void wrongCounts() {
    GameFormatException e = failure("NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7 8 9");
    assertThat(e.getMessage()).contains("too many payoffs").contains("'9'");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(17);
    e =
        failure(
            "NFG 1 R \"t\" { \"a\" \"b\" } { { \"x\" } { \"y\" } }\n{ { \"\" 1, 2 } }\n1 1");
    assertThat(e.getMessage()).contains("too many outcome numbers");
    e = failure("NFG 1 R \"t\" { \"a\" \"b\" } { { \"x\" } { \"y\" } }\n{ { \"\" 1 } }\n1");
    assertThat(e.getMessage()).contains("expected 2 payoffs");
    e =
        failure(
            "EFG 2 R \"t\" { \"a\" \"b\" } \"\"\np \"\" 1 1 \"\" { \"x\" } 0\n"
                + "t \"\" 1 \"\" { 1 2 3 }\n");
    assertThat(e.getMessage()).contains("3 payoffs, expected 2");
  }

  @Test
  void absurdStrategyCountsFailWithoutAllocating() {
    GameFormatException e = failure("NFG 1 R \"t\" { \"a\" \"b\" } { 30 30 }\n1 2");
    assertThat(e.getMessage()).contains("too few payoffs").contains("need 1800 payoffs");
    e = failure("NFG 1 R \"t\" { \"a\" } { 2000000000 }\n1 2");
    assertThat(e.getMessage()).contains("more strategies").contains("'2000000000'");
  }

  @Test
  void chanceProbabilitiesMustSumToOneExactly() {
    GameFormatException e =
        failure(
            "EFG 2 R \"t\" { \"a\" } \"\"\nc \"\" 1 \"\" { \"x\" 0.333 \"y\" 2/3 } 0\n"
                + "t \"\" 0\nt \"\" 0\n");
    assertThat(e.getMessage()).contains("sum to").contains("not 1");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void unknownTokensAndUnbalancedBracesAndQuotes() {
    assertThat(failure("GAME 1").getMessage()).contains("expected NFG or EFG").contains("'GAME'");
    assertThat(failure("NFG 1 R \"t\" { \"a\" } { 2 } oops").getMessage())
        .contains("'oops'");
    assertThat(
            failure("EFG 2 R \"t\" { \"a\" } \"\"\nq \"\" 0\n").getMessage())
        .contains("unknown node type")
        .contains("'q'");
    assertThat(failure("NFG 1 R \"t\" { \"a\" \"b\" { 2 2 }").getMessage()).contains("'}'");
    assertThat(failure("NFG 1 R \"t\" { \"a\" } { 2 } } 1 2").getMessage()).contains("'}'");
    GameFormatException e = failure("NFG 1 R \"t\" {\n \"a } { 2 } 1 2");
    assertThat(e.getMessage()).contains("unterminated string");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(2);
    assertThat(
            failure(
                    "EFG 2 R \"t\" { \"a\" } \"\"\np \"\" 1 1 \"\" { \"x\" } 0\n"
                        + "p \"\" 1 1 \"\" { \"y\" } 0\nt \"\" 0\n")
                .getMessage())
        .contains("redefined");
    assertThat(failure("EFG 2 R \"t\" { \"a\" } \"\"\np \"\" 2 1 \"\" { \"x\" } 0\nt \"\" 0\n")
            .getMessage())
        .contains("no player 2");
  }

  @Test
  void hugeInputsAreRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.nfg");
    try (var ch = java.nio.channels.FileChannel.open(
        big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), GameReader.MAX_BYTES + 10);
    }
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> GameReader.read(big))
        .isInstanceOf(GameFormatException.class)
        .hasMessageContaining("too large");
    assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
  }

  @Test
  void noiseFailsFast(@TempDir Path dir) throws IOException {
    Path noise = dir.resolve("noise.efg");
    Random r = new Random(1);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(noise)) {
      for (int i = 0; i < 50; i++) {
        r.nextBytes(chunk);
        out.write(chunk);
      }
    }
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> GameReader.read(noise))
        .isInstanceOf(GameFormatException.class)
        .hasMessageContaining("1:1: not a game file");
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
  }

  /** Fuzzing finding: a dozen characters of exponent made a power of ten of a billion digits. */
  @Test
  void aHugeExponentIsRefusedAtItsTokenAtOnce() {
    for (String payoff : List.of("1e-999999999", "1e999999999", "-.5E+2000000")) {
      long t0 = System.nanoTime();
      GameFormatException e = failure("NFG 1 R \"\" { \"A\" } { 1 }\n" + payoff + "\n");
      assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(1);
      assertThat(e.getMessage()).contains("bad number for a payoff: its exponent is out of range");
    }
  }
}
