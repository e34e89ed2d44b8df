package spiral.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wargames: each game's scenario text (by hash), seed and seating, its seats and who holds
 * them, the moves recorded, its observers and its after-action report. A game's state is not
 * stored: it is the replay of its moves, so a move is one inserted row, and the unique key
 * (game, turn, seat) makes sure that of two submissions racing for one seat and turn, exactly
 * one lands.
 *
 * <p>Thread-safe; cost: one to three statements per call (a game with n seats: n + 2 to create).
 */
public final class GameStore {
  private static final String COLUMNS = "id, title, scenario, scenario_name, scenario_hash, seed,"
      + " seating, facilitator_id, state, report_hash, created_at, updated_at, teaching";
  private static final String RUNNING = "running";
  private static final String OVER = "over";
  private static final String UNIQUE_VIOLATION = "23505";
  private final Database db;

  GameStore(Database db) {
    this.db = db;
  }

  /** Stores a new game (running, no moves) with its seats, and keeps its scenario text. */
  public StoredGame create(NewGame g) {
    String hash = Hashes.sha256(g.scenarioYaml());
    long now = System.currentTimeMillis();
    try {
      return insert(g, hash, now);
    } catch (StoreException e) {
      // another writer stored the same scenario text at the same moment: its row is there now
      return insert(g, hash, now);
    }
  }

