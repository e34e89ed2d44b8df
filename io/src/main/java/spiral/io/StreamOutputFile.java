package spiral.io;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet output file over a stream that the caller closes (closing it here only flushes), for
 * writing Parquet through a file system's own streams (a Hadoop file system's temporary file).
 */
public final class StreamOutputFile implements OutputFile {
  private final OutputStream out;

  /** Parquet written to this stream. */
  public StreamOutputFile(OutputStream out) {
    this.out = out;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return new PositionOutputStream() {
      long pos;

      @Override
      public long getPos() {
        return pos;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        pos++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        pos += len;
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }
}
