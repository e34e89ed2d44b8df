package spiral.store;

/**
 * A scenario a user stored.
 *
 * @param id its id
 * @param name the scenario's own id (its {@code id} key)
 * @param title the scenario's name
 * @param yaml the scenario file's text, as uploaded
 * @param hash the SHA-256 of the text
 * @param createdAt when it was stored, epoch milliseconds
 * @param updatedAt when it was last replaced, epoch milliseconds
 * @param ownerId the account it belongs to (see {@link Visibility})
 * @param shared whether accounts other than its owner may read it
 */
public record StoredScenario(long id, String name, String title, String yaml, String hash,
    long createdAt, long updatedAt, long ownerId, boolean shared) {}
