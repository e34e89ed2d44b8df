package spiral.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;

/** The game store's checks on a real PostgreSQL (embedded, one per test). */
@Tag("slow")
class GameStorePostgresTest extends GameStoreTest {
  EmbeddedPostgres pg;

  @Override
  Database database() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    return Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  @Override
  void closed() throws Exception {
    pg.close();
  }
}
