package spiral.server;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Wargames over a real PostgreSQL (embedded, started for the test). */
@Tag("slow")
class PostgresGameApiTest extends GameApiContract {
  @TempDir static Path tmp;

  @Override
  TestDatabase database() {
    return TestDatabase.postgres(tmp);
  }
}
