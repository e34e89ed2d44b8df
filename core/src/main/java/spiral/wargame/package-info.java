/**
 * Wargames: people play seats of a scenario (each side, or the factions of a side), the engine's
 * policies play the rest, each seat sees only what its side perceives, and an after-action report
 * compares the played game with the simulated distribution.
 *
 * <p>A game is pure data, (scenario, seed, seating, human seats, recorded moves); its state is
 * recomputed by replaying engine run 0 of the seed steered by the moves ({@link
 * spiral.wargame.Wargame#replay}). Nothing here keeps mutable state.
 */
package spiral.wargame;
