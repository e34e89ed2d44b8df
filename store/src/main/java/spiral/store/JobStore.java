package spiral.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * The jobs and their state changes. Every change is one conditional update ({@code WHERE state =
 * ...}), so that a job cancelled while it runs is never marked done, and a finished job's result
 * and its state are written in one transaction: a result is stored whole or not at all.
 *
 * <p>Cost: one or two statements per call.
 */
public final class JobStore {
  /** The error of a job that was queued or running when the server stopped. */
  public static final String INTERRUPTED =
      "interrupted: the server stopped before the job finished; submit it again";

  private static final String COLUMNS = "id, kind, state, scenario, scenario_hash, seed, parameters,"
      + " error, result_id, created_at, started_at, finished_at, owner_id, shared";
  private final Database db;

  JobStore(Database db) {
    this.db = db;
  }

  /** Submits a job (queued), keeping its scenario text under its SHA-256. */
  public Job create(NewJob job) {
    String hash = Hashes.sha256(job.scenarioYaml());
    long now = System.currentTimeMillis();
    long id;
    try {
      id = insert(job, hash, now);
    } catch (StoreException e) {
      // another job stored the same scenario text at the same moment: its row is there now
      id = insert(job, hash, now);
    }
    return new Job(id, job.kind(), JobState.QUEUED, job.scenario(), hash, job.seed(),
        job.parameters(), null, null, now, null, null, job.ownerId(), false);
  }

