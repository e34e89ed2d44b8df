package spiral.store;

/**
 * A wargame as stored: what it is played from (the scenario text by its SHA-256, the seed, the
 * seating) and who runs it. Its state is not stored: it is the replay of its moves.
 *
 * @param id the game's id
 * @param title the title the facilitator gave
 * @param scenario the scenario's reference (a built-in name or a stored scenario's id)
 * @param scenarioName the scenario's name (its {@code id:} field)
 * @param scenarioHash the SHA-256 of the scenario text (kept in {@code scenario_text})
 * @param seed the seed of the game's engine run
 * @param seating "sides" or "factions"
 * @param facilitatorId the account that opened it
 * @param over whether the game has ended
 * @param hasReport whether its after-action report is stored
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds of the last move or change
 * @param teaching whether the seats see the engine's utilities of their candidate moves
 */
public record StoredGame(long id, String title, String scenario, String scenarioName,
    String scenarioHash, long seed, String seating, long facilitatorId, boolean over,
    boolean hasReport, long createdAt, long updatedAt, boolean teaching) {}
