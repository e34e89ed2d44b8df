package spiral.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a write commits synchronously (its WAL flushed before the commit returns) even on
 * a server whose default is {@code synchronous_commit = off}, as the embedded test server's is.
 * The embedded server also starts with {@code fsync} off ({@code postgres -F}); here it is turned
 * back on, so that the server under test is one where durability is possible at all.
 */
@Tag("slow")
class DurableWritesPostgresTest {
  @Test
  void writeTransactionsCommitSynchronouslyOnAServerWhoseDefaultIsOff() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
        Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
      String byDefault = db.query(c -> setting(c, "synchronous_commit"));
      String fsync = db.query(c -> setting(c, "fsync"));
      String inWrite = db.transaction(c -> setting(c, "synchronous_commit"));
      assertThat(byDefault).as("the server's default").isEqualTo("off");
      assertThat(fsync).as("the test server syncs its files").isEqualTo("on");
      assertThat(inWrite).isEqualTo("on");
      // a stronger setting is kept
      db.query(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("ALTER ROLE postgres SET synchronous_commit = 'remote_apply'");
        }
        return null;
      });
      String kept = db.transaction(c -> setting(c, "synchronous_commit"));
      assertThat(kept).isEqualTo("remote_apply");
    }
  }

  private static String setting(java.sql.Connection c, String name) throws java.sql.SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
