package spiral.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B (5.1.1.2, memorized secrets): at least
 * {@value #MIN} characters and at most {@value #MAX} (counted as Unicode code points, after NFKC
 * normalisation), any characters including spaces, no composition rules (no "a digit and a
 * symbol"), not on the list of common passwords shipped with the server ({@code
 * common-passwords.txt}, compared in lower case), and not the account's own name.
 *
 * <p>Why 12 and not NIST's floor of 8: Spiral's passwords are its only factor, and the server is
 * meant to be reachable by a room of players over a network; 12 characters of a passphrase are
 * easy to remember and far beyond online guessing under the login delays.
 *
 * <p>Cost: one normalisation and one hash-set look-up.
 */
final class PasswordPolicy {
  /** The fewest characters. */
  static final int MIN = 12;
  /** The most characters. */
  static final int MAX = 200;

  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /**
   * Checks a new password for the account {@code name}.
   *
   * @throws ApiException 400 saying which rule it breaks (never echoing the password)
   */
  static void check(String password, String name) {
    String p = Normalizer.normalize(password, Normalizer.Form.NFKC);
    int n = p.codePointCount(0, p.length());
    if (n < MIN || n > MAX) {
      throw ApiException.badRequest("password: " + MIN + " to " + MAX + " characters, was " + n
          + (n < MIN ? " (a few words make a good one)" : ""));
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (name != null && lower.equals(name.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest("password: must not be the account's name");
    }
    if (COMMON.contains(lower)) {
      throw ApiException.badRequest("password: this is one of the most common passwords, which are"
          + " guessed first; choose another");
    }
  }

  /** Whether {@code password} is on the list (for tests). */
  static boolean common(String password) {
    return COMMON.contains(password.toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource common-passwords.txt is missing from this build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