  private StoredGame insert(NewGame g, String hash, long now) {
    long id = db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO scenario_text (hash, yaml) SELECT ?, ? FROM (VALUES (1)) AS one (x)"
              + " WHERE NOT EXISTS (SELECT 1 FROM scenario_text WHERE hash = ?)")) {
        ps.setString(1, hash);
        ps.setString(2, g.scenarioYaml());
        ps.setString(3, hash);
        ps.executeUpdate();
      }
      long gameId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO game (title, scenario, scenario_name, scenario_hash, seed, seating,"
              + " facilitator_id, state, created_at, updated_at, teaching) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, g.title());
        ps.setString(2, g.scenario());
        ps.setString(3, g.scenarioName());
        ps.setString(4, hash);
        ps.setLong(5, g.seed());
        ps.setString(6, g.seating());
        ps.setLong(7, g.facilitatorId());
        ps.setString(8, RUNNING);
        ps.setLong(9, now);
        ps.setLong(10, now);
        ps.setBoolean(11, g.teaching());
        ps.executeUpdate();
        gameId = JobStore.generatedId(ps);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO game_seat (game_id, seat, invite_hash, engine) VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<String, String> s : g.seats().entrySet()) {
          ps.setLong(1, gameId);
          ps.setString(2, s.getKey());
          ps.setString(3, s.getValue());
          ps.setBoolean(4, s.getValue() == null);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return gameId;
    });
    return new StoredGame(id, g.title(), g.scenario(), g.scenarioName(), hash, g.seed(), g.seating(),
        g.facilitatorId(), false, false, now, now, g.teaching());
  }

  /** The game with this id. */
  public Optional<StoredGame> get(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM game WHERE id = ?")) {
        ps.setLong(1, id);
        return Database.row(ps, GameStore::game);
      }
    });
  }

  /**
   * The games an account takes part in, newest first, at most {@code limit}: those it runs, those
   * where it holds a seat, and those it observes.
   */
  public List<StoredGame> listFor(long accountId, int limit) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM game WHERE"
          + " facilitator_id = ?"
          + " OR id IN (SELECT game_id FROM game_seat WHERE account_id = ?)"
          + " OR id IN (SELECT game_id FROM game_observer WHERE account_id = ?)"
          + " ORDER BY id DESC")) {
        ps.setLong(1, accountId);
        ps.setLong(2, accountId);
        ps.setLong(3, accountId);
        ps.setMaxRows(limit);
        return Database.rows(ps, GameStore::game);
      }
    });
  }

  /** The seats of a game, by seat id. */
  public List<GameSeat> seats(long gameId) {
    return db.query(c -> seats(c, gameId));
  }

  private static List<GameSeat> seats(Connection c, long gameId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT game_id, seat, account_id, engine,"
        + " invite_hash FROM game_seat WHERE game_id = ? ORDER BY seat")) {
      ps.setLong(1, gameId);
      return Database.rows(ps, GameStore::seat);
    }
  }

  /**
   * A game with its seats and moves, read on one connection (what a request about a game needs).
   *
   * @param game the game
   * @param seats its seats, by seat id
   * @param moves its moves in the order they were recorded
   */
  public record Snapshot(StoredGame game, List<GameSeat> seats, List<GameMove> moves) {}

  /** The game with this id, its seats and its moves; empty when there is no such game. */
  public Optional<Snapshot> snapshot(long id) {
    return db.query(c -> {
      StoredGame g;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM game WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Snapshot>empty();
          }
          g = game(rs);
        }
      }
      return Optional.of(new Snapshot(g, seats(c, id), moves(c, id)));
    });
  }

  /**
   * Claims the seat whose invitation token has this SHA-256 for an account, and spends the
   * invitation (a token works once).
   *
   * @return the claimed seat, or empty when no outstanding invitation has this hash
   * @throws ConflictException when the account already holds another seat of that game
   */
  public Optional<GameSeat> claim(String inviteHash, long accountId) {
    return claim(inviteHash, accountId, false);
  }

  /**
   * The same, limited to the games the account facilitates when {@code ownGamesOnly}: an invitation
   * to another facilitator's game is then as good as unknown.
   */
  public Optional<GameSeat> claim(String inviteHash, long accountId, boolean ownGamesOnly) {
    return db.transaction(c -> {
      // the account's row is locked until the seat is taken, and its role read under the lock: a
      // role change (AccountStore#changeRole, which takes the same lock) waits or is waited for, so
      // an account never takes a seat with a role it no longer has (no observer in a seat)
      Role role = AccountStore.lockRole(c, accountId).orElse(null);
      if (role == null || role == Role.OBSERVER) {
        return Optional.<GameSeat>empty();
      }
      boolean own = ownGamesOnly || role != Role.PLAYER;
      GameSeat s;
      try (PreparedStatement ps = c.prepareStatement("SELECT game_id, seat, account_id, engine,"
          + " invite_hash FROM game_seat WHERE invite_hash = ? AND account_id IS NULL"
          + (own ? " AND game_id IN (SELECT id FROM game WHERE facilitator_id = ?)" : ""))) {
        ps.setString(1, inviteHash);
        if (own) {
          ps.setLong(2, accountId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<GameSeat>empty();
          }
          s = seat(rs);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE game_seat SET account_id = ?,"
          + " invite_hash = NULL WHERE game_id = ? AND seat = ? AND invite_hash = ? AND account_id IS NULL")) {
        ps.setLong(1, accountId);
        ps.setLong(2, s.gameId());
        ps.setString(3, s.seat());
        ps.setString(4, inviteHash);
        if (ps.executeUpdate() == 0) {
          return Optional.<GameSeat>empty();
        }
      } catch (SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw new ConflictException("this account already holds a seat in game " + s.gameId());
        }
        throw e;
      }
      return Optional.of(new GameSeat(s.gameId(), s.seat(), accountId, false, false));
    });
  }

  /** Whether the account holds a seat in a game that is not over. */
  public boolean holdsRunningSeat(long accountId) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM game_seat s JOIN game g ON g.id = s.game_id"
          + " WHERE s.account_id = ? AND g.state = ?")) {
        ps.setLong(1, accountId);
        ps.setString(2, RUNNING);
        ps.setMaxRows(1);
        return Database.row(ps, rs -> true).isPresent();
      }
    });
  }

  /**
   * Issues a new invitation for a seat nobody holds yet: the previous token stops working.
   *
   * @return false when the seat is unknown, engine-played or already held
   */
  public boolean reinvite(long gameId, String seat, String inviteHash) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE game_seat SET invite_hash = ?"
          + " WHERE game_id = ? AND seat = ? AND account_id IS NULL AND engine = FALSE")) {
        ps.setString(1, inviteHash);
        ps.setLong(2, gameId);
        ps.setString(3, seat);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /**
   * Records a move. Whether it is legal is the caller's business (the game's replay); here only
   * the unique key decides between two writers of the same seat and turn.
   *
   * @return false when this seat already has a move for this turn (nothing is written)
   */
  public boolean addMove(long gameId, int turn, String seat, String option, Long accountId) {
    long now = System.currentTimeMillis();
    try {
      return db.transaction(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO game_move (game_id, turn, seat,"
            + " option_id, account_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, gameId);
          ps.setInt(2, turn);
          ps.setString(3, seat);
          ps.setString(4, option);
          if (accountId == null) {
            ps.setNull(5, java.sql.Types.BIGINT);
          } else {
            ps.setLong(5, accountId);
          }
          ps.setLong(6, now);
          ps.executeUpdate();
        }
        touch(c, gameId, now);
        return true;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** The moves of a game in the order they were recorded. */
  public List<GameMove> moves(long gameId) {
    return db.query(c -> moves(c, gameId));
  }

  private static List<GameMove> moves(Connection c, long gameId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT turn, seat, option_id, account_id,"
        + " created_at FROM game_move WHERE game_id = ? ORDER BY id")) {
      ps.setLong(1, gameId);
      return Database.rows(ps, rs -> {
        long a = rs.getLong(4);
        Long account = rs.wasNull() ? null : a;
        return new GameMove(rs.getInt(1), rs.getString(2), rs.getString(3), account, rs.getLong(5));
      });
    }
  }

  /** Marks a game over (its replay has ended); false when it already was. */
  public boolean markOver(long gameId) {
    long now = System.currentTimeMillis();
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE game SET state = ?, updated_at = ? WHERE id = ? AND state = ?")) {
        ps.setString(1, OVER);
        ps.setLong(2, now);
        ps.setLong(3, gameId);
        ps.setString(4, RUNNING);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** A stored after-action report: its JSON, its chart (SVG) and the SHA-256 of the JSON. */
  public record Report(String json, String svg, String hash) {
    /** Whether the JSON still has the SHA-256 recorded when it was stored. */
    public boolean intact() {
      return Hashes.sha256(json).equals(hash);
    }
  }

  /** Stores a game's after-action report unless one is stored already; returns the stored one. */
  public Report storeReport(long gameId, String json, String svg) {
    String hash = Hashes.sha256(json);
    db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE game SET report = ?, report_svg = ?,"
          + " report_hash = ? WHERE id = ? AND report IS NULL")) {
        ps.setString(1, json);
        ps.setString(2, svg);
        ps.setString(3, hash);
        ps.setLong(4, gameId);
        return ps.executeUpdate();
      }
    });
    return report(gameId).orElseThrow(() -> new IllegalArgumentException("no game " + gameId));
  }

  /** The stored after-action report of a game. */
  public Optional<Report> report(long gameId) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT report, report_svg, report_hash FROM game WHERE id = ? AND report IS NOT NULL")) {
        ps.setLong(1, gameId);
        return Database.row(ps, rs -> new Report(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    });
  }

  /** Lets an account observe a game; false when it already did. */
  public boolean addObserver(long gameId, long accountId) {
    try {
      return db.transaction(c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO game_observer (game_id, account_id) VALUES (?, ?)")) {
          ps.setLong(1, gameId);
          ps.setLong(2, accountId);
          return ps.executeUpdate() > 0;
        }
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** Whether an account observes a game. */
  public boolean observes(long gameId, long accountId) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM game_observer WHERE game_id = ? AND account_id = ?")) {
        ps.setLong(1, gameId);
        ps.setLong(2, accountId);
        return Database.row(ps, rs -> true).isPresent();
      }
    });
  }

  private static void touch(Connection c, long gameId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE game SET updated_at = ? WHERE id = ?")) {
      ps.setLong(1, now);
      ps.setLong(2, gameId);
      ps.executeUpdate();
    }
  }

  private static StoredGame game(ResultSet rs) throws SQLException {
    return new StoredGame(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), OVER.equals(rs.getString(9)),
        rs.getString(10) != null, rs.getLong(11), rs.getLong(12), rs.getBoolean(13));
  }

  private static GameSeat seat(ResultSet rs) throws SQLException {
    long a = rs.getLong(3);
    Long account = rs.wasNull() ? null : a;
    return new GameSeat(rs.getLong(1), rs.getString(2), account, rs.getBoolean(4), rs.getString(5) != null);
  }
}
