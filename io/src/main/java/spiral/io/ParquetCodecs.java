package spiral.io;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression for reading results Parquet files, straight on the codec libraries rather
 * than through Hadoop's codec classes (which need Hadoop's whole configuration machinery): Snappy
 * (snappy-java), ZSTD (zstd-jni), GZIP (java.util.zip), LZ4_RAW and Hadoop-framed LZ4
 * (aircompressor), and uncompressed pages. Those are the codecs pandas, pyarrow, Spark and DuckDB
 * write (Snappy by default). Brotli and LZO are not read: such a file is refused as unreadable.
 * Compression is offered for uncompressed pages only, which is all {@link ParquetResults} writes.
 * Cost: one copy of each page plus the codec's own work; stateless, so {@link #release} does
 * nothing.
 */
public final class ParquetCodecs implements CompressionCodecFactory {
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    if (codec != CompressionCodecName.UNCOMPRESSED) {
      throw new UnsupportedOperationException("results are written uncompressed, not " + codec);
    }
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) {
        return bytes;
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.UNCOMPRESSED;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED, SNAPPY, ZSTD, GZIP, LZ4, LZ4_RAW -> new Decompressor(codec);
      default -> throw new UnsupportedOperationException("pages compressed with " + codec
          + " cannot be read (Snappy, ZSTD, GZIP, LZ4 and uncompressed can)");
    };
  }

  @Override
  public void release() {}

  /** Decompresses the pages of one codec. */
  private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int size) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      return BytesInput.from(decompress(bytes.toByteArray(), size));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      output.put(codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, size));
    }

    @Override
    public void release() {}

    private byte[] decompress(byte[] in, int size) throws IOException {
      byte[] out = switch (codec) {
        case SNAPPY -> Snappy.uncompress(in);
        case ZSTD -> Zstd.decompress(in, size);
        case GZIP -> gunzip(in, size);
        case LZ4_RAW -> lz4(in, 0, in.length, size);
        case LZ4 -> hadoopLz4(in, size);
        default -> in;
      };
      if (out.length != size) {
        throw new IOException(codec + " page: " + out.length + " bytes after decompression, the"
            + " page header says " + size);
      }
      return out;
    }

    private static byte[] gunzip(byte[] in, int size) throws IOException {
      try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in))) {
        byte[] out = z.readNBytes(size);
        if (z.read() >= 0) {
          throw new IOException("GZIP page longer than the page header says (" + size + ")");
        }
        return out;
      }
    }

    private static byte[] lz4(byte[] in, int from, int length, int size) throws IOException {
      byte[] out = new byte[size];
      try {
        int n = new Lz4Decompressor().decompress(in, from, length, out, 0, size);
        return n == size ? out : java.util.Arrays.copyOf(out, n);
      } catch (RuntimeException e) {
        throw new IOException("LZ4 page: " + e.getMessage(), e);
      }
    }

    /**
     * Hadoop's LZ4 framing: blocks of [uncompressed length, compressed length] (big-endian
     * 32-bit) followed by an LZ4 block; a page that does not parse as such is read as one raw
     * LZ4 block, as older writers left it.
     */
    private static byte[] hadoopLz4(byte[] in, int size) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(in);
      byte[] out = new byte[size];
      int at = 0;
      while (b.remaining() >= 8) {
        int raw = b.getInt();
        int packed = b.getInt();
        if (raw < 0 || packed < 0 || packed > b.remaining() || at + raw > size) {
          return lz4(in, 0, in.length, size);
        }
        byte[] block = lz4(in, b.position(), packed, raw);
        System.arraycopy(block, 0, out, at, block.length);
        at += block.length;
        b.position(b.position() + packed);
      }
      return b.hasRemaining() || at != size ? lz4(in, 0, in.length, size) : out;
    }
  }
}
