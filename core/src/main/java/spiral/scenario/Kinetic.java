package spiral.scenario;

/**
 * The kinetic level of a response relative to the perceived attack (RAND PEA2081-1's first
 * dimension): none, less than proportionate, proportionate, more than proportionate.
 */
public enum Kinetic {
  NONE("none"),
  LESS("less"),
  PROPORTIONAL("proportional"),
  MORE("more");

  private final String fileName;

  Kinetic(String fileName) {
    this.fileName = fileName;
  }

  /** The scenario-file spelling. */
  public String fileName() {
    return fileName;
  }

  /** Parses the scenario-file spelling. */
  public static Kinetic parse(String s) {
    for (Kinetic k : values()) {
      if (k.fileName.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kinetic level '" + s + "'");
  }
}
