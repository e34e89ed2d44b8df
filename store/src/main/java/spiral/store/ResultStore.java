package spiral.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The stored results (written by {@link JobStore#finish}); read-only here. */
public final class ResultStore {
  static final String INFO = "id, job_id, kind, scenario, scenario_hash, seed, version, parameters,"
      + " body_hash, created_at, owner_id, shared";
  private final Database db;

  ResultStore(Database db) {
    this.db = db;
  }

  /** The newest results first, at most {@code limit}, without their bodies. */
  public List<ResultInfo> list(int limit, Visibility v) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + INFO + " FROM result WHERE " + v.where() + " ORDER BY id DESC")) {
        v.bind(ps, 1);
        ps.setMaxRows(limit);
        return Database.rows(ps, ResultStore::info);
      }
    });
  }

  /** The result with this id. */
  public Optional<StoredResult> get(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + INFO + ", body, report IS NOT NULL FROM result WHERE id = ?")) {
        ps.setLong(1, id);
        return Database.row(ps, rs -> new StoredResult(info(rs), rs.getString(13), rs.getBoolean(14)));
      }
    });
  }

  /** The result's self-contained HTML report, where one was kept with it. */
  public Optional<String> report(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT report FROM result WHERE id = ? AND report IS NOT NULL")) {
        ps.setLong(1, id);
        return Database.row(ps, rs -> rs.getString(1));
      }
    });
  }

  /** Shares a result with every reader, or stops sharing it; false when there is none. */
  public boolean setShared(long id, boolean shared) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE result SET shared = ? WHERE id = ?")) {
        ps.setBoolean(1, shared);
        ps.setLong(2, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** The scenario text stored under a SHA-256. */
  public Optional<String> scenarioText(String hash) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT yaml FROM scenario_text WHERE hash = ?")) {
        ps.setString(1, hash);
        return Database.row(ps, rs -> rs.getString(1));
      }
    });
  }

  static ResultInfo info(ResultSet rs) throws SQLException {
    return new ResultInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getLong(10), rs.getLong(11), rs.getBoolean(12));
  }
}
