package spiral.store;

/**
 * A recorded move of a stored game.
 *
 * @param turn the turn it was made in
 * @param seat the seat that made it
 * @param option the chosen candidate's id, or "@engine" (the seat's side policy chooses)
 * @param accountId who recorded it (the seat's holder, or the facilitator for "@engine")
 * @param createdAt epoch milliseconds
 */
public record GameMove(int turn, String seat, String option, Long accountId, long createdAt) {}
