package spiral.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The API over the default database: an H2 file in a temporary data folder. */
class H2ApiTest extends ApiContract {
  @TempDir static Path tmp;

  @Override
  TestDatabase database() {
    return TestDatabase.h2(tmp);
  }
}