  private long insert(NewJob job, String hash, long now) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO scenario_text (hash, yaml) SELECT ?, ? FROM (VALUES (1)) AS one (x)"
              + " WHERE NOT EXISTS (SELECT 1 FROM scenario_text WHERE hash = ?)")) {
        ps.setString(1, hash);
        ps.setString(2, job.scenarioYaml());
        ps.setString(3, hash);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO job (kind, state, scenario, scenario_hash, seed, parameters, created_at, owner_id)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, job.kind());
        ps.setString(2, JobState.QUEUED.wire());
        ps.setString(3, job.scenario());
        ps.setString(4, hash);
        ps.setLong(5, job.seed());
        ps.setString(6, job.parameters());
        ps.setLong(7, now);
        ps.setLong(8, job.ownerId());
        ps.executeUpdate();
        return generatedId(ps);
      }
    });
  }

  /** The job with this id. */
  public Optional<Job> get(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?")) {
        ps.setLong(1, id);
        return Database.row(ps, JobStore::row);
      }
    });
  }

  /** The newest jobs {@code v} sees first, at most {@code limit}. */
  public List<Job> list(int limit, Visibility v) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE " + v.where()
          + " ORDER BY id DESC")) {
        v.bind(ps, 1);
        ps.setMaxRows(limit);
        return Database.rows(ps, JobStore::row);
      }
    });
  }

  /**
   * Shares a job and its result (once there is one) with every reader, or stops sharing them; false
   * when there is no such job.
   */
  public boolean setShared(long id, boolean shared) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE job SET shared = ? WHERE id = ?")) {
        ps.setBoolean(1, shared);
        ps.setLong(2, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE result SET shared = ? WHERE job_id = ?")) {
        ps.setBoolean(1, shared);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
      return true;
    });
  }

  /** How many jobs of an account are queued or running. */
  public int active(long ownerId) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM job WHERE owner_id = ? AND state IN (?, ?)")) {
        ps.setLong(1, ownerId);
        ps.setString(2, JobState.QUEUED.wire());
        ps.setString(3, JobState.RUNNING.wire());
        return Database.row(ps, rs -> rs.getInt(1)).orElse(0);
      }
    });
  }

  /** Marks a queued job running; false when it is no longer queued (cancelled). */
  public boolean start(long id) {
    return db.transaction(c -> update(c, "UPDATE job SET state = ?, started_at = ? WHERE id = ? AND state = ?",
        JobState.RUNNING.wire(), System.currentTimeMillis(), id, JobState.QUEUED.wire()) > 0);
  }

  /**
   * Stores the result of a running job and marks it done, in one transaction.
   *
   * @param version the Spiral version that computed it
   * @param body the result, JSON text
   * @return the stored result, or empty when the job was no longer running (then nothing is stored)
   */
  public Optional<ResultInfo> finish(long id, String version, String body) {
    return finish(id, version, body, null);
  }

  /**
   * As {@link #finish(long, String, String)}, keeping beside the result its self-contained HTML
   * report ({@code null} for none).
   */
  public Optional<ResultInfo> finish(long id, String version, String body, String report) {
    long now = System.currentTimeMillis();
    return db.transaction(c -> {
      Job job;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<ResultInfo>empty();
          }
          job = row(rs);
        }
      }
      String bodyHash = Hashes.sha256(body);
      long resultId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO result (job_id, kind, scenario, scenario_hash, seed, version, parameters, body,"
              + " body_hash, created_at, owner_id, shared, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, id);
        ps.setString(2, job.kind());
        ps.setString(3, job.scenario());
        ps.setString(4, job.scenarioHash());
        ps.setLong(5, job.seed());
        ps.setString(6, version);
        ps.setString(7, job.parameters());
        ps.setString(8, body);
        ps.setString(9, bodyHash);
        ps.setLong(10, now);
        ps.setLong(11, job.ownerId());
        ps.setBoolean(12, job.shared());
        ps.setString(13, report);
        ps.executeUpdate();
        resultId = generatedId(ps);
      }
      int n = update(c, "UPDATE job SET state = ?, result_id = ?, finished_at = ? WHERE id = ? AND state = ?",
          JobState.DONE.wire(), resultId, now, id, JobState.RUNNING.wire());
      if (n == 0) {
        c.rollback();
        return Optional.<ResultInfo>empty();
      }
      return Optional.of(new ResultInfo(resultId, id, job.kind(), job.scenario(), job.scenarioHash(),
          job.seed(), version, job.parameters(), bodyHash, now, job.ownerId(), job.shared()));
    });
  }

  /** Marks a queued or running job failed; false when it had already ended. */
  public boolean fail(long id, String error) {
    String e = error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
    return db.transaction(c -> update(c,
        "UPDATE job SET state = ?, error = ?, finished_at = ? WHERE id = ? AND state IN (?, ?)",
        JobState.FAILED.wire(), e, System.currentTimeMillis(), id, JobState.QUEUED.wire(),
        JobState.RUNNING.wire()) > 0);
  }

  /** Marks a queued or running job cancelled; false when it had already ended. */
  public boolean cancel(long id) {
    return db.transaction(c -> update(c,
        "UPDATE job SET state = ?, finished_at = ? WHERE id = ? AND state IN (?, ?)",
        JobState.CANCELLED.wire(), System.currentTimeMillis(), id, JobState.QUEUED.wire(),
        JobState.RUNNING.wire()) > 0);
  }

  /**
   * Marks every queued or running job failed with {@link #INTERRUPTED}: called when a server
   * starts, since no job survives the process that ran it (they are not requeued).
   *
   * @return how many jobs were marked
   */
  public int interruptUnfinished() {
    return db.transaction(c -> update(c,
        "UPDATE job SET state = ?, error = ?, finished_at = ? WHERE state IN (?, ?)",
        JobState.FAILED.wire(), INTERRUPTED, System.currentTimeMillis(), JobState.QUEUED.wire(),
        JobState.RUNNING.wire()));
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a instanceof Long l) {
          ps.setLong(i + 1, l);
        } else if (a == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setString(i + 1, a.toString());
        }
      }
      return ps.executeUpdate();
    }
  }

  static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private static Job row(ResultSet rs) throws SQLException {
    return new Job(rs.getLong(1), rs.getString(2), JobState.of(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), nullable(rs, 9),
        rs.getLong(10), nullable(rs, 11), nullable(rs, 12), rs.getLong(13), rs.getBoolean(14));
  }

  private static Long nullable(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
