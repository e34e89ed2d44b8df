package spiral;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files on the local file system written whole: a reader sees the old file or the new one. */
public final class LocalFiles {
  private LocalFiles() {}

  /**
   * Moves {@code tmp}, written beside {@code target}, onto it: atomically where the file system
   * can, otherwise by a plain replacing move. Cost: one rename.
   */
  public static void replace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
