package spiral.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Wargames over the default database: an H2 file in a temporary data folder. */
class H2GameApiTest extends GameApiContract {
  @TempDir static Path tmp;

  @Override
  ServerConfig config() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    return ServerConfig.local(0, data);
  }
}
