package spiral.io;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import spiral.explore.sweep.SweepFolder;

/**
 * Files named by a URI with a scheme other than {@code file:} ({@code hdfs:}, {@code s3a:},
 * {@code abfs:}, {@code gs:}, ...), read and written through Hadoop's {@link FileSystem} API with
 * whatever connector for the scheme is on the class path. Anything else (a relative or absolute
 * local path, a Windows path such as {@code C:\sweeps}, a {@code file:} URI) is a local file.
 */
public final class HadoopFiles {
  private HadoopFiles() {}

  /** Whether a location names a file of a Hadoop file system rather than a local file. */
  public static boolean isHadoop(String location) {
    return SweepFolder.scheme(location) != null;
  }

  /**
   * A local path for a location that is not a Hadoop one: a {@code file:} URI's path, or the
   * location as a path.
   */
  public static java.nio.file.Path localPath(String location) {
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      return java.nio.file.Path.of(URI.create(location));
    }
    return java.nio.file.Path.of(location);
  }

  /**
   * The file system of a Hadoop location, a new instance that the caller closes.
   *
   * @throws NoFileSystemException if no file system for the location's scheme is on the class
   *     path (or Hadoop's client itself is not)
   */
  static FileSystem fileSystem(URI uri) throws IOException {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Configuration conf;
    try {
      conf = new Configuration();
      FileSystem.getFileSystemClass(scheme, conf);
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new NoFileSystemException(uri, scheme);
    }
    try {
      return FileSystem.newInstance(uri, conf);
    } catch (LinkageError e) {
      throw new NoFileSystemException(uri, scheme);
    }
  }

  /** A location as a URI, or bad input naming it. */
  static URI uri(String location) {
    try {
      return new URI(location);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(location + ": not a valid URI: " + e.getReason());
    }
  }

  /**
   * A Hadoop file's bytes, refusing a file over {@code maxBytes}; one call to the file system
   * (a missing file is told by the same call that gives the size).
   *
   * @throws NoFileSystemException if no file system for its scheme is on the class path
   * @throws FileNotFoundException if there is no such file (or the location is a folder)
   * @throws TooLargeException if it is larger than {@code maxBytes}
   * @throws IOException if it cannot be read
   */
  public static byte[] read(String location, long maxBytes) throws IOException {
    URI uri = uri(location);
    try (FileSystem fs = fileSystem(uri)) {
      Path p = new Path(uri);
      FileStatus status = fs.getFileStatus(p);
      if (!status.isFile()) {
        throw new FileNotFoundException(location + ": a folder, not a file");
      }
      long size = status.getLen();
      if (size > maxBytes) {
        throw new TooLargeException(size + " bytes, more than the " + maxBytes + " read here");
      }
      try (InputStream in = fs.open(p)) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
      }
    }
  }

  /** A location relative to a Hadoop file's folder (a sibling of the file). */
  public static String sibling(String location, String name) {
    return new Path(new Path(uri(location)).getParent(), name).toString();
  }

  /** A file larger than a reader takes. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /**
   * No Hadoop file system for a location's scheme on the class path. The message is one line:
   * the location, the scheme and what to put on the class path.
   */
  public static final class NoFileSystemException extends IOException {
    private static final long serialVersionUID = 1L;

    NoFileSystemException(URI uri, String scheme) {
      super(uri + ": no file system for '" + scheme + ":' on the class path; put "
          + connector(scheme) + " on it (SPIRAL_CLASSPATH for ./spiral, e.g. the output of"
          + " 'hadoop classpath')");
    }

    /** What to add for a scheme: Hadoop's client, and the connector jars where it has one. */
    static String connector(String scheme) {
      String client = "Hadoop's client (hadoop-client-api and hadoop-client-runtime)";
      return switch (scheme) {
        case "hdfs", "webhdfs", "swebhdfs", "viewfs" -> client;
        case "s3a" -> client + " and the S3A connector (hadoop-aws and the AWS SDK bundle;"
            + " commons-lang3 with Hadoop's shaded client)";
        case "abfs", "abfss", "wasb", "wasbs" -> client + " and the Azure connector (hadoop-azure)";
        case "gs" -> client + " and Google's Cloud Storage connector (gcs-connector)";
        case "oss" -> client + " and the Aliyun connector (hadoop-aliyun)";
        default -> client + " and a connector for '" + scheme + ":'";
      };
    }
  }
}
