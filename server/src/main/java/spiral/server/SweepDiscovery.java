package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.JsonText;
import spiral.explore.Discovery;
import spiral.store.StoredResult;

/**
 * Scenario discovery (PRIM) on a stored sweep result, for {@code GET
 * /api/results/{id}/discover}: the same analysis as {@code spiral discover} on the sweep's results
 * folder ({@link Discovery}), with the declared ranges read from the sweep the job ran. Nothing is
 * stored: the answer is computed from the stored points on each request.
 *
 * <p>Cost: one PRIM run on the points plus one per bootstrap resample (at most {@link
 * #MAX_BOOTSTRAP} here).
 */
final class SweepDiscovery {
  /** The most bootstrap resamples one request may ask for. */
  static final int MAX_BOOTSTRAP = 1000;

  private SweepDiscovery() {}

  /** Answers the request from the stored sweep result. */
  static Map<String, Object> find(Context ctx, StoredResult s) throws Exception {
    if (!s.info().kind().equals("sweep")) {
      throw ApiException.badRequest("result " + s.info().id() + " is a " + s.info().kind()
          + " result: scenario discovery runs on sweep results");
    }
    String text = ctx.queryParam("where");
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("where: required, e.g. where=nuclearUse > 0.05");
    }
    if (text.length() > 200) {
      throw ApiException.badRequest("where: at most 200 characters, had " + text.length());
    }
    Discovery.Condition where;
    try {
      where = Discovery.Condition.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("where: " + e.getMessage());
    }
    Discovery.Settings d = Discovery.Settings.DEFAULTS;
    int bootstrap = (int) number(ctx, "bootstrap", d.bootstrap(), 0, MAX_BOOTSTRAP);
    Discovery.Settings settings;
    try {
      settings = new Discovery.Settings(number(ctx, "alpha", d.alpha(), 0, 0.5),
          number(ctx, "minMass", d.minMass(), 0, 1), number(ctx, "minCoverage", d.minCoverage(), 0, 1),
          bootstrap, (long) number(ctx, "seed", d.seed(), 0, 1L << 52));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    JsonNode r = JsonText.MAPPER.readTree(s.body());
    List<String> names = new ArrayList<>();
    r.path("parameters").forEach(n -> names.add(n.asText()));
    List<String> outputs = new ArrayList<>();
    r.path("outputs").forEach(n -> outputs.add(n.asText()));
    int k = outputs.indexOf(where.output());
    if (k < 0) {
      throw ApiException.badRequest("where: no output '" + Bodies.clip(where.output())
          + "' in this sweep (there are: " + String.join(", ", outputs) + ")");
    }
    JsonNode points = r.path("points");
    double[][] x = new double[points.size()][names.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        x[i][j] = points.get(i).path("values").get(j).asDouble();
      }
      y[i] = points.get(i).path("outputs").get(k).asDouble();
    }
    double[][] declared = declared(s, names, x);
    Discovery.Found f;
    try {
      f = Discovery.run(names, x, y, where, declared[0], declared[1], settings);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("where: " + e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", s.info().id());
    out.put("alpha", settings.alpha());
    out.put("minMass", settings.minMass());
    out.put("minCoverage", settings.minCoverage());
    out.put("discovery", f);
    return out;
  }

  /**
   * Each parameter's declared range from the sweep the job ran ({@code min}/{@code max}, or the
   * extremes of its listed values); the data's extremes where the sweep does not say ({@link
   * Discovery#run} widens the declared ranges to the points).
   */
  private static double[][] declared(StoredResult s, List<String> names, double[][] x) throws Exception {
    JsonNode spec = Bodies.READER.readTree(s.info().parameters()).path("parameters");
    double[] low = new double[names.size()];
    double[] high = new double[names.size()];
    for (int j = 0; j < names.size(); j++) {
      low[j] = Double.POSITIVE_INFINITY;
      high[j] = Double.NEGATIVE_INFINITY;
      JsonNode p = spec.isArray() && spec.size() == names.size() ? spec.get(j) : null;
      if (p != null && p.has("min") && p.has("max")) {
        low[j] = p.get("min").asDouble();
        high[j] = p.get("max").asDouble();
      } else if (p != null && p.path("values").isArray()) {
        for (JsonNode v : p.get("values")) {
          low[j] = Math.min(low[j], v.asDouble());
          high[j] = Math.max(high[j], v.asDouble());
        }
      }
      if (Double.isInfinite(low[j])) { // not declared: the data's extremes
        for (double[] xi : x) {
          low[j] = Math.min(low[j], xi[j]);
          high[j] = Math.max(high[j], xi[j]);
        }
      }
    }
    return new double[][] {low, high};
  }

  /** A number query parameter within [min, max], or its default when absent. */
  private static double number(Context ctx, String name, double fallback, double min, double max) {
    String q = ctx.queryParam(name);
    if (q == null || q.isBlank()) {
      return fallback;
    }
    double v;
    try {
      v = Double.parseDouble(q.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + ": not a number: '" + Bodies.clip(q) + "'");
    }
    if (!(v >= min && v <= max)) {
      throw ApiException.badRequest(name + ": must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }
}
