package spiral.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** The scenarios users stored: their text, its SHA-256, their names. Cost: one statement each. */
public final class ScenarioStore {
  private static final String COLUMNS = "id, name, title, yaml, hash, created_at, updated_at";
  private final Database db;

  ScenarioStore(Database db) {
    this.db = db;
  }

  /** All stored scenarios, oldest first. */
  public List<StoredScenario> list() {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario ORDER BY id")) {
        return Database.rows(ps, ScenarioStore::row);
      }
    });
  }

  /** The scenario with this id. */
  public Optional<StoredScenario> get(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario WHERE id = ?")) {
        ps.setLong(1, id);
        return Database.row(ps, ScenarioStore::row);
      }
    });
  }

  /** Stores a (validated) scenario text. */
  public StoredScenario create(String name, String title, String yaml) {
    long now = System.currentTimeMillis();
    String hash = Hashes.sha256(yaml);
    long id = db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO scenario (name, title, hash, yaml, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, name);
        ps.setString(2, title);
        ps.setString(3, hash);
        ps.setString(4, yaml);
        ps.setLong(5, now);
        ps.setLong(6, now);
        ps.executeUpdate();
        return JobStore.generatedId(ps);
      }
    });
    return new StoredScenario(id, name, title, yaml, hash, now, now);
  }

  /** Replaces the text of a stored scenario; empty when there is none with this id. */
  public Optional<StoredScenario> update(long id, String name, String title, String yaml) {
    long now = System.currentTimeMillis();
    int n = db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE scenario SET name = ?, title = ?, hash = ?, yaml = ?, updated_at = ? WHERE id = ?")) {
        ps.setString(1, name);
        ps.setString(2, title);
        ps.setString(3, Hashes.sha256(yaml));
        ps.setString(4, yaml);
        ps.setLong(5, now);
        ps.setLong(6, id);
        return ps.executeUpdate();
      }
    });
    return n == 0 ? Optional.empty() : get(id);
  }

  /** Deletes a stored scenario (results keep the text they ran on); false when there was none. */
  public boolean delete(long id) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE id = ?")) {
        ps.setLong(1, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  private static StoredScenario row(ResultSet rs) throws SQLException {
    return new StoredScenario(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getLong(7));
  }
}
