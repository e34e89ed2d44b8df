package spiral.store;

/**
 * A job as stored.
 *
 * @param id its id
 * @param kind simulate, options, negotiate or sweep
 * @param state where it stands
 * @param scenario the scenario as the request named it (a built-in name or a stored id)
 * @param scenarioHash the SHA-256 of the scenario text it runs on
 * @param seed the master seed
 * @param parameters the other inputs, a JSON object
 * @param error why it failed, or null
 * @param resultId its result once done, or null
 * @param createdAt when it was submitted, epoch milliseconds
 * @param startedAt when it started running, or null
 * @param finishedAt when it ended, or null
 * @param ownerId the account it belongs to (see {@link Visibility})
 * @param shared whether accounts other than its owner may read it
 */
public record Job(long id, String kind, JobState state, String scenario, String scenarioHash,
    long seed, String parameters, String error, Long resultId, long createdAt, Long startedAt,
    Long finishedAt, long ownerId, boolean shared) {}
