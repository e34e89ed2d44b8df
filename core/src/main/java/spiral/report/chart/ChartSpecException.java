package spiral.report.chart;

/** A chart specification that cannot be drawn, naming the field (JSON path) and the problem. */
public final class ChartSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A problem with this field, e.g. {@code series[0].bars[2].value}. */
  public ChartSpecException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field, as a JSON path. */
  public String field() {
    return field;
  }
}
