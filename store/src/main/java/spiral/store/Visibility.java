package spiral.store;

/**
 * Which stored scenarios, jobs and results an account may read: its own and the shared ones, or
 * (for the account {@code admin}) all of them.
 *
 * @param accountId the reading account
 * @param all whether it reads everything
 */
public record Visibility(long accountId, boolean all) {
  /** The reader's own rows and the shared ones. */
  public static Visibility of(long accountId) {
    return new Visibility(accountId, false);
  }

  /** Whether a row with this owner and sharing is visible. */
  public boolean sees(long ownerId, boolean shared) {
    return all || shared || ownerId == accountId;
  }

  /** The SQL condition on {@code owner_id} and {@code shared} (one parameter unless {@code all}). */
  String where() {
    return all ? "1 = 1" : "(owner_id = ? OR shared = TRUE)";
  }

  /** Sets the condition's parameter at {@code i}; returns the next parameter's index. */
  int bind(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
    if (all) {
      return i;
    }
    ps.setLong(i, accountId);
    return i + 1;
  }
}
