package spiral.store;

/**
 * What a stored result was computed from: enough to compute it again, to the bit.
 *
 * @param id its id
 * @param jobId the job that computed it
 * @param kind simulate, options, negotiate or sweep
 * @param scenario the scenario as the job named it
 * @param scenarioHash the SHA-256 of the scenario text (kept in the store under this hash)
 * @param seed the master seed
 * @param version the Spiral version that computed it
 * @param parameters the other inputs, a JSON object
 * @param bodyHash the SHA-256 of the result's JSON text
 * @param createdAt when it was stored, epoch milliseconds
 * @param ownerId the account it belongs to (see {@link Visibility})
 * @param shared whether accounts other than its owner may read it
 */
public record ResultInfo(long id, long jobId, String kind, String scenario, String scenarioHash,
    long seed, String version, String parameters, String bodyHash, long createdAt, long ownerId, boolean shared) {}
