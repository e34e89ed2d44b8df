package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.scenario.BuiltinScenarios;
import spiral.store.Database;
import spiral.store.Hashes;

/**
 * {@code GET /api/scenarios} lists from the metadata kept beside each stored text, page by page
 * ({@code limit}, {@code offset}, {@code next}); scenarios stored before the metadata existed get
 * theirs once, when the server starts.
 */
class ScenarioListTest {
  @TempDir Path tmp;
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private Http start() {
    server = new Server();
    return Http.on(server.start(ServerConfig.local(0, tmp).withAdminPassword(Http.ADMIN_PASSWORD))).admin();
  }

  static String builtin(String name) {
    return new String(BuiltinScenarios.read(name).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void scenariosAreListedPageByPageFromTheirMetadata() {
    Http admin = start();
    String yaml = builtin("rand-d-ports");
    int stored = 12;
    for (int i = 0; i < stored; i++) {
      Http.Res r = admin.post("/api/scenarios", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    int builtins = BuiltinScenarios.names().size();
    JsonNode first = admin.get("/api/scenarios").json();
    assertThat(first.get("total").asLong()).isEqualTo(builtins + stored);
    assertThat(first.get("limit").asInt()).isEqualTo(100);
    assertThat(first.get("scenarios")).hasSize(builtins + stored);
    assertThat(first.get("next").isNull()).isTrue();

    List<String> ids = new ArrayList<>();
    String next = "/api/scenarios?limit=5";
    int pages = 0;
    while (next != null) {
      JsonNode page = admin.get(next).json();
      assertThat(page.get("scenarios").size()).isBetween(1, 5);
      page.get("scenarios").forEach(s -> ids.add(s.get("id").asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }
    assertThat(pages).isEqualTo((builtins + stored + 4) / 5);
    assertThat(new HashSet<>(ids)).hasSize(builtins + stored);
    assertThat(ids.subList(0, builtins)).containsExactlyElementsOf(BuiltinScenarios.names());

    JsonNode last = admin.get("/api/scenarios?limit=1&offset=" + (builtins + stored - 1)).json().get("scenarios").get(0);
    assertThat(last.get("builtin").asBoolean()).isFalse();
    assertThat(last.get("name").asText()).isEqualTo("rand-d-ports");
    assertThat(last.get("ladder").asText()).isEqualTo("nato-russia-2022");
    assertThat(last.get("initiatingRung").asInt()).isPositive();
    assertThat(last.get("sizeBytes").asLong()).isEqualTo(yaml.getBytes(StandardCharsets.UTF_8).length);
    assertThat(last.get("hash").asText()).isEqualTo(Hashes.sha256(yaml));
    assertThat(last.get("escalation").asBoolean()).isTrue();
    assertThat(last.has("yaml")).isFalse();
    JsonNode port = admin.get("/api/scenarios?limit=1").json().get("scenarios").get(0);
    assertThat(port.get("builtin").asBoolean()).isTrue();
    assertThat(port.has("ladder")).isTrue();
    assertThat(admin.get("/api/scenarios?offset=1000").json().get("scenarios")).isEmpty();

    for (String bad : List.of("limit=0", "limit=1001", "limit=x", "offset=-1", "offset=1.5")) {
      ApiContract.cleanError(admin.get("/api/scenarios?" + bad), 400);
    }
  }

  @Test
  void scenariosStoredBeforeTheMetadataExistedAreListedAfterTheNextStart() throws Exception {
    // a database at the schema just before the listing metadata (V5), with one scenario stored in it
    String url = Database.h2Url(tmp);
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
    try (Connection c = DriverManager.getConnection(url);
        java.sql.ResultSet listed = c.getMetaData().getColumns(null, null, "SCENARIO", "LISTED")) {
      assertThat(listed.next()).as("the listing metadata is not there yet").isFalse();
    }
    String yaml = builtin("rand-b-depot");
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("INSERT INTO scenario (name, title, hash, yaml, created_at,"
            + " updated_at) VALUES ('rand-b-depot', 'Depot', ?, ?, 1, 2)")) {
      ps.setString(1, Hashes.sha256(yaml));
      ps.setString(2, yaml);
      ps.executeUpdate();
    }
    Http admin = start();
    JsonNode all = admin.get("/api/scenarios").json().get("scenarios");
    JsonNode old = all.get(all.size() - 1);
    assertThat(old.get("id").asText()).isEqualTo("1");
    assertThat(old.get("ladder").asText()).isNotEmpty();
    assertThat(old.get("sizeBytes").asLong()).isEqualTo(yaml.getBytes(StandardCharsets.UTF_8).length);
    assertThat(old.get("escalation").asBoolean()).isTrue();
    Set<String> keys = new HashSet<>();
    old.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).contains("createdAt", "updatedAt", "hash", "initiatingRung");
  }
}
