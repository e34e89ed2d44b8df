package spiral.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Wargames over a real PostgreSQL (embedded, started for the test). */
@Tag("slow")
class PostgresGameApiTest extends GameApiContract {
  @TempDir static Path tmp;
  EmbeddedPostgres pg;

  @Override
  ServerConfig config() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    return ServerConfig.local(0, tmp).withDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  @Override
  void afterStop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
