package spiral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.server.Server;
import spiral.server.ServerConfig;
import spiral.store.StoreException;

/** {@code spiral serve}: the web server (browser app, REST API, wargames), until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the web server: the browser app and a REST API for scenarios, analyses, stored results"
          + " and live wargames, with accounts.",
      "",
      "Serves the browser app at / and the API under /api (its OpenAPI document at"
          + " /api/openapi.json, rendered at /api/docs). Stores scenarios, jobs and results in an H2 database file in the data"
          + " folder, or in PostgreSQL with --db; the schema is migrated at start-up. Jobs"
          + " (simulate, options, negotiate, sweep) run in the background with progress; results"
          + " are stored with the scenario's hash, the seed, the version and the parameters, and"
          + " can be re-run exactly. Jobs left unfinished by a previous server are marked failed"
          + " (interrupted). Wargames (a facilitator opens one from a scenario and invites players"
          + " to seats by link; the engine plays the empty seats) are stored move by move and"
          + " resume at the same turn after a restart. Every API call but login needs an account: a server with no"
          + " account yet creates the facilitator 'admin' with the password in"
          + " $SPIRAL_ADMIN_PASSWORD (12 to 200 characters, not a common password), or prints a generated one once."
          + " Slow clients cannot hold the server: request headers must arrive within 10 s, a body"
          + " within 30 s (10 s, and at most 4 KiB, on login, sign-up and password changes), idle"
          + " connections close after 30 s, and one address holds at most"
          + " --max-connections-per-address connections."
          + " Prints the URL once listening; stops on Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "spiral-data",
      description = "Data folder, created when missing; holds the H2 database file (default: ./${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC-URL",
      description = "A database instead of the H2 file, e.g. jdbc:postgresql://localhost/spiral.")
  String db;

  @Option(names = "--db-user", paramLabel = "USER",
      description = "Database user (default: $SPIRAL_DB_USER).")
  String dbUser;

  @Option(names = "--db-password", paramLabel = "PASSWORD",
      description = "Database password (default: $SPIRAL_DB_PASSWORD; the variable keeps it out of the process list).")
  String dbPassword;

  @Option(names = "--jobs", paramLabel = "J", defaultValue = "1",
      description = "Jobs run at once; more wait in a queue of 100 (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads the running jobs share (default: all cores but one, at least one, so"
          + " that jobs never take the core that answers requests; at most that many).")
  Integer threads;

  @Option(names = "--signups-per-hour", paramLabel = "N", defaultValue = "100",
      description = "Player sign-ups allowed from one client address per hour (default: ${DEFAULT-VALUE}).")
  int signupsPerHour;

  @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "256",
      description = "Connections one client address may hold open at once; more are closed as they open"
          + " (default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerAddress;

  @Option(names = "--trusted-proxy", paramLabel = "ADDR", split = ",",
      description = "A reverse proxy in front of the server (IP address or CIDR range; repeat or separate"
          + " with commas). Only for a connection from one of them is the client's address taken from"
          + " X-Forwarded-For (its right-most entry that is not a trusted proxy); otherwise it is the"
          + " connection's. Per-address limits apply to that address.")
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  @Option(names = "--max-runs-per-job", paramLabel = "N", defaultValue = "1000000",
      description = "Simulated runs one job may ask for (a sweep: points × runs); more is refused"
          + " with 400 (default: ${DEFAULT-VALUE}).")
  long maxRunsPerJob;

  @Option(names = "--facilitator-runs-per-job", paramLabel = "N", defaultValue = "200000",
      description = "Simulated runs one job of a facilitator may ask for (the admin's limit is"
          + " --max-runs-per-job); more is refused with 400 (default: ${DEFAULT-VALUE}).")
  long facilitatorRunsPerJob;

  @Option(names = "--jobs-per-account", paramLabel = "N", defaultValue = "4",
      description = "Jobs one account may have queued or running at once; more are refused with 429"
          + " (default: ${DEFAULT-VALUE}). Queued jobs are served round-robin across accounts.")
  int jobsPerAccount;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new BadInputException("spiral: --port must be between 0 and 65535, was " + port);
    }
    if (jobs < 1 || jobs > 64) {
      throw new BadInputException("spiral: --jobs must be between 1 and 64, was " + jobs);
    }
    int maxThreads = ServerConfig.defaultWorkerThreads();
    if (threads != null && (threads < 1 || threads > maxThreads)) {
      throw new BadInputException("spiral: --threads must be between 1 and " + maxThreads
          + " (all cores but one, left for requests), was " + threads);
    }
    if (facilitatorRunsPerJob < 1 || facilitatorRunsPerJob > 1_000_000_000L) {
      throw new BadInputException("spiral: --facilitator-runs-per-job must be between 1 and 1000000000, was "
          + facilitatorRunsPerJob);
    }
    if (jobsPerAccount < 1 || jobsPerAccount > 10_000) {
      throw new BadInputException("spiral: --jobs-per-account must be between 1 and 10000, was " + jobsPerAccount);
    }
    if (signupsPerHour < 1 || signupsPerHour > 1_000_000) {
      throw new BadInputException("spiral: --signups-per-hour must be between 1 and 1000000, was " + signupsPerHour);
    }
    if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > 1_000_000) {
      throw new BadInputException("spiral: --max-connections-per-address must be between 1 and 1000000, was "
          + maxConnectionsPerAddress);
    }
    if (maxRunsPerJob < 1 || maxRunsPerJob > 1_000_000_000L) {
      throw new BadInputException("spiral: --max-runs-per-job must be between 1 and 1000000000, was "
          + maxRunsPerJob);
    }
    if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
      throw new BadInputException("spiral: --db: unsupported URL '" + db
          + "': give jdbc:postgresql://HOST[:PORT]/DATABASE (or a jdbc:h2: URL)");
    }
    String admin = System.getenv("SPIRAL_ADMIN_PASSWORD");
    if (admin != null && (admin.length() < 12 || admin.length() > 200)) {
      throw new BadInputException("spiral: $SPIRAL_ADMIN_PASSWORD must have 12 to 200 characters, had "
          + admin.length());
    }
    String user = dbUser != null ? dbUser : System.getenv("SPIRAL_DB_USER");
    String password = dbPassword != null ? dbPassword : System.getenv("SPIRAL_DB_PASSWORD");
    ServerConfig config = ServerConfig.local(port, data)
        .withAddress(host, port)
        .withDatabase(db, user, password)
        .withJobs(jobs, threads != null ? threads : maxThreads, 100)
        .withAdminPassword(admin)
        .withSignupsPerHour(signupsPerHour)
        .withMaxConnectionsPerAddress(maxConnectionsPerAddress)
        .withMaxRunsPerJob(maxRunsPerJob)
        .withQuotas(jobsPerAccount, facilitatorRunsPerJob);
    try {
      config = config.withTrustedProxies(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: --trusted-proxy: " + e.getMessage().replaceFirst("^trusted proxy: ", ""));
    }
    Server server = new Server();
    int bound;
    try {
      bound = server.start(config);
    } catch (StoreException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalStateException("cannot start the server on " + host + ":" + port + ": " + msg, e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "spiral-serve-stop"));
    PrintWriter out = spec.commandLine().getOut();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    String url = "http://" + shown + ":" + bound + "/";
    out.println("Spiral server listening on " + url + " (API: " + url + "api, docs: " + url + "api/docs)");
    out.println("Database: " + (db != null ? db.replaceAll("\\?.*", "") : data.toAbsolutePath().normalize()
        + " (H2)") + (server.interruptedAtStart() > 0
        ? "; " + server.interruptedAtStart() + " unfinished job(s) of the previous run marked interrupted" : ""));
    server.generatedAdminPassword().ifPresent(pw -> out.println("Created the facilitator account"
        + " 'admin' with the password " + pw + " (shown only now; change it after logging in, or"
        + " set $SPIRAL_ADMIN_PASSWORD before the first start)."));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
