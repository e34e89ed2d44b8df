package spiral.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, their password hashes, and their login sessions (by the SHA-256 of the session
 * token). The hashing itself is the server's; this store keeps what it is given. Cost: one
 * statement per operation.
 */
public final class AccountStore {
  private static final String ACCOUNT = "a.id, a.name, a.role, a.created_at";
  private final Database db;

  AccountStore(Database db) {
    this.db = db;
  }

  /** How many accounts there are. */
  public long count() {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Creates an account; empty when the name is taken.
   *
   * @param name the name, lower case
   * @param passwordHash the password's hash (PHC string)
   */
  public Optional<Account> create(String name, String passwordHash, Role role, long now) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM account WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.<Account>empty();
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO account (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, name);
        ps.setString(2, passwordHash);
        ps.setString(3, role.wire());
        ps.setLong(4, now);
        ps.executeUpdate();
        return Optional.of(new Account(JobStore.generatedId(ps), name, role, now));
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return Optional.<Account>empty(); // a concurrent sign-up took the name
        }
        throw e;
      }
    });
  }

  /** The account with this name and its password hash. */
  public Optional<Credentials> credentials(String name) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + ACCOUNT + ", a.password_hash FROM account a WHERE a.name = ?")) {
        ps.setString(1, name);
        return Database.row(ps, rs -> new Credentials(account(rs), rs.getString(5)));
      }
    });
  }

  /** The account with this name and its password hash, unless the account is disabled. */
  public Optional<Credentials> enabledCredentials(String name) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + ACCOUNT + ", a.password_hash FROM account a WHERE a.name = ? AND a.disabled = FALSE")) {
        ps.setString(1, name);
        return Database.row(ps, rs -> new Credentials(account(rs), rs.getString(5)));
      }
    });
  }

  /**
   * Disables or enables an account; disabling ends every session of the account in the same
   * transaction.
   *
   * @return the number of sessions ended, or empty when there is no such account
   */
  public Optional<Integer> setDisabled(String name, boolean disabled) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET disabled = ? WHERE name = ?")) {
        ps.setBoolean(1, disabled);
        ps.setString(2, name);
        if (ps.executeUpdate() == 0) {
          return Optional.<Integer>empty();
        }
      }
      if (!disabled) {
        return Optional.of(0);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM login_session WHERE account_id = (SELECT id FROM account WHERE name = ?)")) {
        ps.setString(1, name);
        return Optional.of(ps.executeUpdate());
      }
    });
  }

  /** The names of the disabled accounts. */
  public java.util.Set<String> disabledNames() {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM account WHERE disabled = TRUE");
          ResultSet rs = ps.executeQuery()) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  /** The account with this name. */
  public Optional<Account> byName(String name) {
    return credentials(name).map(Credentials::account);
  }

  /** The account with this id. */
  public Optional<Account> get(long id) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT + " FROM account a WHERE a.id = ?")) {
        ps.setLong(1, id);
        return Database.row(ps, AccountStore::account);
      }
    });
  }

  /** All accounts, by name. */
  public List<Account> list() {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT + " FROM account a ORDER BY a.name")) {
        return Database.rows(ps, AccountStore::account);
      }
    });
  }

  /** Gives an account another role; empty when there is no such account. */
  public Optional<Account> setRole(String name, Role role) {
    return changeRole(name, role).map(RoleChange::account);
  }

  /**
   * Gives an account another role in one transaction that locks the account's row (as a seat claim
   * does, {@link GameStore#claim}), so a role change and a claim never interleave. A change ends
   * every session of the account at once (a demoted facilitator loses its games' control with its
   * next request, which has no session).
   *
   * @return the account after the change and the sessions ended, or empty when there is no such account
   * @throws ConflictException when the account is {@code admin} (its role never changes), or a player
   *     that holds a seat in a game that is not over is to become anything else
   */
  public Optional<RoleChange> changeRole(String name, Role role) {
    return db.transaction(c -> {
      Account before;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT + " FROM account a WHERE a.name = ? FOR UPDATE")) {
        ps.setString(1, name);
        Optional<Account> a = Database.row(ps, AccountStore::account);
        if (a.isEmpty()) {
          return Optional.<RoleChange>empty();
        }
        before = a.get();
      }
      if (before.role() == role) {
        return Optional.of(new RoleChange(before, 0));
      }
      if (before.role() == Role.ADMIN || role == Role.ADMIN) {
        throw new ConflictException("the role admin belongs to the account admin alone and never changes");
      }
      if (before.role() == Role.PLAYER) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM game_seat s JOIN game g ON g.id = s.game_id"
            + " WHERE s.account_id = ? AND g.state = 'running'")) {
          ps.setLong(1, before.id());
          if (Database.row(ps, rs -> 1).isPresent()) {
            // facilitators and observers read scenarios, which hold the other side's secrets
            throw new ConflictException("'" + name + "' holds a seat in a game that is not over;"
                + " change the role once its games have ended");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET role = ? WHERE id = ?")) {
        ps.setString(1, role.wire());
        ps.setLong(2, before.id());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_session WHERE account_id = ?")) {
        ps.setLong(1, before.id());
        return Optional.of(new RoleChange(new Account(before.id(), before.name(), role, before.createdAt()),
            ps.executeUpdate()));
      }
    });
  }

  /**
   * An account after a role change.
   *
   * @param account the account with its new role
   * @param sessionsEnded how many of its sessions the change ended
   */
  public record RoleChange(Account account, int sessionsEnded) {}

  /** Locks an account's row for the rest of the transaction on {@code c} and reads its role. */
  static Optional<Role> lockRole(Connection c, long accountId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT role FROM account WHERE id = ? AND disabled = FALSE FOR UPDATE")) {
      ps.setLong(1, accountId);
      return Database.row(ps, rs -> Role.of(rs.getString(1)).orElse(null));
    }
  }

  /**
   * Gives every stored scenario, job and result without an owner to {@code accountId} (rows stored
   * before ownership existed, in a database that had no account then).
   *
   * @return how many rows it gave
   */
  public int adoptUnowned(long accountId) {
    return db.transaction(c -> {
      int n = 0;
      for (String table : new String[] {"scenario", "job", "result"}) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET owner_id = ? WHERE owner_id IS NULL")) {
          ps.setLong(1, accountId);
          n += ps.executeUpdate();
        }
      }
      return n;
    });
  }

  /** Replaces an account's password hash and ends its sessions. */
  public void setPassword(long accountId, String passwordHash) {
    db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET password_hash = ? WHERE id = ?")) {
        ps.setString(1, passwordHash);
        ps.setLong(2, accountId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_session WHERE account_id = ?")) {
        ps.setLong(1, accountId);
        return ps.executeUpdate();
      }
    });
  }

  /** Stores a new session. */
  public void openSession(String tokenHash, long accountId, String csrf, long now) {
    db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO login_session (token_hash, account_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, tokenHash);
        ps.setLong(2, accountId);
        ps.setString(3, csrf);
        ps.setLong(4, now);
        ps.setLong(5, now);
        return ps.executeUpdate();
      }
    });
  }

  /** The session with this token hash, with its account. */
  public Optional<LoginSession> session(String tokenHash) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT + ", s.csrf, s.created_at, s.last_seen"
          + " FROM login_session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?"
          + " AND a.disabled = FALSE")) {
        ps.setString(1, tokenHash);
        return Database.row(ps, rs -> new LoginSession(account(rs), rs.getString(5), rs.getLong(6), rs.getLong(7)));
      }
    });
  }

  /** Marks a session used now. */
  public void touchSession(String tokenHash, long now) {
    db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE login_session SET last_seen = ? WHERE token_hash = ?")) {
        ps.setLong(1, now);
        ps.setString(2, tokenHash);
        return ps.executeUpdate();
      }
    });
  }

  /** Ends a session. */
  public void closeSession(String tokenHash) {
    db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_session WHERE token_hash = ?")) {
        ps.setString(1, tokenHash);
        return ps.executeUpdate();
      }
    });
  }

  /** Ends every session last used before {@code idleBefore} or opened before {@code openedBefore}; returns how many. */
  public int closeOldSessions(long idleBefore, long openedBefore) {
    return db.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_session WHERE last_seen < ? OR created_at < ?")) {
        ps.setLong(1, idleBefore);
        ps.setLong(2, openedBefore);
        return ps.executeUpdate();
      }
    });
  }

  private static Account account(ResultSet rs) throws SQLException {
    Role role = Role.of(rs.getString(3)).orElseThrow(() ->
        new StoreException("account has an unknown role in the database", null));
    return new Account(rs.getLong(1), rs.getString(2), role, rs.getLong(4));
  }

  /**
   * An account and its password hash.
   *
   * @param account the account
   * @param passwordHash its password hash (PHC string)
   */
  public record Credentials(Account account, String passwordHash) {}
}
