package spiral.scenario;

import java.util.List;
import java.util.Objects;
import spiral.FileName;

/**
 * An alliance and its commitment (e.g. NATO's Article 5).
 *
 * @param id identifier
 * @param name display name
 * @param members actor ids
 * @param commitment collective defence, consultation, or none
 * @param commitmentCredibility c_all &isin; [0, 1]: how much an attack on an ally counts as one on
 *     the principal
 * @param cohesion h_0 &isin; [0, 1], cohesion at the start
 * @param riskTolerance the P(nuclear use) of a move above which the allies' cohesion suffers
 */
public record Alliance(
    String id,
    String name,
    List<String> members,
    Commitment commitment,
    double commitmentCredibility,
    double cohesion,
    double riskTolerance) {
  /** The kinds of alliance commitment. */
  public enum Commitment implements FileName {
    COLLECTIVE_DEFENCE("collectiveDefence", 1.0),
    CONSULTATION("consultation", 0.5),
    NONE("none", 0.0);

    private final String fileName;
    private final double factor;

    Commitment(String fileName, double factor) {
      this.fileName = fileName;
      this.factor = factor;
    }

    @Override
    public String fileName() {
      return fileName;
    }

    /** How much of the commitment credibility an attack on an ally carries. */
    public double factor() {
      return factor;
    }

    /** Parses the scenario-file spelling. */
    public static Commitment parse(String s) {
      return FileName.parse(Commitment.class, s, "commitment");
    }
  }

  public Alliance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(commitment, "commitment");
    name = name == null ? id : name;
    members = List.copyOf(members);
    Checks.unit(id + ".commitmentCredibility", commitmentCredibility);
    Checks.unit(id + ".cohesion", cohesion);
    Checks.unit(id + ".riskTolerance", riskTolerance);
  }
}
