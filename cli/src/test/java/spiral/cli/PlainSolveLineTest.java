package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import spiral.game.TestTrees;

/**
 * A plain {@code spiral solve} line, which {@link Main#execute} parses without picocli ({@link
 * SolveCommand#plain}), must do exactly what picocli's parse of it does: the same exit code, the
 * same standard output and the same standard error, for every line here (each method, option
 * spellings, defaults, bad values, and the lines that fall back to picocli); and the lines a
 * plain parse takes must be taken by it, so that the comparison compares something. (Lines
 * that read the game from standard input are left out: both paths hand them to picocli.)
 */
class PlainSolveLineTest {
  @TempDir static Path tmp;
  static String nfg;
  static String three;
  static String efg;
  static String cases;

  @BeforeAll
  static void games() throws Exception {
    nfg = write("coord2.nfg", "NFG 1 R \"coordination\" { \"1\" \"2\" }\n\n{ { \"1\" \"2\" }\n"
        + "{ \"1\" \"2\" }\n}\n\n3 2 0 0 0 0 2 2\n");
    three = write("three.nfg", "NFG 1 R \"three\" { \"1\" \"2\" \"3\" } { 2 2 2 }\n"
        + "9 8 12 0 0 0 0 0 0 3 4 6 3 4 6 0 0 0 0 0 0 9 8 2\n");
    efg = write("hand.efg", TestTrees.HAND);
    cases = write("cases.efg", TestTrees.cases(3));
  }

  static String write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** Lines that a plain parse takes (it must), then lines it leaves to picocli. */
  static final List<String> PLAIN = List.of(
      "solve NFG", "solve NFG --method lcp", "solve --method lcp NFG", "solve NFG --method=lcp",
      "solve EFG --method lcp", "solve EFG --method lcp -S", "solve EFG --method lcp -q",
      "solve EFG --method lcp --quiet --strategic", "solve NFG --method lcp -d 4",
      "solve NFG --method lcp --decimals=4", "solve NFG --method lcp --decimals 51",
      "solve NFG --method lcp -d 04", "solve NFG --method lcp -d +4",
      "solve NFG --method lcp --format json", "solve EFG --method lcp --format json",
      "solve NFG --format json -D", "solve NFG -D", "solve NFG --method enummixed -D -d 3",
      "solve EFG -D", "solve /nonexistent.nfg --method lcp", "solve NFG --method logit",
      "solve NFG --method logit --path", "solve NFG --method logit -s 0.1 -a 1.2 -m 1e-6",
      "solve NFG --method logit --cross-bifurcations", "solve NFG --cross-bifurcations",
      "solve NFG --method logit -s 0", "solve NFG --method logit -s NaN",
      "solve NFG --method lcp -s 0.1", "solve NFG --path", "solve NFG --method simpdiv",
      "solve NFG --method simpdiv --epsilon 1/100 --grid 4",
      "solve NFG --method simpdiv --epsilon 2", "solve NFG --method simpdiv --epsilon x",
      "solve NFG --epsilon 0.1", "solve NFG --method simpdiv --grid 0", "solve NFG --method liap",
      "solve NFG --method liap --seed 3 --starts 2", "solve NFG --method gnm --seed 5",
      "solve NFG --method ipa --starts 0", "solve NFG --seed 1", "solve NFG --timeout 0 --method lcp",
      "solve NFG --timeout 1e20", "solve NFG --timeout NaN", "solve NFG --timeout=5.5",
      "solve THREE --method lcp", "solve THREE --method lp", "solve THREE --method enummixed",
      "solve THREE --method enumpoly", "solve THREE --method gnm", "solve THREE --method ipa",
      "solve CASES --method lcp", "solve CASES --method enummixed", "solve CASES --method lp",
      "solve EFG --method spe", "solve NFG --method spe", "solve EFG --method lp",
      "solve EFG --method enumpure", "solve EFG --method enumpoly", "solve EFG --method liap",
      "solve EFG --method gnm", "solve EFG --method ipa", "solve EFG --method simpdiv",
      "solve EFG --method logit", "solve EFG --method logit -S", "solve EFG --method enummixed",
      "solve EFG --method lcp -D -S", "solve EFG --method logit -d 3 --format json",
      "solve NFG --method lcp -q -S -D", "solve " + "TMP --method lcp");

  static final List<String> PICOCLI = List.of(
      "solve NFG --method lcp -d x", "solve NFG --method LCP", "solve NFG --method nope",
      "solve NFG --method", "solve NFG --method lcp --method lcp", "solve NFG NFG",
      "solve NFG --bogus", "solve NFG --method liap --seed 99999999999999999999",
      "solve NFG --method lcp --format xml", "solve NFG -e 2 --method lcp", "solve NFG -qS",
      "solve NFG --verbose", "solve --help", "solve -h", "solve -V", "solve NFG -d=3",
      "solve NFG --quiet=true", "solve NFG -- x", "solve NFG --decimals=",
      "solve NFG --method= lcp", "solve NFG -d4", "solve @NFG");

  static List<String> plainLines() {
    return PLAIN;
  }

  static List<String> picocliLines() {
    return PICOCLI;
  }

  String[] words(String line) {
    List<String> out = new ArrayList<>();
    for (String w : line.split(" ")) {
      out.add(w.replace("NFG", nfg).replace("THREE", three).replace("EFG", efg)
          .replace("CASES", cases).replace("TMP", tmp.toString()));
    }
    return out.toArray(String[]::new);
  }

  /** Exit code, standard output and standard error: through picocli, or through execute. */
  static List<String> run(boolean picocli, String[] args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    PrintWriter out = new PrintWriter(o, true);
    PrintWriter err = new PrintWriter(e, true);
    int code = picocli ? Main.commandLine(out, err, args).execute(args)
        : Main.execute(args, out, err);
    out.flush();
    err.flush();
    return List.of(String.valueOf(code), o.toString(), e.toString());
  }

  private static PrintWriter discard() {
    return new PrintWriter(new StringWriter());
  }

  @ParameterizedTest
  @MethodSource("plainLines")
  void aPlainLineIsParsedWithoutPicocliAndDoesWhatPicocliDoes(String line) {
    String[] args = words(line);
    assertThat(SolveCommand.plain(args, discard(), discard()))
        .as("parsed without picocli").isNotNull();
    assertThat(run(false, args)).isEqualTo(run(true, args));
  }

  @ParameterizedTest
  @MethodSource("picocliLines")
  void anyOtherLineGoesToPicocli(String line) {
    String[] args = words(line);
    assertThat(SolveCommand.plain(args, discard(), discard())).isNull();
    assertThat(run(false, args)).isEqualTo(run(true, args));
  }
}
