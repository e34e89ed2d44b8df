package spiral.scenario;

import java.util.List;

/**
 * The constants of the escalation model (MODEL.md, second edition in the README's model
 * section), each with its documented default. Each is set in a scenario file under the section
 * and key of {@link #KEYS} ({@code model.pressureRate}, {@code talks.open}, ...), the same path
 * the {@code uncertainties} section and sweeps use.
 *
 * @param rho &rho;, credibility scale in rungs (2)
 * @param delta &delta;, continuation-hazard offset in rungs (2)
 * @param tau &tau;, continuation-hazard scale in rungs (1)
 * @param credibilityRate &eta;_&kappa;, credibility lost per under-answer at full stake (0.5)
 * @param cohesionRate &eta;_h, cohesion lost per rung of under-answer to an attack on allies,
 *     scaled by 1/R (0.5)
 * @param cohesionRiskRate &eta;_h', cohesion lost per unit of P_nuc above the allies' risk
 *     tolerance (0.5)
 * @param cohesionDrift drift of cohesion back toward its start per responder move that costs none
 *     (0.1)
 * @param influenceShift &epsilon;_&omega;, influence gained by the most risk-averse faction after
 *     an accident or a rise in P_nuc (0.05)
 * @param pressureRate &eta;_&pi;, escalation pressure per rung by which a side was hit harder than
 *     its own last act (0.25)
 * @param pressureDecay &phi;, the share of a side's escalation pressure left after each of its
 *     turns (0.5)
 * @param cohesionValue v_h, what one unit of alliance cohesion is worth to the responder, in units
 *     of its credibility weight (4)
 * @param nuclearTaboo the weight, in units of the risk weight, that a side puts on crossing the
 *     nuclear threshold by its own choice beyond the risk itself, divided by (1 + &pi;) so that
 *     only great pressure erodes it (the nuclear taboo, Tannenwald 2007) (2)
 * @param audienceCost the initiator's stake in answering what it perceives, in place of the
 *     responder's alliance commitment: the domestic audience cost of letting a hit pass (Fearon
 *     1994), well below a commitment under Article 5 (0.05)
 * @param meaningfulDifference the smallest difference of normalised goal scores that the options
 *     ranking calls real (0.02); reporting only: it moves no run
 * @param talksOpen &tau;_open, per-turn probability that talks open when the crisis is ripe (0.3)
 * @param talksUncertainty u, uncertainty about leverage in the talks-success logistic (1.0)
 * @param talksScale s_b, scale of the talks-success logistic (0.5)
 * @param talksLeverage &psi;, how much a lopsided battlefield (|2p &minus; 1|) lowers the chance
 *     that talks succeed (1.0)
 * @param leverageStart p_0 (0.5)
 * @param leverageMomentum &mu; (0.0)
 * @param leverageDecay &gamma; (0.9)
 * @param leverageNoise &sigma;_p (0.02)
 * @param leveragePressure &ell;, escalation pressure per unit of battlefield leverage lost below
 *     its start (1.0)
 * @param warCost c_w, per-turn cost of the war to each side, the initiator paying c_w p and the
 *     responder c_w (1 &minus; p) (0.1)
 */
