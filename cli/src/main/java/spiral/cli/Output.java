package spiral.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import spiral.JsonText;
import spiral.Provenance;

/** Writes a command's output to standard output or, atomically, to a file. */
final class Output {
  static final ObjectMapper JSON = JsonText.MAPPER;

  private Output() {}

  static String json(Object value) {
    return JsonText.of(value);
  }

  /**
   * A result as JSON with its provenance: the result's own object with a {@code provenance}
   * object added last (a result that is no JSON object is wrapped as {@code {result, provenance}}).
   */
  static String json(Object value, Provenance provenance) {
    com.fasterxml.jackson.databind.JsonNode node = JSON.valueToTree(value);
    com.fasterxml.jackson.databind.node.ObjectNode o;
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode obj) {
      o = obj;
    } else {
      o = JSON.createObjectNode();
      o.set("result", node);
    }
    o.set("provenance", JSON.valueToTree(provenance));
    return JsonText.of(o);
  }

  /** A CSV table with its provenance as {@code # key: value} lines before the header. */
  static String csv(String table, Provenance provenance) {
    return provenance.csvComments() + table;
  }

  /** Fails as bad input, before any work, when a file's folder does not exist. */
  static void checkFolder(Path file, String option) {
    if (file == null) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException("spiral: " + option + ": folder " + dir + " does not exist");
    }
  }

  /** Writes text to {@code file} (via a temporary file and a move) or to {@code out}. */
  static void write(String text, Path file, PrintWriter out) {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    checkFolder(file, "--out");
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        // a new file with the default permissions, not a private temporary file's
        Files.writeString(
            tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        spiral.LocalFiles.replace(tmp, abs);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
