package spiral.scenario;

/**
 * The constants of the reference model (MODEL.md), each with its documented default.
 *
 * @param rho &rho;, credibility scale in rungs (2)
 * @param delta &delta;, continuation-hazard offset in rungs (2)
 * @param tau &tau;, continuation-hazard scale in rungs (1)
 * @param credibilityRate &eta;_&kappa;, credibility update rate (0.25)
 * @param cohesionRate &eta;_h, cohesion loss per rung of under-response, scaled by 1/R (0.2)
 * @param cohesionRiskRate &eta;_h', cohesion loss per unit of P_nuc above tolerance (0.5)
 * @param cohesionDrift drift of cohesion back toward its start per responder move (0.1)
 * @param influenceShift &epsilon;_&omega;, influence gained by the most risk-averse faction after
 *     an accident or a rise in P_nuc (0.05)
 * @param talksOpen &tau;_open, per-turn probability that talks open when the crisis is ripe (0.3)
 * @param talksUncertainty u, uncertainty about leverage in the talks-success logistic (1.0)
 * @param talksScale s_b, scale of the talks-success logistic (0.5)
 * @param leverageStart p_0 (0.5)
 * @param leverageMomentum &mu; (0.0)
 * @param leverageDecay &gamma; (0.9)
 * @param leverageNoise &sigma;_p (0.02)
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
    double talksOpen,
    double talksUncertainty,
    double talksScale,
    double leverageStart,
    double leverageMomentum,
    double leverageDecay,
    double leverageNoise) {

  /** The defaults of MODEL.md. */
  public static final ModelConstants DEFAULTS =
      new ModelConstants(
          2.0, 2.0, 1.0, 0.25, 0.2, 0.5, 0.1, 0.05, 0.3, 1.0, 0.5, 0.5, 0.0, 0.9, 0.02);

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
    Checks.unit("talks.open", talksOpen);
    Checks.nonNegative("talks.uncertainty", talksUncertainty);
    Checks.positive("talks.scale", talksScale);
    Checks.unit("leverage.start", leverageStart);
    if (!Double.isFinite(leverageMomentum)) {
      throw new IllegalArgumentException("leverage.momentum must be finite");
    }
    Checks.unit("leverage.decay", leverageDecay);
    Checks.nonNegative("leverage.noise", leverageNoise);
  }
}
