package spiral.explore.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sweep's output folder on the local file system. Rows are appended to the file and flushed one
 * by one, so that every finished row survives an interruption of the process; whole files are
 * written beside their target and moved over it (atomically where the file system can).
 */
public final class LocalSweepFolder implements SweepFolder {
  private final Path dir;

  /** The folder at {@code dir}. */
  public LocalSweepFolder(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The folder's path. */
  public Path path() {
    return dir;
  }

  @Override
  public String name() {
    return dir.toString();
  }

  @Override
  public String name(String file) {
    return dir.resolve(file).toString();
  }

  @Override
  public boolean exists() {
    return Files.exists(dir);
  }

  @Override
  public void create() throws IOException {
    Files.createDirectories(dir);
  }

  @Override
  public boolean exists(String file) {
    return Files.exists(dir.resolve(file));
  }

  @Override
  public String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  @Override
  public void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  @Override
  public void write(String file, Body body) throws IOException {
    Path target = dir.resolve(file);
    Path tmp = target.resolveSibling(file + ".tmp");
    Files.deleteIfExists(tmp);
    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
      body.writeTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    spiral.LocalFiles.replace(tmp, target);
  }

  @Override
  public Rows rows(String file) throws IOException {
    Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return new Rows() {
      @Override
      public void add(String line) throws IOException {
        w.write(line);
        w.write('\n');
        w.flush();
      }

      @Override
      public void close() throws IOException {
        w.close();
      }
    };
  }

  @Override
  public void delete(String file) throws IOException {
    Files.deleteIfExists(dir.resolve(file));
  }

  @Override
  public List<String> files() throws IOException {
    List<String> out = new ArrayList<>();
    try (var list = Files.list(dir)) {
      for (Path f : list.toList()) {
        if (Files.isRegularFile(f)) {
          out.add(f.getFileName().toString());
        }
      }
    }
    return out;
  }

  @Override
  public void deleteIfEmpty() throws IOException {
    try (var list = Files.list(dir)) {
      if (list.findAny().isPresent()) {
        return;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    }
    Files.deleteIfExists(dir);
  }

  @Override
  public String toString() {
    return name();
  }
}
