package spiral.store;

/**
 * A stored scenario as a list shows it: its metadata without its text.
 *
 * @param id its id
 * @param name the scenario's own id (its {@code id} key)
 * @param title the scenario's name
 * @param facts what the text says (ladder, initiating rung, sections)
 * @param sizeBytes the size of the text in bytes (UTF-8)
 * @param hash the SHA-256 of the text
 * @param createdAt when it was stored, epoch milliseconds
 * @param updatedAt when it was last replaced, epoch milliseconds
 * @param ownerId the account it belongs to (see {@link Visibility})
 * @param shared whether accounts other than its owner may read it
 */
public record ScenarioInfo(long id, String name, String title, ScenarioFacts facts, long sizeBytes,
    String hash, long createdAt, long updatedAt, long ownerId, boolean shared) {}
