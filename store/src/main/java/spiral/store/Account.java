package spiral.store;

/**
 * An account.
 *
 * @param id its key
 * @param name its login name (lower case)
 * @param role what it may do
 * @param createdAt when it was created, epoch milliseconds
 */
public record Account(long id, String name, Role role, long createdAt) {}
