package spiral.explore.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's results read back from its CSV (or Parquet): the parameter columns (between {@code
 * point} and {@code seed}), the output columns (after {@code seed}), and one row per complete
 * line, with where each row came from so that a problem can be located.
 *
 * <p>Rows are taken as written. {@link #inDesignOrder} matches them to a sweep's design: by
 * their {@code point} and by their parameter values, which must be the design's values of that
 * point at the precision they were written with (see {@link #resolution()}).
 *
 * @param source the file's name, for messages
 * @param parameters the parameter paths
 * @param outputs the output names
 * @param points each row's {@code point} column
 * @param x parameter values, one row per row of the file
 * @param y output values, y[k][i] output k at row i
 * @param resolution resolution[i][j] half a unit in the last digit with which value x[i][j] was
 *     written (0 for a binary double), or null when every value is an exact double
 * @param lines each row's line in the file (1 is the header), or null when the file has no lines
 *     (Parquet: rows are then named by their position, 1 the first)
 */
public record SweepResults(String source, List<String> parameters, List<String> outputs,
    int[] points, double[][] x, double[][] y, double[][] resolution, int[] lines) {

  /** Copies the names; checks the shapes. */
  public SweepResults {
    parameters = List.copyOf(parameters);
    outputs = List.copyOf(outputs);
    if (points.length != x.length || y.length != outputs.size()
        || (resolution != null && resolution.length != x.length)
        || (lines != null && lines.length != x.length)) {
      throw new IllegalArgumentException("results of mismatched shapes");
    }
  }

  /** Results without a file behind them: rows in point order, values exact. */
  public SweepResults(List<String> parameters, List<String> outputs, double[][] x,
      double[][] y) {
    this("results", parameters, outputs, identity(x.length), x, y, null, null);
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** The values of one output, one per row. */
  public double[] output(String name) {
    int k = outputs.indexOf(name);
    if (k < 0) {
      throw new SweepException("no output '" + name + "' in the results (there are: "
          + String.join(", ", outputs) + ")");
    }
    return y[k].clone();
  }

  /** The outputs by name. */
  public Map<String, double[]> byName() {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int k = 0; k < outputs.size(); k++) {
      m.put(outputs.get(k), y[k].clone());
    }
    return m;
  }

  /** Whether the rows come in point order 0, 1, 2, ... */
  public boolean inPointOrder() {
    for (int i = 0; i < points.length; i++) {
      if (points[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows matched to a design and put in point order. Each row's {@code point} must be a
   * point of the design, appear once, and its parameter values must be that point's design
   * values: |written - design| at most half a unit in the last digit written (so a value
   * written with all its digits, as the sweep writes them, must be exact), plus 8 units in the
   * last place of the double for a writer that recomputed it. Rows in another order are thus
   * re-ordered by point; a row whose values belong to another point is refused. Cost: O(n d).
   *
   * @param design the design's points in the parameters' units, [point][parameter]
   * @param complete whether every point must be present (the analysis needs the whole design)
   * @param what the design's name for messages, e.g. "saltelli"
   * @throws SweepException locating the first offending row and value (file:line:column, or
   *     file: row R, column NAME for Parquet), or naming the missing points
   */
  public SweepResults inDesignOrder(double[][] design, boolean complete, String what) {
    int n = design.length;
    int d = parameters.size();
    int[] rowOf = new int[n];
    java.util.Arrays.fill(rowOf, -1);
    for (int i = 0; i < points.length; i++) {
      int p = points[i];
      if (p < 0 || p >= n) {
        throw new SweepException(location(i, 0) + ": point: " + p + " is not a point of the "
            + what + " design (it has " + n + ": 0 to " + (n - 1) + ")");
      }
      if (rowOf[p] >= 0) {
        throw new SweepException(location(i, 0) + ": point: " + p + " appears twice (also "
            + where(rowOf[p]) + ")");
      }
      rowOf[p] = i;
      for (int j = 0; j < d; j++) {
        double v = x[i][j];
        double want = design[p][j];
        double tol = (resolution == null ? 0 : resolution[i][j])
            + 8 * Math.ulp(Math.max(Math.abs(v), Math.abs(want)));
        if (!(Math.abs(v - want) <= tol)) {
          throw new SweepException(location(i, 1 + j) + ": " + parameters.get(j) + ": "
              + v + " is not point " + p + "'s value in the " + what + " design ("
              + want + "): the row does not belong to point " + p
              + (resolution == null ? "" : String.format(Locale.ROOT,
                  " (values must match to the precision written, here %.3g)",
                  resolution[i][j])));
        }
      }
    }
    int found = points.length;
    if (complete && found < n) {
      StringBuilder missing = new StringBuilder();
      int shown = 0;
      for (int p = 0; p < n && shown < 5; p++) {
        if (rowOf[p] < 0) {
          missing.append(shown++ == 0 ? "" : ", ").append(p);
        }
      }
      throw new SweepException(source + ": the " + what + " design has " + n
          + " points but the results have " + found + " (missing: " + missing
          + (n - found > shown ? ", .." : "") + "); finish the sweep with --resume");
    }
    int m = 0;
    for (int p = 0; p < n; p++) {
      m += rowOf[p] >= 0 ? 1 : 0;
    }
    int[] pts = new int[m];
    double[][] xs = new double[m][];
    double[][] ys = new double[y.length][m];
    double[][] res = resolution == null ? null : new double[m][];
    int[] ls = lines == null ? null : new int[m];
    int k = 0;
    for (int p = 0; p < n; p++) {
      int i = rowOf[p];
      if (i < 0) {
        continue;
      }
      pts[k] = p;
      xs[k] = x[i];
      for (int o = 0; o < y.length; o++) {
        ys[o][k] = y[o][i];
      }
      if (res != null) {
        res[k] = resolution[i];
      }
      if (ls != null) {
        ls[k] = lines[i];
      }
      k++;
    }
    return new SweepResults(source, parameters, outputs, pts, xs, ys, res, ls);
  }

  /** "line L" or "row R", for the row's other mention in a message. */
  private String where(int row) {
    return lines != null ? "line " + lines[row] : "row " + (row + 1);
  }

  /**
   * Where field {@code field} (0 the point, 1 + j parameter j) of row {@code row} is:
   * FILE:LINE:COLUMN for a text file (the column found by reading the line again), or FILE: row
   * R, column NAME.
   */
  String location(int row, int field) {
    String name = field == 0 ? "point" : parameters.get(field - 1);
    if (lines == null) {
      return source + ": row " + (row + 1) + ", column " + name;
    }
    int line = lines[row];
    int column = 1;
    try (BufferedReader r = Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8)) {
      String text = null;
      for (int l = 1; l <= line; l++) {
        text = r.readLine();
      }
      if (text != null) {
        for (int f = 0, at = 0; f < field; f++) {
          at = text.indexOf(',', at) + 1;
          column = at + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return source + ":" + line + ": " + name;
    }
    return source + ":" + line + ":" + column;
  }

  /**
   * Half a unit in the last digit of a number as written in decimal: 0.5 for "3", 0.005 for
   * "2.25", 5e-7 for "1.5E-6".
   */
  static double resolution(String text) {
    String t = text.trim();
    int e = Math.max(t.indexOf('e'), t.indexOf('E'));
    int exponent = 0;
    String mantissa = t;
    if (e >= 0) {
      exponent = Integer.parseInt(t.substring(e + 1));
      mantissa = t.substring(0, e);
    }
    int dot = mantissa.indexOf('.');
    int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
    return 0.5 * Math.pow(10, exponent - decimals);
  }

  /**
   * Reads a results file; an incomplete last line (no line end) is ignored.
   *
   * @throws SweepException naming the file and line when it is not a sweep's results
   * @throws IOException if it cannot be read
   */
  public static SweepResults read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new SweepException(file + ": no such results file");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = SweepRunner.completeLines(text);
    if (lines.isEmpty()) {
      throw new SweepException(file + ": empty results file");
    }
    String[] head = lines.get(0).split(",", -1);
    int seedCol = List.of(head).indexOf("seed");
    if (head.length < 3 || !head[0].equals("point") || seedCol < 2 || seedCol == head.length - 1) {
      throw new SweepException(file + ":1: not a sweep's results (expected the header"
          + " point,PARAMETER..,seed,OUTPUT..)");
    }
    List<String> params = List.of(head).subList(1, seedCol);
    List<String> outs = List.of(head).subList(seedCol + 1, head.length);
    int n = lines.size() - 1;
    int[] points = new int[n];
    int[] lineOf = new int[n];
    double[][] x = new double[n][params.size()];
    double[][] res = new double[n][params.size()];
    double[][] y = new double[outs.size()][n];
    for (int i = 0; i < n; i++) {
      String line = lines.get(i + 1);
      String[] f = line.split(",", -1);
      lineOf[i] = i + 2;
      if (f.length != head.length) {
        throw new SweepException(file + ":" + (i + 2) + ": expected " + head.length
            + " fields, found " + f.length);
      }
      int field = 0;
      try {
        points[i] = Integer.parseInt(f[0].trim());
        for (int j = 0; j < params.size(); j++) {
          field = 1 + j;
          x[i][j] = Double.parseDouble(f[field]);
          res[i][j] = resolution(f[field]);
          if (!Double.isFinite(x[i][j])) {
            throw new NumberFormatException(f[field]);
          }
        }
        for (int k = 0; k < outs.size(); k++) {
          field = seedCol + 1 + k;
          y[k][i] = Double.parseDouble(f[field]);
        }
      } catch (NumberFormatException e) {
        int column = 1;
        for (int g = 0; g < field; g++) {
          column += f[g].length() + 1;
        }
        throw new SweepException(file + ":" + (i + 2) + ":" + column + ": " + head[field]
            + ": not a " + (field == 0 ? "point number" : "finite number") + ": '" + f[field]
            + "'");
      }
    }
    return new SweepResults(file.toString(), new ArrayList<>(params), new ArrayList<>(outs),
        points, x, y, res, lineOf);
  }
}
