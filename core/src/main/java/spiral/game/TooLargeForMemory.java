package spiral.game;

import java.math.BigInteger;

/**
 * A game or game form refused because the memory it needs is more than the Java heap has free:
 * the limit comes from the heap (raise it with {@code -Xmx}), not from a fixed number.
 */
public final class TooLargeForMemory extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final BigInteger bytesNeeded;

  /** A refusal with its message and the estimated number of bytes needed. */
  public TooLargeForMemory(String message, BigInteger bytesNeeded) {
    super(message);
    this.bytesNeeded = bytesNeeded;
  }

  /** The estimated number of bytes the refused work needs. */
  public BigInteger bytesNeeded() {
    return bytesNeeded;
  }
}
