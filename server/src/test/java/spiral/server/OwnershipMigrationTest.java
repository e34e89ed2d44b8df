package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.store.Database;
import spiral.store.Hashes;

/** Scenarios stored before ownership existed (schema V5) belong to admin, which gets the role admin. */
class OwnershipMigrationTest {
  @TempDir Path tmp;
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void rowsStoredBeforeOwnershipBelongToAdminAndOthersDoNotSeeThem() throws Exception {
    String url = Database.h2Url(tmp);
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load().migrate();
    String yaml = ApiContract.builtin("rand-b-depot");
    try (Connection c = DriverManager.getConnection(url)) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (name, password_hash, role, created_at)"
          + " VALUES ('admin', ?, 'facilitator', 1), ('old-fac', ?, 'facilitator', 1)")) {
        ps.setString(1, Auth.hash(Http.ADMIN_PASSWORD));
        ps.setString(2, Auth.hash("the account password"));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario (name, title, hash, yaml, created_at,"
          + " updated_at) VALUES ('rand-b-depot', 'Depot', ?, ?, 1, 2)")) {
        ps.setString(1, Hashes.sha256(yaml));
        ps.setString(2, yaml);
        ps.executeUpdate();
      }
    }
    server = new Server();
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp)));
    Http admin = anonymous.admin();
    assertThat(admin.get("/api/auth/me").json().get("role").asText()).isEqualTo("admin");
    assertThat(admin.get("/api/scenarios/1").status()).isEqualTo(200);
    Http old = anonymous.login("old-fac", "the account password");
    assertThat(old.get("/api/auth/me").json().get("role").asText()).isEqualTo("facilitator");
    ApiContract.cleanError(old.get("/api/scenarios/1"), 404);
    ApiContract.cleanError(old.get("/api/users"), 403);
  }
}
