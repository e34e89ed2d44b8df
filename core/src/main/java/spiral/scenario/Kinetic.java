package spiral.scenario;

import spiral.FileName;

/**
 * The kinetic level of a response relative to the perceived attack (RAND PEA2081-1's first
 * dimension): none, less than proportionate, proportionate, more than proportionate.
 */
public enum Kinetic implements FileName {
  NONE("none"),
  LESS("less"),
  PROPORTIONAL("proportional"),
  MORE("more");

  private final String fileName;

  Kinetic(String fileName) {
    this.fileName = fileName;
  }

  @Override
  public String fileName() {
    return fileName;
  }

  /** Parses the scenario-file spelling. */
  public static Kinetic parse(String s) {
    return FileName.parse(Kinetic.class, s, "kinetic level");
  }
}
