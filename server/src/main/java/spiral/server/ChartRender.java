package spiral.server;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import spiral.report.chart.Chart;
import spiral.report.chart.ChartSpec;
import spiral.report.chart.ChartSpecException;

/**
 * {@code POST /api/charts}: draws a chart specification with the same kit the HTML reports use
 * ({@link ChartSpec}), so the web app's charts and the reports' are one implementation. Answers
 * the SVG, its number of marks and its table; a specification that cannot be drawn is a 400 that
 * names the field. Cost: linear in the chart's marks, which the kit bounds.
 */
final class ChartRender {
  private ChartRender() {}

  private static final com.fasterxml.jackson.databind.ObjectReader SPEC = Bodies.READER.readerFor(ChartSpec.class)
      .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The drawn chart as the API answers it. */
  static Map<String, Object> render(ObjectNode body) {
    ChartSpec spec;
    try {
      JsonNode kind = body.get("kind");
      if (kind == null || !kind.isTextual()) {
        throw ApiException.badRequest("kind: required, one of bars, scatter, lines, intervals");
      }
      spec = SPEC.readValue(body);
    } catch (InvalidTypeIdException e) {
      throw ApiException.badRequest("kind: one of bars, scatter, lines, intervals, got '"
          + clip(body.get("kind").asText()) + "'");
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(path(e) + ": not a field of a " + body.get("kind").asText() + " chart");
    } catch (JsonMappingException e) {
      throw ApiException.badRequest(path(e) + ": missing, or of the wrong type or value");
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("the chart could not be read");
    }
    Chart c;
    try {
      c = spec.draw();
    } catch (ChartSpecException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("title", c.title());
    out.put("svg", c.svg());
    out.put("marks", c.marks());
    out.put("columns", c.columns());
    out.put("numeric", c.numeric());
    out.put("rows", c.rows());
    return out;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(clip(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? "the chart" : b.toString();
  }

  private static String clip(String s) {
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 40 ? t.substring(0, 40) + "\u2026" : t;
  }
}
