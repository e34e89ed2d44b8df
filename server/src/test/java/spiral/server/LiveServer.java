package spiral.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A real server on a free port for the tests of one class, over the database the subclass gives;
 * started before the first test and stopped, with its database, after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveServer {
  Server server;
  /** The server's address, {@code http://127.0.0.1:PORT}. */
  String base;
  /** No session. */
  Http anonymous;
  private TestDatabase database;

  /** The database of this class's server. */
  abstract TestDatabase database();

  @BeforeAll
  void start() throws Exception {
    database = database();
    server = new Server();
    anonymous = Http.on(server.start(database.config().withJobs(2, 2, 100).withAdminPassword(Http.ADMIN_PASSWORD)));
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
