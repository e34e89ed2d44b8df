package spiral.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Spiral's database: an embedded H2 file or a PostgreSQL server, brought to the current schema by
 * the Flyway migrations under {@code db/migration} when it opens, with the stores over it.
 *
 * <p><b>Durability.</b> Every write ({@link #transaction}) is durable when it returns: a move, a
 * job or a result the server has acknowledged survives a killed process or a power cut. On H2
 * (opened with {@code WRITE_DELAY=0}, so that a commit also writes its changes to the file), a
 * transaction is followed by {@code CHECKPOINT SYNC}, which stores what is committed and forces
 * the file to the disk (fsync); concurrent writers share one sync (group commit: a sync covers
 * every commit that had returned when it began), so the cost is one fsync per burst rather than
 * per write. H2's {@code RETENTION_TIME} is left at its default (45 s): lowering it lets H2 reuse
 * file space that a crash could still need. On PostgreSQL a transaction runs with {@code
 * synchronous_commit} on even where the server's default is off (the commit returns once its WAL
 * is flushed); a server run with {@code fsync} off cannot be made durable from here. While open,
 * the database holds one H2 connection so that the file stays open between requests.
 *
 * <p><b>Connections.</b> On H2, connections are reused (up to {@value #MAX_IDLE} kept idle): H2
 * opens and closes a connection under a lock of the whole database that {@code CHECKPOINT SYNC}
 * holds while it waits for the fsync, so a connection per operation made every request, reads
 * included, wait for the disk. A connection goes back only clean: in auto-commit mode after a
 * transaction, and never after an error (it is closed). On PostgreSQL every operation opens its
 * own connection.
 *
 * <p>Thread-safe: every operation takes its own connection.
 */
public final class Database implements AutoCloseable {
  /** The name of the H2 database file (without {@code .mv.db}) in the data folder. */
  public static final String H2_FILE = "spiral";

  private final String url;
  private final boolean h2;
  private final DataSource dataSource;
  private final Connection keepOpen;
  private final ScenarioStore scenarios;
  private final JobStore jobs;
  private final ResultStore results;
  private final GameStore games;
  private final AccountStore accounts;
  /** Group commit on H2: commits counted, commits known durable, and whether a sync runs. */
  private final ReentrantLock syncLock = new ReentrantLock();
  private final Condition synced = syncLock.newCondition();
  private long commits;
  private long durable;
  private boolean syncing;
  private long syncs;
  /** H2: the most idle connections kept for reuse. */
  static final int MAX_IDLE = 128;
  /** H2: idle connections, the most recently used first. */
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  private Database(String url, DataSource dataSource, Connection keepOpen) {
    this.url = url;
    this.h2 = url.startsWith("jdbc:h2:");
    this.dataSource = dataSource;
    this.keepOpen = keepOpen;
    this.scenarios = new ScenarioStore(this);
    this.jobs = new JobStore(this);
    this.results = new ResultStore(this);
    this.games = new GameStore(this);
    this.accounts = new AccountStore(this);
  }

  /** The JDBC URL of the H2 file database in {@code dataFolder}. */
  public static String h2Url(Path dataFolder) {
    return "jdbc:h2:file:" + dataFolder.toAbsolutePath().normalize().resolve(H2_FILE)
        + ";WRITE_DELAY=0";
  }

  /**
   * Opens a database and migrates it to the current schema.
   *
   * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
   * @param user the user, or null (H2 then uses its default, PostgreSQL the URL's)
   * @param password the password, or null
   * @throws IllegalArgumentException if the URL is not an H2 or PostgreSQL URL
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static Database open(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    boolean h2 = url.startsWith("jdbc:h2:");
    if (!h2 && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("unsupported database URL '" + url
          + "': give a jdbc:postgresql://HOST/DB or a jdbc:h2: URL");
    }
    DataSource ds = new SimpleDataSource(url, user, password);
    Connection keep = null;
    try {
      if (h2) {
        keep = ds.getConnection();
      }
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return new Database(url, ds, keep);
    } catch (SQLException | FlywayException e) {
      closeQuietly(keep);
      throw new StoreException("cannot open the database " + redact(url) + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(keep);
      throw e;
    }
  }

  /** The URL without its parameters (which may hold a password). */
  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** The URL this database was opened with, without its parameters. */
  public String url() {
    return redact(url);
  }

  /** The stored scenarios. */
  public ScenarioStore scenarios() {
    return scenarios;
  }

  /** The jobs. */
  public JobStore jobs() {
    return jobs;
  }

  /** The results. */
  public ResultStore results() {
    return results;
  }

  /** The wargames. */
  public GameStore games() {
    return games;
  }

  /** The accounts and their sessions. */
  public AccountStore accounts() {
    return accounts;
  }

  /** Work on one connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs a prepared query and reads every row of its result, in order. */
  static <T> List<T> rows(PreparedStatement ps, Row<T> row) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    }
  }

  /** Runs a prepared query and reads its first row, if any. */
  static <T> Optional<T> row(PreparedStatement ps, Row<T> row) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
    }
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode: for reads, and for writes that need
   * not survive a crash (a session's last use). Writes that are acknowledged use {@link #transaction}.
   */
  <T> T query(SqlWork<T> work) {
    Connection c = null;
    boolean clean = false;
    try {
      c = connection();
      T t = work.apply(c);
      clean = true;
      return t;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      release(c, clean);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed and durable (on the disk) when it returns,
   * rolled back when it throws. Every write goes through here.
   */
  <T> T transaction(SqlWork<T> work) {
    Connection c = null;
    boolean clean = false;
    try {
      c = connection();
      c.setAutoCommit(false);
      T t;
      try {
        if (!h2) {
          synchronousCommit(c);
        }
        t = work.apply(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      if (h2) {
        sync(c);
      }
      c.setAutoCommit(true);
      clean = true;
      return t;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      release(c, clean);
    }
  }

  /** A connection: on H2 an idle one when there is one, else a new one. */
  private Connection connection() throws SQLException {
    if (h2) {
      for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
        if (!c.isClosed()) {
          return c;
        }
      }
    }
    return dataSource.getConnection();
  }

  /** Ends the use of a connection: on H2 a clean one is kept for reuse (within {@link #MAX_IDLE}), others are closed. */
  private void release(Connection c, boolean clean) {
    if (c == null) {
      return;
    }
    if (h2 && clean && !closed && idle.size() < MAX_IDLE) {
      idle.offerFirst(c);
      if (closed) { // closed meanwhile: whoever sees it last closes what is idle
        closeIdle();
      }
      return;
    }
    closeQuietly(c);
  }

  private void closeIdle() {
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      closeQuietly(c);
    }
  }

  /**
   * PostgreSQL: this transaction's commit waits for its WAL to be flushed, whatever the server's
   * or the role's default; a stronger setting (remote_write, remote_apply) is kept.
   */
  private static void synchronousCommit(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT set_config('synchronous_commit', 'on', true)"
          + " WHERE current_setting('synchronous_commit') = 'off'");
    }
  }

  /**
   * H2: returns once every commit made before the call is on the disk. One caller at a time runs
   * {@code CHECKPOINT SYNC} (store what is committed, then fsync the file) for all the commits
   * counted when it begins; the others wait for a sync that covers theirs.
   */
  private void sync(Connection c) throws SQLException {
    syncLock.lock();
    try {
      long mine = ++commits;
      while (durable < mine) {
        if (syncing) {
          synced.awaitUninterruptibly();
          continue;
        }
        syncing = true;
        long upTo = commits;
        boolean done = false;
        syncLock.unlock();
        try {
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
          }
          done = true;
        } finally {
          syncLock.lock();
          syncing = false;
          if (done) {
            durable = Math.max(durable, upTo);
            syncs++;
          }
          synced.signalAll();
        }
      }
    } finally {
      syncLock.unlock();
    }
  }

  /** How many times the H2 file was synced for commits (for tests and measurements). */
  long syncs() {
    syncLock.lock();
    try {
      return syncs;
    } finally {
      syncLock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    closeIdle();
    closeQuietly(keepOpen);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
  }
}
