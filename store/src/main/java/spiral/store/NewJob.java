package spiral.store;

/**
 * A job to submit.
 *
 * @param kind simulate, options, negotiate or sweep
 * @param scenario the scenario as the request named it
 * @param scenarioYaml the scenario text it runs on (stored under its SHA-256)
 * @param seed the master seed
 * @param parameters the other inputs, a JSON object
 * @param ownerId the submitting account, which owns the job and its result
 */
public record NewJob(String kind, String scenario, String scenarioYaml, long seed,
    String parameters, long ownerId) {}
