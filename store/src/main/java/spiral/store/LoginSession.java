package spiral.store;

/**
 * A login session as stored: the account it belongs to, its CSRF token, when it was opened and
 * when it was last used.
 *
 * @param account the account
 * @param csrf the token every state-changing request of this session must carry
 * @param createdAt when the session was opened (the login), epoch milliseconds
 * @param lastSeen when the session was last used, epoch milliseconds
 */
public record LoginSession(Account account, String csrf, long createdAt, long lastSeen) {}
