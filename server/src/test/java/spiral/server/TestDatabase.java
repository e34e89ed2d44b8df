package spiral.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The database a server under test runs over; closed after the server stops. */
interface TestDatabase extends AutoCloseable {
  /** The server's configuration on a free port over this database. */
  ServerConfig config() throws Exception;

  @Override
  default void close() throws Exception {}

  /** The default database: an H2 file in a data folder under {@code tmp}. */
  static TestDatabase h2(Path tmp) {
    return () -> {
      Path data = tmp.resolve("data");
      Files.createDirectories(data);
      return ServerConfig.local(0, data);
    };
  }

  /** A real PostgreSQL, embedded and started for the test; {@code tmp} holds the data folder. */
  static TestDatabase postgres(Path tmp) {
    return new TestDatabase() {
      EmbeddedPostgres pg;

      @Override
      public ServerConfig config() throws IOException {
        pg = EmbeddedPostgres.builder().start();
        return ServerConfig.local(0, tmp).withDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
      }

      @Override
      public void close() throws IOException {
        if (pg != null) {
          pg.close();
        }
      }
    };
  }
}
