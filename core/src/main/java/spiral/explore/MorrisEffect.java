package spiral.explore;

/**
 * One parameter's Morris elementary-effect statistics, in output units per unit-cube step.
 *
 * @param parameter the parameter name
 * @param mu the mean elementary effect &mu;
 * @param muStar the mean absolute elementary effect &mu;* (Campolongo et al. 2007)
 * @param sigma the sample standard deviation (n - 1 divisor) of the elementary effects
 * @param effects how many elementary effects were averaged (the number of trajectories)
 */
public record MorrisEffect(String parameter, double mu, double muStar, double sigma,
    int effects) {}
