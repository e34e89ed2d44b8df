package spiral.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import spiral.scenario.Scenario;
import spiral.scenario.Uncertainty;

/**
 * A weighted posterior sample on disk: CSV with a commented header ({@code # key: value} lines,
 * which pandas reads with {@code comment='#'} and R with {@code comment.char}), then the columns
 * {@code particle,weight,distance} and one per parameter.
 *
 * <p>The header names the scenario, the reference class, the seed and Spiral's version. Reading
 * checks that the file belongs to the scenario it is used with, that every parameter is one of
 * the scenario's declared uncertainties and lies in its range, and that the weights are
 * non-negative with a positive sum; each problem is an {@link IllegalArgumentException} naming
 * file, line, column and value. Cost: O(size).
 *
 * @param scenario the scenario's id
 * @param meta the header's key-value pairs, in order
 * @param parameters the parameters' paths
 * @param particles particles[i] is θ of particle i
 * @param weights normalised weights
 */
public record PosteriorFile(String scenario, Map<String, String> meta, List<String> parameters, double[][] particles, double[] weights) {
  /** The largest posterior file read, in bytes. */
  public static final long MAX_BYTES = 256L << 20;

  public PosteriorFile {
    Objects.requireNonNull(scenario, "scenario");
    meta = Map.copyOf(meta);
    parameters = List.copyOf(parameters);
  }

  /** The CSV text of a calibration's posterior. */
  public static String csv(Calibration.Report r, String version) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("# spiral: ").append(version).append('\n')
        .append("# kind: posterior\n")
        .append("# scenario: ").append(r.scenario()).append('\n')
        .append("# reference: ").append(r.reference()).append('\n')
        .append("# class-size: ").append(r.classSize()).append('\n')
        .append("# seed: ").append(r.seed()).append('\n')
        .append("# tolerance: ").append(fmt(last(r.result()).tolerance())).append('\n')
        .append("# ess: ").append(fmt(r.result().ess())).append('\n')
        .append("# data: ").append(IcbData.CITATION).append('\n');
    b.append("particle,weight,distance");
    for (String p : r.parameters()) {
      b.append(',').append(p);
    }
    b.append('\n');
    AbcSmc.Result res = r.result();
    for (int i = 0; i < res.particles().length; i++) {
      b.append(i).append(',').append(fmt(res.weights()[i])).append(',').append(fmt(res.distances()[i]));
      for (double v : res.particles()[i]) {
        b.append(',').append(fmt(v));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static AbcSmc.Generation last(AbcSmc.Result r) {
    List<AbcSmc.Generation> g = r.generations();
    for (int i = g.size() - 1; i >= 0; i--) {
      if (!Double.isNaN(g.get(i).ess())) {
        return g.get(i);
      }
    }
    return g.get(0);
  }

  /**
   * Reads a posterior file for a scenario.
   *
   * @param name the file's name, for messages
   * @throws IllegalArgumentException located, when the file is malformed or belongs elsewhere
   */
  public static PosteriorFile read(String name, String text, Scenario sc) {
    if (text.length() > MAX_BYTES) {
      throw new IllegalArgumentException(name + ":1:1: file larger than " + MAX_BYTES + " bytes");
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException(name + ":" + lines.length + ":1: the last line is incomplete (a truncated file?)");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.length && lines[i].startsWith("#")) {
      String l = lines[i].substring(1).trim();
      int c = l.indexOf(':');
      if (c > 0) {
        meta.put(l.substring(0, c).trim(), l.substring(c + 1).trim());
      }
      i++;
    }
    if (!"posterior".equals(meta.get("kind"))) {
      throw new IllegalArgumentException(name + ":1:1: not a Spiral posterior file (no '# kind: posterior' line; write one with 'spiral calibrate')");
    }
    String of = meta.get("scenario");
    if (!sc.id().equals(of)) {
      throw new IllegalArgumentException(name + ":1:1: the posterior belongs to scenario '" + of + "', not '" + sc.id() + "'");
    }
    if (i >= lines.length || lines[i].isBlank()) {
      throw new IllegalArgumentException(name + ":" + (i + 1) + ":1: no header row after the comments");
    }
    String[] header = lines[i].split(",", -1);
    if (header.length < 4 || !header[0].equals("particle") || !header[1].equals("weight") || !header[2].equals("distance")) {
      throw new IllegalArgumentException(name + ":" + (i + 1) + ":1: expected the header particle,weight,distance,PARAMETER...");
    }
    Map<String, Uncertainty> declared = new LinkedHashMap<>();
    for (Uncertainty u : sc.uncertainties()) {
      declared.put(u.parameter(), u);
    }
    List<String> params = new ArrayList<>();
    List<Uncertainty> dists = new ArrayList<>();
    int col = header[0].length() + header[1].length() + header[2].length() + 4;
    for (int k = 3; k < header.length; k++) {
      Uncertainty u = declared.get(header[k]);
      if (u == null) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ":" + col + ": '" + header[k]
            + "' is not one of the scenario's declared uncertainties (" + String.join(", ", declared.keySet()) + ")");
      }
      params.add(header[k]);
      dists.add(u);
      col += header[k].length() + 1;
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (int li = i + 1; li < lines.length; li++) {
      if (lines[li].isEmpty() && li == lines.length - 1) {
        break;
      }
      String[] f = lines[li].split(",", -1);
      if (f.length != header.length) {
        throw new IllegalArgumentException(name + ":" + (li + 1) + ":1: " + f.length + " cells where the header has " + header.length);
      }
      int c = 1;
      double[] theta = new double[params.size()];
      double w = 0;
      for (int k = 0; k < f.length; k++) {
        double v;
        try {
          v = Double.parseDouble(f[k]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + ":" + (li + 1) + ":" + c + ": not a number: '" + cut(f[k]) + "'");
        }
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(name + ":" + (li + 1) + ":" + c + ": not a finite number: '" + cut(f[k]) + "'");
        }
        if (k == 1) {
          if (v < 0) {
            throw new IllegalArgumentException(name + ":" + (li + 1) + ":" + c + ": negative weight " + f[k]);
          }
          w = v;
        } else if (k >= 3) {
          Uncertainty u = dists.get(k - 3);
          if (Prior.density(u, v) <= 0) {
            throw new IllegalArgumentException(name + ":" + (li + 1) + ":" + c + ": " + u.parameter() + " = " + f[k]
                + " is outside the scenario's declared range (" + Calibration.describe(u) + ")");
          }
          theta[k - 3] = v;
        }
        c += f[k].length() + 1;
      }
      rows.add(theta);
      weights.add(w);
      total += w;
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(name + ":" + (i + 2) + ":1: no particles");
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(name + ":" + (i + 2) + ":1: the weights sum to zero");
    }
    double[] w = new double[rows.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = weights.get(k) / total;
    }
    return new PosteriorFile(of, meta, params, rows.toArray(new double[0][]), w);
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
  }
}