public record ModelConstants(
    double rho,
    double delta,
    double tau,
    double credibilityRate,
    double cohesionRate,
    double cohesionRiskRate,
    double cohesionDrift,
    double influenceShift,
    double pressureRate,
    double pressureDecay,
    double cohesionValue,
    double nuclearTaboo,
    double audienceCost,
    double meaningfulDifference,
    double talksOpen,
    double talksUncertainty,
    double talksScale,
    double talksLeverage,
    double leverageStart,
    double leverageMomentum,
    double leverageDecay,
    double leverageNoise,
    double leveragePressure,
    double warCost) {

  /** The scenario-file paths of the constants, in the order of the record's components. */
  public static final List<String> KEYS =
      List.of(
          "model.rho",
          "model.delta",
          "model.tau",
          "model.credibilityRate",
          "model.cohesionRate",
          "model.cohesionRiskRate",
          "model.cohesionDrift",
          "model.influenceShift",
          "model.pressureRate",
          "model.pressureDecay",
          "model.cohesionValue",
          "model.nuclearTaboo",
          "model.audienceCost",
          "model.meaningfulDifference",
          "talks.open",
          "talks.uncertainty",
          "talks.scale",
          "talks.leverage",
          "leverage.start",
          "leverage.momentum",
          "leverage.decay",
          "leverage.noise",
          "leverage.pressure",
          "leverage.warCost");

  /** The defaults. */
  public static final ModelConstants DEFAULTS =
      of(
          new double[] {
            2.0, 2.0, 1.0, 0.5, 0.5, 0.5, 0.1, 0.05, 0.25, 0.5, 4.0, 2.0, 0.05, 0.02, 0.3, 1.0, 0.5,
            1.0, 0.5, 0.0, 0.9, 0.02, 1.0, 0.1
          });

  public ModelConstants {
    Checks.positive("model.rho", rho);
    if (!Double.isFinite(delta)) {
      throw new IllegalArgumentException("model.delta must be finite");
    }
    Checks.positive("model.tau", tau);
    Checks.nonNegative("model.credibilityRate", credibilityRate);
    Checks.nonNegative("model.cohesionRate", cohesionRate);
    Checks.nonNegative("model.cohesionRiskRate", cohesionRiskRate);
    Checks.unit("model.cohesionDrift", cohesionDrift);
    Checks.unit("model.influenceShift", influenceShift);
    Checks.nonNegative("model.pressureRate", pressureRate);
    Checks.unit("model.pressureDecay", pressureDecay);
    Checks.nonNegative("model.cohesionValue", cohesionValue);
    Checks.nonNegative("model.nuclearTaboo", nuclearTaboo);
    Checks.unit("model.audienceCost", audienceCost);
    Checks.unit("model.meaningfulDifference", meaningfulDifference);
    Checks.unit("talks.open", talksOpen);
    Checks.nonNegative("talks.uncertainty", talksUncertainty);
    Checks.positive("talks.scale", talksScale);
    Checks.nonNegative("talks.leverage", talksLeverage);
    Checks.unit("leverage.start", leverageStart);
    if (!Double.isFinite(leverageMomentum)) {
      throw new IllegalArgumentException("leverage.momentum must be finite");
    }
    Checks.unit("leverage.decay", leverageDecay);
    Checks.nonNegative("leverage.noise", leverageNoise);
    Checks.nonNegative("leverage.pressure", leveragePressure);
    Checks.nonNegative("leverage.warCost", warCost);
  }

  /**
   * The constants from their values in {@link #KEYS} order.
   *
   * @throws IllegalArgumentException if the count is wrong or a value is out of its range
   */
  public static ModelConstants of(double[] v) {
    if (v.length != KEYS.size()) {
      throw new IllegalArgumentException(
          "expected " + KEYS.size() + " model constants, got " + v.length);
    }
    return new ModelConstants(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23]);
  }

  /** The values in {@link #KEYS} order (a new array). */
  public double[] values() {
    return new double[] {
      rho, delta, tau, credibilityRate, cohesionRate, cohesionRiskRate, cohesionDrift,
      influenceShift, pressureRate, pressureDecay, cohesionValue, nuclearTaboo, audienceCost,
      meaningfulDifference, talksOpen,
      talksUncertainty, talksScale, talksLeverage, leverageStart, leverageMomentum, leverageDecay,
      leverageNoise, leveragePressure, warCost
    };
  }

  /**
   * These constants with the one at {@code key} (one of {@link #KEYS}) set to v.
   *
   * @throws IllegalArgumentException if the key is not one of {@link #KEYS} or v is out of range
   */
  public ModelConstants with(String key, double v) {
    int i = KEYS.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("'" + key + "' does not name a numeric parameter");
    }
    double[] f = values();
    f[i] = v;
    return of(f);
  }
}
