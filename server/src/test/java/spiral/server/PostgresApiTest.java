package spiral.server;

import org.junit.jupiter.api.Tag;

/** The API over a real PostgreSQL (embedded, started for the test). */
@Tag("slow")
class PostgresApiTest extends ApiContract {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres(tmp);
  }
}
