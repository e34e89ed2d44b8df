package spiral.store;

/**
 * A seat of a stored game.
 *
 * @param gameId the game
 * @param seat the seat's id (e.g. "russia" or "russia/kremlin")
 * @param accountId the account that holds it, or null (unclaimed, or engine-played)
 * @param engine whether the engine plays it (no invitation)
 * @param invited whether an unclaimed invitation is outstanding
 */
public record GameSeat(long gameId, String seat, Long accountId, boolean engine, boolean invited) {}
