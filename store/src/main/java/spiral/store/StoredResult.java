package spiral.store;

/**
 * A stored result: its provenance and its JSON text.
 *
 * @param info what it was computed from
 * @param body the result, JSON text exactly as computed
 */
public record StoredResult(ResultInfo info, String body) {
  /** Whether the text still has the SHA-256 recorded when it was stored. */
  public boolean intact() {
    return Hashes.sha256(body).equals(info.bodyHash());
  }
}
