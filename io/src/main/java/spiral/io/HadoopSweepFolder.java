package spiral.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import spiral.explore.sweep.SweepFolder;

/**
 * A sweep's output folder on a Hadoop file system ({@code hdfs:}, {@code s3a:}, {@code abfs:},
 * {@code gs:}, ...; see {@link HadoopFiles}).
 *
 * <p><b>Whole files</b> are written to {@code .NAME.RANDOM.tmp} beside the target and renamed over
 * it: on HDFS the rename replaces the target atomically (through {@link FileContext}'s overwriting
 * rename); on object stores a rename is a copy, so the new file still appears whole but not in
 * one step, and where no overwriting rename is offered the target is deleted first. Each write
 * has a temporary file of its own, because HDFS keeps a file that a killed process was writing
 * leased to that process for a while, and {@link #create()} deletes the ones such a process left.
 *
 * <p><b>Rows</b> are not appended: object stores cannot append, and an HDFS file left open by an
 * interrupted writer stays leased to it (a minute at least, up to an hour, unless its lease is
 * recovered explicitly), so appending to it again in a resume fails meanwhile. Instead the folder
 * keeps the results in memory and rewrites the whole file (temporary file, then rename) when at
 * least {@link #REWRITE_SECONDS} seconds have passed since the last rewrite, never sooner than
 * four times the last rewrite took, so rewriting costs at most about a fifth of the sweep's time,
 * and once more when the rows are closed. An interruption therefore loses at most the rows of the
 * last interval; {@code --resume} finds the rows of the last rewrite and runs the rest, as it does
 * locally.
 */
public final class HadoopSweepFolder implements SweepFolder {
  /** The shortest time between two rewrites of the results while rows are added, in seconds. */
  public static final int REWRITE_SECONDS = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final Path dir;
  private final FileSystem fs;
  private final long rewriteNanos;

  private HadoopSweepFolder(String name, Path dir, FileSystem fs, long rewriteNanos) {
    this.name = name;
    this.dir = dir;
    this.fs = fs;
    this.rewriteNanos = rewriteNanos;
  }

  /**
   * The folder a Hadoop location names, rewriting added rows every {@link #REWRITE_SECONDS}
   * seconds at most.
   *
   * @throws HadoopFiles.NoFileSystemException if no file system for its scheme is on the class
   *     path
   */
  public static HadoopSweepFolder open(String location) throws IOException {
    return open(location, REWRITE_SECONDS * 1_000_000_000L);
  }

  /**
   * The folder a Hadoop location names, rewriting added rows when {@code rewriteEvery} has passed
   * since the last rewrite (and four times the last rewrite's time).
   *
   * @throws HadoopFiles.NoFileSystemException if no file system for its scheme is on the class
   *     path
   */
  public static HadoopSweepFolder open(String location, Duration rewriteEvery)
      throws IOException {
    return open(location, rewriteEvery.toNanos());
  }

  private static HadoopSweepFolder open(String location, long rewriteNanos) throws IOException {
    URI uri = HadoopFiles.uri(location);
    FileSystem fs = HadoopFiles.fileSystem(uri);
    return new HadoopSweepFolder(location, fs.makeQualified(new Path(uri)), fs, rewriteNanos);
  }

  private Path file(String file) {
    return new Path(dir, file);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String name(String file) {
    return name.endsWith("/") ? name + file : name + "/" + file;
  }

  @Override
  public boolean exists() throws IOException {
    return fs.exists(dir);
  }

  @Override
  public void create() throws IOException {
    fs.mkdirs(dir);
    for (FileStatus s : fs.listStatus(dir)) { // temporary files left by a killed process
      String n = s.getPath().getName();
      if (s.isFile() && n.startsWith(".") && n.endsWith(".tmp")) {
        fs.delete(s.getPath(), false);
      }
    }
  }

  @Override
  public boolean exists(String file) throws IOException {
    try {
      return fs.getFileStatus(file(file)).isFile();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public String read(String file) throws IOException {
    try (InputStream in = fs.open(file(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void write(String file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(file, out -> out.write(bytes));
  }

  @Override
  public void write(String file, Body body) throws IOException {
    Path target = file(file);
    Path tmp = file("." + file + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      body.writeTo(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    replace(tmp, target);
  }

  /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
  private void replace(Path tmp, Path target) throws IOException {
    try {
      FileContext.getFileContext(fs.getUri(), fs.getConf())
          .rename(tmp, target, Options.Rename.OVERWRITE);
      return;
    } catch (UnsupportedFileSystemException | UnsupportedOperationException e) {
      // no AbstractFileSystem for the scheme: delete, then rename
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  @Override
  public Rows rows(String file) throws IOException {
    StringBuilder text = new StringBuilder(read(file));
    return new Rows() {
      long last = System.nanoTime();
      long took;
      boolean pending;

      @Override
      public void add(String line) throws IOException {
        text.append(line).append('\n');
        pending = true;
        long now = System.nanoTime();
        if (now - last >= Math.max(rewriteNanos, 4 * took)) {
          flush();
        }
      }

      private void flush() throws IOException {
        long start = System.nanoTime();
        write(file, text.toString());
        last = System.nanoTime();
        took = last - start;
        pending = false;
      }

      @Override
      public void close() throws IOException {
        if (pending) {
          flush();
        }
      }
    };
  }

  @Override
  public void delete(String file) throws IOException {
    fs.delete(file(file), false);
  }

  @Override
  public List<String> files() throws IOException {
    List<String> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isFile()) {
        out.add(s.getPath().getName());
      }
    }
    return out;
  }

  @Override
  public void deleteIfEmpty() throws IOException {
    try {
      if (fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    } catch (FileNotFoundException e) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
