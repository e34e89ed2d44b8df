package spiral.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a server runs.
 *
 * @param host the address to bind (127.0.0.1 by default: only this machine can reach it)
 * @param port the port, 0 for any free one
 * @param dbUrl a JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…}), or null for the H2
 *     file in {@code dataDir}
 * @param dbUser the database user, or null
 * @param dbPassword the database password, or null
 * @param dataDir the data folder (created when missing; it holds the H2 file)
 * @param jobThreads jobs run at once; the others wait in the queue
 * @param workerThreads threads the running jobs share for their simulations
 * @param maxQueuedJobs jobs that may wait; one more is refused with 503
 * @param maxBodyBytes the largest request body accepted; a larger one gets 413
 * @param adminPassword the password of the facilitator account {@code admin} that a server with
 *     no account yet creates, or null to generate one (shown once)
 * @param signupsPerHour sign-ups allowed from one client address within an hour
 * @param maxConnectionsPerAddress connections that may be open at once from one peer address; one
 *     more is closed as it opens
 * @param trustedProxies the reverse proxies (IP addresses or CIDR ranges) whose {@code
 *     X-Forwarded-For} is believed; empty: the client is always the connection's peer
 * @param maxRunsPerJob the most simulated runs one job may ask for (see {@link JobSpec}); a job
 *     asking for more is refused with 400 before it is queued. The admin's limit, and the ceiling
 *     of every other
 * @param jobsPerAccount jobs one account may have queued or running at once; one more is refused
 *     with 429
 * @param facilitatorRunsPerJob the most simulated runs one job of a facilitator may ask for (at
 *     most {@code maxRunsPerJob} in any case); more is refused with 400 before it is queued
 */
public record ServerConfig(String host, int port, String dbUrl, String dbUser, String dbPassword,
    Path dataDir, int jobThreads, int workerThreads, int maxQueuedJobs, long maxBodyBytes, String adminPassword,
    int signupsPerHour, int maxConnectionsPerAddress, List<String> trustedProxies, long maxRunsPerJob,
    int jobsPerAccount, long facilitatorRunsPerJob) {

  /** The default body limit: 1 MiB. */
  public static final long MAX_BODY = 1 << 20;
  /** The default sign-up limit per client address: 100 an hour. */
  public static final int SIGNUPS_PER_HOUR = 100;
  /**
   * The default limit of open connections per peer address: 256 (a browser opens up to 6; a room
   * of players behind one address shares the limit).
   */
  public static final int CONNECTIONS_PER_ADDRESS = 256;
  /** The default limit of simulated runs per job: 1,000,000. */
  public static final long MAX_RUNS_PER_JOB = 1_000_000L;

  /** The default limit of jobs queued or running per account: 4. */
  public static final int JOBS_PER_ACCOUNT = 4;
  /** The default limit of simulated runs per job of a facilitator: 200,000. */
  public static final long FACILITATOR_RUNS_PER_JOB = 200_000L;

  /**
   * The default number of worker threads: every core but one (at least one), so that running jobs
   * never take the core that answers requests.
   */
  public static int defaultWorkerThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** Checks the values. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    trustedProxies = List.copyOf(trustedProxies);
    ClientAddress.trusting(trustedProxies); // fails on an entry that is not an address or range
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (jobThreads < 1 || workerThreads < 1 || maxQueuedJobs < 1 || maxBodyBytes < 1 || signupsPerHour < 1
        || maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException("thread counts, queue, body, sign-up and connection limits must be positive");
    }
    if (maxRunsPerJob < 1 || facilitatorRunsPerJob < 1 || jobsPerAccount < 1) {
      throw new IllegalArgumentException("the run and job limits must be positive, were " + maxRunsPerJob
          + ", " + facilitatorRunsPerJob + ", " + jobsPerAccount);
    }
  }

  /** A server on 127.0.0.1:{@code port} with the H2 file in {@code dataDir}. */
  public static ServerConfig local(int port, Path dataDir) {
    return new ServerConfig("127.0.0.1", port, null, null, null, dataDir, 1,
        defaultWorkerThreads(), 100, MAX_BODY, null, SIGNUPS_PER_HOUR,
        CONNECTIONS_PER_ADDRESS, List.of(), MAX_RUNS_PER_JOB, JOBS_PER_ACCOUNT, FACILITATOR_RUNS_PER_JOB);
  }

  /** The same with another database. */
  public ServerConfig withDatabase(String url, String user, String password) {
    return new ServerConfig(host, port, url, user, password, dataDir, jobThreads, workerThreads,
        maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with another host and port. */
  public ServerConfig withAddress(String host, int port) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with another password for a new server's facilitator account {@code admin}. */
  public ServerConfig withAdminPassword(String password) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, password, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with other job limits. */
  public ServerConfig withJobs(int jobThreads, int workerThreads, int maxQueuedJobs) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with another sign-up limit per client address and hour. */
  public ServerConfig withSignupsPerHour(int signupsPerHour) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with another limit of open connections per peer address. */
  public ServerConfig withMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with other trusted proxies (IP addresses or CIDR ranges). */
  public ServerConfig withTrustedProxies(List<String> trustedProxies) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with another limit of simulated runs per job. */
  public ServerConfig withMaxRunsPerJob(long maxRunsPerJob) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }

  /** The same with other quotas: jobs queued or running per account, simulated runs per job of a facilitator. */
  public ServerConfig withQuotas(int jobsPerAccount, long facilitatorRunsPerJob) {
    return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dataDir, jobThreads,
        workerThreads, maxQueuedJobs, maxBodyBytes, adminPassword, signupsPerHour, maxConnectionsPerAddress,
        trustedProxies, maxRunsPerJob, jobsPerAccount, facilitatorRunsPerJob);
  }
}
