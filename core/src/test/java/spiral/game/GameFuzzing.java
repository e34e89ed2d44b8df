package spiral.game;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The game reader's contract for bad input, as the fuzz targets check it: {@link
 * GameReader#read(java.io.InputStream)} returns a game or throws a {@link GameFormatException}
 * whose message is not blank and which, where it names a token, has its line and column; a game
 * read writes out ({@link GameWriter}) as text that reads back as an equal game.
 */
final class GameFuzzing {
  private GameFuzzing() {}

  static void readOrFail(String head, byte[] rest) {
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + rest.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(rest, 0, all, h.length, rest.length);
    Game g;
    try {
      g = GameReader.read(new ByteArrayInputStream(all));
    } catch (GameFormatException e) {
      if (e.detail() == null || e.detail().isBlank()) {
        throw new AssertionError("a GameFormatException without a message", e);
      }
      if (e.token() != null && (e.line() < 1 || e.column() < 1)) {
        throw new AssertionError("a GameFormatException at a token without line and column", e);
      }
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String written = GameWriter.write(g);
    Game back;
    try {
      back = GameReader.parse(written);
    } catch (GameFormatException e) {
      throw new AssertionError("a game read does not read back once written:\n" + written, e);
    }
    if (!back.equals(g)) {
      throw new AssertionError("a game read reads back different once written:\n" + written);
    }
  }
}
