package spiral.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The International Crisis Behavior data: the crises of the system-level file (ICB1) with their
 * crisis actors from the actor-level file (ICB2), typed.
 *
 * <p>The built-in copy is version 14 (487 crises, 1918–2017; 1,078 crisis actors), shipped
 * unchanged with the product. Cite as: Michael Brecher, Jonathan Wilkenfeld, Kyle Beardsley,
 * Patrick James and David Quinn, <i>International Crisis Behavior Data Codebook, Version 14</i>
 * (2017), and Brecher and Wilkenfeld, <i>A Study of Crisis</i> (University of Michigan Press,
 * 1997/2000).
 *
 * <p>The reader takes the files as the ICB project publishes them: comma-separated, a header row,
 * an optional UTF-8 byte-order mark, empty cells for missing values. It reads only the columns
 * Spiral uses, by name, so added columns do not matter; a missing column, a row with the wrong
 * number of cells, a non-integer code or an actor of an unknown crisis is an {@link
 * IcbFormatException} naming file, line, column and value. Cost: O(size of the files).
 *
 * @param version the data's version, e.g. "14"
 * @param crises the crises in file order
 */
public record IcbData(String version, List<IcbCrisis> crises) {
  /** The citation every output that uses the data carries. */
  public static final String CITATION =
      "International Crisis Behavior data, version 14: Michael Brecher, Jonathan Wilkenfeld, Kyle"
          + " Beardsley, Patrick James and David Quinn, International Crisis Behavior Data Codebook,"
          + " Version 14 (2017); Michael Brecher and Jonathan Wilkenfeld, A Study of Crisis"
          + " (University of Michigan Press, 1997/2000).";

  /** The largest file the reader accepts, in bytes (the version 14 files are under 300 kB). */
  public static final long MAX_BYTES = 64L << 20;

  private static final String SYSTEM_FILE = "icb1v14.csv";
  private static final String ACTOR_FILE = "icb2v14.csv";
  private static final String RESOURCE = "/spiral/data/icb/";
  private static volatile IcbData builtin;

  public IcbData {
    Objects.requireNonNull(version, "version");
    crises = List.copyOf(crises);
  }

  /** The built-in copy of version 14, read once. */
  public static IcbData builtin() {
    IcbData d = builtin;
    if (d == null) {
      synchronized (IcbData.class) {
        d = builtin;
        if (d == null) {
          d = read("14", SYSTEM_FILE, resource(SYSTEM_FILE), ACTOR_FILE, resource(ACTOR_FILE));
          builtin = d;
        }
      }
    }
    return d;
  }

  /**
   * Reads the two ICB files of a folder: the system-level file (a name starting {@code icb1}) and
   * the actor-level file ({@code icb2}), each ending {@code .csv}.
   *
   * @throws IcbFormatException when a file is missing, too large or malformed
   */
  public static IcbData read(Path folder) {
    Path system = find(folder, "icb1");
    Path actors = find(folder, "icb2");
    String version = system.getFileName().toString().replaceAll("(?i)^icb1v?|\\.csv$", "");
    return read(version.isEmpty() ? "?" : version, system.toString(), bytes(system),
        actors.toString(), bytes(actors));
  }

  /** Reads the two files' contents; {@code systemName} and {@code actorName} name them in errors. */
  public static IcbData read(String version, String systemName, byte[] system, String actorName, byte[] actors) {
    List<String[]> sys = new ArrayList<>();
    Map<String, Integer> sh = table(systemName, system, sys);
    List<String[]> act = new ArrayList<>();
    Map<String, Integer> ah = table(actorName, actors, act);
    Cells a = new Cells(actorName, ah, "crisno", "actor", "cracid", "nuclear", "powsta");
    Map<Integer, List<IcbActor>> byCrisis = new HashMap<>();
    for (int i = 0; i < act.size(); i++) {
      String[] r = act.get(i);
      int line = i + 2;
      int crisis = a.required(r, line, "crisno");
      byCrisis.computeIfAbsent(crisis, k -> new ArrayList<>()).add(new IcbActor(
          crisis, a.text(r, "actor"), a.optional(r, line, "cracid", 0), a.optional(r, line, "nuclear", 0),
          a.optional(r, line, "powsta", 0)));
    }
    Cells s = new Cells(systemName, sh, "crisno", "crisname", "yrtrig", "motrig", "datrig", "yrterm",
        "brexit", "break", "gravcr", "sevviosy", "forout", "outesr", "protrac", "geog");
    List<IcbCrisis> crises = new ArrayList<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (int i = 0; i < sys.size(); i++) {
      String[] r = sys.get(i);
      int line = i + 2;
      int no = s.required(r, line, "crisno");
      Integer before = seen.put(no, line);
      if (before != null) {
        throw s.error(line, "crisno", r, "crisis number " + no + " repeats line " + before);
      }
      int year = s.optional(r, line, "yrtrig", 0);
      if (year != 0 && (year < 1800 || year > 2200)) {
        throw s.error(line, "yrtrig", r, "year " + year + " is out of range");
      }
      crises.add(new IcbCrisis(no, s.text(r, "crisname").strip(), year, s.optional(r, line, "motrig", 0),
          s.optional(r, line, "datrig", 0), s.optional(r, line, "yrterm", 0), s.optional(r, line, "brexit", -1),
          s.optional(r, line, "break", 0), s.optional(r, line, "gravcr", -1), s.optional(r, line, "sevviosy", 0),
          s.optional(r, line, "forout", 0), s.optional(r, line, "outesr", 0), s.optional(r, line, "protrac", 0),
          s.optional(r, line, "geog", 0), byCrisis.getOrDefault(no, List.of())));
    }
    for (int i = 0; i < act.size(); i++) {
      int crisis = a.required(act.get(i), i + 2, "crisno");
      if (!seen.containsKey(crisis)) {
        throw a.error(i + 2, "crisno", act.get(i), "crisis " + crisis + " is not in " + systemName);
      }
    }
    if (crises.isEmpty()) {
      throw new IcbFormatException(systemName, 2, 1, "no crises (the file has a header only)");
    }
    return new IcbData(version, crises);
  }

