package spiral.store;

/**
 * A stored result: its provenance and its JSON text.
 *
 * @param info what it was computed from
 * @param body the result, JSON text exactly as computed
 * @param hasReport whether a self-contained HTML report was kept with it
 */
public record StoredResult(ResultInfo info, String body, boolean hasReport) {
  /** Whether the text still has the SHA-256 recorded when it was stored. */
  public boolean intact() {
    return Hashes.sha256(body).equals(info.bodyHash());
  }
}
