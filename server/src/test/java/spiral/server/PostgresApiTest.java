package spiral.server;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The API over a real PostgreSQL (embedded, started for the test). */
@Tag("slow")
class PostgresApiTest extends ApiContract {
  @TempDir static Path tmp;

  @Override
  TestDatabase database() {
    return TestDatabase.postgres(tmp);
  }
}
