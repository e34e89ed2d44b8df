/**
 * Textbook crisis models with closed-form solutions: Chicken, the Stag Hunt of the spiral model,
 * brinkmanship, the war of attrition and Richardson's arms race. Each model is a record of its
 * parameters, validated on construction, with its closed-form results; the two-by-two games can
 * also be built as exact {@link spiral.game.StrategicGame}s for the equilibrium solvers.
 */
package spiral.game.models;
