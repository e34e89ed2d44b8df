/**
 * Exploration: experimental designs over a scenario's uncertain parameters ({@link
 * spiral.explore.Design}, {@link spiral.explore.Designs}, {@link spiral.explore.SaltelliDesign}),
 * global and local sensitivity analysis over the outputs ({@link spiral.explore.SobolAnalysis},
 * {@link spiral.explore.MorrisAnalysis}, {@link spiral.explore.Tornado}) and scenario discovery
 * ({@link spiral.explore.Prim}). Designs live in the unit cube; estimators are pure functions of
 * arrays of outputs, with any randomness injected as a seeded generator.
 */
package spiral.explore;
