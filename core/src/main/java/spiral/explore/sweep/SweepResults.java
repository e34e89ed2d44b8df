package spiral.explore.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's results read back from its CSV: the parameter columns (between {@code point} and
 * {@code seed}), the output columns (after {@code seed}), and one row per complete line.
 *
 * @param parameters the parameter paths
 * @param outputs the output names
 * @param x parameter values, one row per point
 * @param y output values, y[k][i] output k at row i
 */
public record SweepResults(List<String> parameters, List<String> outputs, double[][] x,
    double[][] y) {

  /** Copies the names. */
  public SweepResults {
    parameters = List.copyOf(parameters);
    outputs = List.copyOf(outputs);
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
    double[][] x = new double[n][params.size()];
    double[][] y = new double[outs.size()][n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",", -1);
      if (f.length != head.length) {
        throw new SweepException(file + ":" + (i + 2) + ": expected " + head.length
            + " fields, found " + f.length);
      }
      try {
        for (int j = 0; j < params.size(); j++) {
          x[i][j] = Double.parseDouble(f[1 + j]);
        }
        for (int k = 0; k < outs.size(); k++) {
          y[k][i] = Double.parseDouble(f[seedCol + 1 + k]);
        }
      } catch (NumberFormatException e) {
        throw new SweepException(file + ":" + (i + 2) + ": not a number: " + e.getMessage());
      }
    }
    return new SweepResults(new ArrayList<>(params), new ArrayList<>(outs), x, y);
  }
}
