package spiral.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run from which {@code ./spiral} dumps its class-data-sharing archive after each build
 * ({@code java -XX:ArchiveClassesAtExit=... -cp spiral.jar spiral.cli.ArchiveTraining}): the
 * archive holds the classes that this one process loads, so it runs, with its output discarded,
 * {@code spiral scenarios} (YAML, schema and model classes) and small solves: {@code spiral
 * solve} with each common method on a 2×2 game and on a small tree, and Gambit's {@code lcp},
 * {@code enumpure} and {@code enummixed} tools. Later starts of any command map those classes
 * instead of loading them. Not a command: nothing runs it but the launcher.
 */
final class ArchiveTraining {
  private ArchiveTraining() {}

  /** A 2×2 zero-sum game (matching pennies), so that lp applies too. */
  private static final String NFG =
      "NFG 1 R \"pennies\" { \"1\" \"2\" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n";

  /** A small two-player tree with chance and imperfect information. */
  private static final String EFG = """
      EFG 2 R "small" { "1" "2" }
      c "" 1 "" { "H" 1/2 "L" 1/2 } 0
      p "" 1 1 "" { "U" "D" } 0
      p "" 2 1 "" { "l" "r" } 0
      t "" 1 "" { 1, -1 }
      t "" 2 "" { -1, 1 }
      t "" 3 "" { 0, 0 }
      p "" 1 2 "" { "U" "D" } 0
      p "" 2 1 "" { "l" "r" } 0
      t "" 4 "" { -1, 1 }
      t "" 5 "" { 1, -1 }
      t "" 6 "" { 0, 0 }
      """;

  public static void main(String[] args) throws IOException {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    PrintStream nothing = new PrintStream(java.io.OutputStream.nullOutputStream());
    Main.execute(new String[] {"scenarios"}, none, none);
    Path nfg = Files.createTempFile("spiral-training", ".nfg");
    Path efg = Files.createTempFile("spiral-training", ".efg");
    try {
      Files.writeString(nfg, NFG);
      Files.writeString(efg, EFG);
      for (String m : new String[] {"enumpure", "enummixed", "lcp", "lp", "logit", "simpdiv"}) {
        Main.execute(new String[] {"solve", nfg.toString(), "--method", m}, none, none);
      }
      for (String m : new String[] {"enumpure", "lcp", "lp", "spe"}) {
        Main.execute(new String[] {"solve", efg.toString(), "--method", m}, none, none);
      }
      for (String tool : new String[] {"lcp", "enumpure", "enummixed"}) {
        for (Path game : new Path[] {nfg, efg}) {
          GambitTool.run(tool, new String[] {"-q", game.toString()}, System.in, nothing, nothing);
        }
      }
    } finally {
      Files.deleteIfExists(nfg);
      Files.deleteIfExists(efg);
    }
  }
}
