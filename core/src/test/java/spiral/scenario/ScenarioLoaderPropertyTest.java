package spiral.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Whatever the input, the loader either returns a scenario or throws a ScenarioException. */
class ScenarioLoaderPropertyTest {
  private static final byte[] FULL = read("/scenarios/full.yaml");

  private static byte[] read(String resource) {
    try (InputStream in = ScenarioLoaderPropertyTest.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses, failing on anything but a scenario or a well-formed ScenarioException. */
  private static void parseSafely(byte[] content) {
    try {
      ScenarioLoader.parse("fuzz.yaml", content);
    } catch (ScenarioException e) {
      assertThat(e.problems()).isNotEmpty();
      for (Problem p : e.problems()) {
        assertThat(p.message()).isNotBlank()
            .doesNotContain("Exception", "java.", "org.yaml", "com.fasterxml", "internal error");
        assertThat(p.line()).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Property(tries = 300)
  void randomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
    parseSafely(bytes);
  }

  @Property(tries = 300)
  void randomYamlishText(
      @ForAll @StringLength(max = 400)
          @Chars({'[', ']', '{', '}', ':', '-', '&', '*', '!', '|', '>', '\'', '"', '#', '\n',
              ' ', 'a', '1', '.', '?', ',', '<', '%', '@', '\\', '\t'})
          String text) {
    parseSafely(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void mutationsOfAValidFile(@ForAll("mutants") byte[] mutant) {
    parseSafely(mutant);
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, FULL.length - 1);
    Arbitrary<Integer> length = Arbitraries.integers().between(1, 40);
    Arbitrary<String> insert = Arbitraries.of("-1", "1e999", ".inf", ".nan", "&a", "*a", "[", "]",
        "{", "}", ": ", "\n", "\n  ", "- ", "\"", "'", "x", "99999999999999999999", "null", "~",
        "true", "? ", "<<: *a", "---\n", "!!binary", "\t", "0", "2", "hold", "+1");
    Arbitrary<Mutation> mutation = Combinators.combine(
            Arbitraries.integers().between(0, 3), position, length, insert)
        .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(6).map(ms -> {
      byte[] b = FULL;
      for (Mutation m : ms) {
        b = m.apply(b);
      }
      return b;
    });
  }

  /** One edit of a file: delete, insert, overwrite a byte, or truncate. */
  record Mutation(int kind, int position, int length, String text) {
    byte[] apply(byte[] in) {
      int at = Math.min(position, in.length);
      byte[] t = text.getBytes(StandardCharsets.UTF_8);
      return switch (kind) {
        case 0 -> concat(Arrays.copyOf(in, at),
            Arrays.copyOfRange(in, Math.min(in.length, at + length), in.length));
        case 1 -> concat(concat(Arrays.copyOf(in, at), t), Arrays.copyOfRange(in, at, in.length));
        case 2 -> {
          byte[] out = in.clone();
          if (at < out.length) {
            out[at] = (byte) (length * 7);
          }
          yield out;
        }
        default -> Arrays.copyOf(in, at);
      };
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }
}
