package spiral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a result comes from, written with every output of every command so that a number can be
 * traced and re-run: the command, Spiral's version, the master seed of its random draws, the
 * scenario as named with the SHA-256 of its file's bytes, and the scenario's illustrative
 * assumptions (the parameters that are this project's, not its sources'). One place renders it
 * for each format: a {@code provenance} object in JSON (this record), {@code # key: value}
 * comment lines at the head of a CSV file (read past with {@code comment='#'} in pandas, {@code
 * comment.char = "#"} in R), and a closing block of text for tables.
 *
 * <p>Cost: one SHA-256 pass over the scenario's bytes when built; rendering is linear in the
 * number of assumptions.
 *
 * @param command the command that made the output, e.g. {@code simulate}
 * @param version Spiral's version ({@link Version#get()})
 * @param seed the master seed of the output's random draws, or null when it draws none
 * @param scenario the scenario as named on the command line (a built-in name or the file as
 *     given), or null when the output rests on none
 * @param scenarioSha256 the SHA-256 of the scenario file's bytes in lowercase hex, or null
 * @param illustrative the scenario's illustrative assumptions, in its order (empty when none)
 */
public record Provenance(
    String command, String version, Long seed, String scenario, String scenarioSha256, List<String> illustrative) {
  public Provenance {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(version, "version");
    illustrative = List.copyOf(illustrative == null ? List.of() : illustrative);
  }

  /**
   * The provenance of an output of this build.
   *
   * @param content the scenario file's bytes, or null when there is no scenario or they cannot be
   *     read
   */
  public static Provenance of(String command, Long seed, String scenario, byte[] content, List<String> illustrative) {
    return new Provenance(command, Version.get(), seed, scenario, content == null ? null : sha256(content), illustrative);
  }

  /** The SHA-256 of the bytes, in lowercase hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The provenance as {@code # key: value} lines for the head of a CSV file: command, version,
   * seed ({@code none} when there are no random draws), scenario, scenario_sha256, and one
   * {@code illustrative} line per assumption.
   */
  public String csvComments() {
    StringBuilder b = new StringBuilder();
    line(b, "command", command);
    line(b, "version", version);
    line(b, "seed", seed == null ? "none" : Long.toString(seed));
    line(b, "scenario", scenario == null ? "none" : scenario);
    line(b, "scenario_sha256", scenarioSha256 == null ? "none" : scenarioSha256);
    for (String i : illustrative) {
      line(b, "illustrative", i);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String key, String value) {
    b.append("# ").append(key).append(": ").append(oneLine(value)).append('\n');
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }

  /**
   * The provenance as a block of text closing a table: a blank line, then {@code Provenance:
   * spiral VERSION, COMMAND, seed S, scenario NAME (sha256 HEX)}, then the illustrative
   * assumptions unless the table has listed them already.
   */
  public String text(boolean withIllustrative) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%nProvenance: spiral %s, %s, seed %s, scenario %s%n", version, command,
        seed == null ? "none (no random draws)" : Long.toString(seed),
        scenario == null ? "none" : oneLine(scenario) + (scenarioSha256 == null ? "" : " (sha256 " + scenarioSha256 + ")")));
    if (withIllustrative && !illustrative.isEmpty()) {
      b.append(String.format("%nIllustrative assumptions (not findings of the sources):%n"));
      for (String i : illustrative) {
        b.append("  - ").append(oneLine(i)).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  /** The bytes of a text, for {@link #sha256} of content held as a string. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