  /** The crisis with this ICB number, or null. */
  public IcbCrisis crisis(int number) {
    for (IcbCrisis c : crises) {
      if (c.number() == number) {
        return c;
      }
    }
    return null;
  }

  private static Path find(Path folder, String prefix) {
    if (!Files.isDirectory(folder)) {
      throw new IcbFormatException(folder.toString(), 1, 1, "not a folder");
    }
    try (var files = Files.list(folder)) {
      List<Path> found = files.filter(p -> {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.startsWith(prefix) && n.endsWith(".csv");
      }).sorted().toList();
      if (found.size() != 1) {
        throw new IcbFormatException(folder.toString(), 1, 1, found.isEmpty()
            ? "no " + prefix + "*.csv file (the ICB " + (prefix.equals("icb1") ? "system" : "actor") + "-level file)"
            : "more than one " + prefix + "*.csv file: " + found);
      }
      return found.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      if (Files.size(p) > MAX_BYTES) {
        throw new IcbFormatException(p.toString(), 1, 1, "file of " + Files.size(p) + " bytes is larger than " + MAX_BYTES);
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = IcbData.class.getResourceAsStream(RESOURCE + name)) {
      if (in == null) {
        throw new IllegalStateException("the built-in ICB file " + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a file into rows of cells; returns the header's column indexes. */
  private static Map<String, Integer> table(String name, byte[] bytes, List<String[]> rows) {
    if (bytes.length > MAX_BYTES) {
      throw new IcbFormatException(name, 1, 1, "file of " + bytes.length + " bytes is larger than " + MAX_BYTES);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      // the ICB files are ASCII; older copies may be Latin-1
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    int last = lines.length;
    while (last > 0 && lines[last - 1].isEmpty()) {
      last--;
    }
    if (last == 0) {
      throw new IcbFormatException(name, 1, 1, "empty file");
    }
    String[] header = lines[0].split(",", -1);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      index.putIfAbsent(header[i].strip().toLowerCase(java.util.Locale.ROOT), i);
    }
    for (int i = 1; i < last; i++) {
      String line = lines[i];
      if (line.indexOf('"') >= 0) {
        throw new IcbFormatException(name, i + 1, line.indexOf('"') + 1, "quoted cells are not part of the ICB format");
      }
      String[] cells = line.split(",", -1);
      if (cells.length != header.length) {
        throw new IcbFormatException(name, i + 1, line.length() + 1,
            cells.length + " cells where the header has " + header.length + (i == last - 1 ? " (a truncated file?)" : ""));
      }
      rows.add(cells);
    }
    return index;
  }

  /** Typed access to the cells of one file's rows, by column name. */
  private static final class Cells {
    private final String file;
    private final Map<String, Integer> index;

    Cells(String file, Map<String, Integer> header, String... needed) {
      this.file = file;
      this.index = header;
      for (String n : needed) {
        if (!header.containsKey(n)) {
          throw new IcbFormatException(file, 1, 1, "no column '" + n + "' in the header");
        }
      }
    }

    String text(String[] row, String column) {
      return row[index.get(column)];
    }

    int required(String[] row, int line, String column) {
      String v = text(row, column).strip();
      if (v.isEmpty()) {
        throw error(line, column, row, column + " is empty");
      }
      return parse(row, line, column, v);
    }

    int optional(String[] row, int line, String column, int missing) {
      String v = text(row, column).strip();
      return v.isEmpty() ? missing : parse(row, line, column, v);
    }

    private int parse(String[] row, int line, String column, String v) {
      try {
        double d = Double.parseDouble(v);
        if (d != Math.rint(d) || Math.abs(d) > 1e9 || !v.matches("-?\\d+(\\.0*)?")) {
          throw new NumberFormatException();
        }
        return (int) d;
      } catch (NumberFormatException e) {
        throw error(line, column, row, column + " is not an integer code: '" + shorten(v) + "'");
      }
    }

    IcbFormatException error(int line, String column, String[] row, String message) {
      int col = 1;
      int at = index.get(column);
      for (int i = 0; i < at && i < row.length; i++) {
        col += row[i].length() + 1;
      }
      return new IcbFormatException(file, line, col, message);
    }

    private static String shorten(String v) {
      return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
  }
}
