package spiral.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios users stored: their text, its SHA-256, their names, and the facts a list shows
 * ({@link ScenarioFacts}, given by the caller, and the text's size), so that a list reads no text.
 * Cost: one statement each; {@link #page} reads only the listed columns of the rows it returns.
 */
public final class ScenarioStore {
  private static final String COLUMNS = "id, name, title, yaml, hash, created_at, updated_at, owner_id, shared";
  private static final String INFO = "id, name, title, ladder, initiating_rung, escalation, negotiation,"
      + " size_bytes, hash, created_at, updated_at, owner_id, shared";
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

  /**
   * One page of the stored scenarios' metadata, oldest first.
   *
   * @param limit at most this many
   * @param offset after skipping this many
   */
  public List<ScenarioInfo> page(int limit, long offset, Visibility v) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO + " FROM scenario WHERE " + v.where()
          + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
        int i = v.bind(ps, 1);
        ps.setLong(i, offset);
        ps.setInt(i + 1, limit);
        return Database.rows(ps, ScenarioStore::info);
      }
    });
  }

  /** How many stored scenarios {@code v} sees. */
  public long count(Visibility v) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM scenario WHERE " + v.where())) {
        v.bind(ps, 1);
        return Database.row(ps, rs -> rs.getLong(1)).orElse(0L);
      }
    });
  }

  /** Up to {@code max} scenarios stored before their facts were kept (their facts still to compute). */
  public List<StoredScenario> unlisted(int max) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario WHERE listed = FALSE"
          + " ORDER BY id")) {
        ps.setMaxRows(max);
        return Database.rows(ps, ScenarioStore::row);
      }
    });
  }

  /**
   * Keeps the facts of a stored scenario's text, unless the text was replaced meanwhile (its hash
   * is no longer {@code hash}); false then, or when there is no such scenario.
   */
  public boolean setFacts(long id, String hash, ScenarioFacts facts, long sizeBytes) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE scenario SET ladder = ?, initiating_rung = ?,"
          + " escalation = ?, negotiation = ?, size_bytes = ?, listed = TRUE WHERE id = ? AND hash = ?")) {
        int i = facts(ps, 1, facts);
        ps.setLong(i++, sizeBytes);
        ps.setLong(i++, id);
        ps.setString(i, hash);
        return ps.executeUpdate() > 0;
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

  /** Stores a (validated) scenario text with what it says, owned by {@code ownerId}, not shared. */
  public StoredScenario create(long ownerId, String name, String title, String yaml, ScenarioFacts facts) {
    long now = System.currentTimeMillis();
    String hash = Hashes.sha256(yaml);
    long id = db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO scenario (name, title, hash, yaml, created_at, updated_at, ladder, initiating_rung,"
              + " escalation, negotiation, size_bytes, listed, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, name);
        ps.setString(2, title);
        ps.setString(3, hash);
        ps.setString(4, yaml);
        ps.setLong(5, now);
        ps.setLong(6, now);
        int i = facts(ps, 7, facts);
        ps.setLong(i, size(yaml));
        ps.setLong(i + 1, ownerId);
        ps.executeUpdate();
        return JobStore.generatedId(ps);
      }
    });
    return new StoredScenario(id, name, title, yaml, hash, now, now, ownerId, false);
  }

  /** Replaces the text of a stored scenario; empty when there is none with this id. */
  public Optional<StoredScenario> update(long id, String name, String title, String yaml, ScenarioFacts facts) {
    long now = System.currentTimeMillis();
    int n = db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE scenario SET name = ?, title = ?, hash = ?, yaml = ?, updated_at = ?, ladder = ?,"
              + " initiating_rung = ?, escalation = ?, negotiation = ?, size_bytes = ?, listed = TRUE"
              + " WHERE id = ?")) {
        ps.setString(1, name);
        ps.setString(2, title);
        ps.setString(3, Hashes.sha256(yaml));
        ps.setString(4, yaml);
        ps.setLong(5, now);
        int i = facts(ps, 6, facts);
        ps.setLong(i++, size(yaml));
        ps.setLong(i, id);
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

  /** Shares a stored scenario with every reader, or stops sharing it; false when there is none. */
  public boolean setShared(long id, boolean shared) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE scenario SET shared = ? WHERE id = ?")) {
        ps.setBoolean(1, shared);
        ps.setLong(2, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** The size of a text in bytes (UTF-8). */
  public static long size(String yaml) {
    return yaml.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Sets the four facts from parameter {@code i} on; returns the next parameter's index. */
  private static int facts(PreparedStatement ps, int i, ScenarioFacts f) throws SQLException {
    ps.setString(i, f.ladder());
    if (f.initiatingRung() == null) {
      ps.setNull(i + 1, Types.INTEGER);
    } else {
      ps.setInt(i + 1, f.initiatingRung());
    }
    for (int k = 0; k < 2; k++) {
      Boolean b = k == 0 ? f.escalation() : f.negotiation();
      if (b == null) {
        ps.setNull(i + 2 + k, Types.BOOLEAN);
      } else {
        ps.setBoolean(i + 2 + k, b);
      }
    }
    return i + 4;
  }

  private static ScenarioInfo info(ResultSet rs) throws SQLException {
    int rung = rs.getInt(5);
    Integer initiating = rs.wasNull() ? null : rung;
    boolean e = rs.getBoolean(6);
    Boolean escalation = rs.wasNull() ? null : e;
    boolean n = rs.getBoolean(7);
    Boolean negotiation = rs.wasNull() ? null : n;
    return new ScenarioInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
        new ScenarioFacts(rs.getString(4), initiating, escalation, negotiation), rs.getLong(8),
        rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getBoolean(13));
  }

  private static StoredScenario row(ResultSet rs) throws SQLException {
    return new StoredScenario(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9));
  }
}
