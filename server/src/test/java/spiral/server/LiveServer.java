package spiral.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a free port for the tests of one class, over an H2 file in a temporary folder
 * unless the subclass gives another database; started before the first test and stopped, with its
 * database, after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveServer {
  /** Jobs one account may have queued or running at once on these servers. */
  static final int JOBS_PER_ACCOUNT = 8;
  /** Simulated runs one job of a facilitator may ask for on these servers (the admin's: {@link JobSpec#MAX_RUNS}). */
  static final long FACILITATOR_RUNS = 2_000_000L;

  Server server;
  /** The server's address, {@code http://127.0.0.1:PORT}. */
  String base;
  /** No session. */
  Http anonymous;
  /** A temporary folder for the class's server, deleted after its last test (test classes run one at a time). */
  @TempDir static Path tmp;
  private TestDatabase database;

  /** The database of this class's server. */
  TestDatabase database() {
    return TestDatabase.h2(tmp);
  }

  @BeforeAll
  void start() throws Exception {
    database = database();
    server = new Server();
    anonymous = Http.on(server.start(database.config().withJobs(2, 2, 100).withAdminPassword(Http.ADMIN_PASSWORD)
        // jobs of 10^9 runs stand for long-running ones (cancel, progress): the default limit is lower
        .withMaxRunsPerJob(JobSpec.MAX_RUNS).withQuotas(JOBS_PER_ACCOUNT, FACILITATOR_RUNS)));
    base = anonymous.base();
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (server != null) {
        server.stop();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }
}
