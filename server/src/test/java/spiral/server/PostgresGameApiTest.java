package spiral.server;

import org.junit.jupiter.api.Tag;

/** Wargames over a real PostgreSQL (embedded, started for the test). */
@Tag("slow")
class PostgresGameApiTest extends GameApiContract {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres(tmp);
  }
}
