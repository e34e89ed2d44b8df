package spiral.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A posterior sample's CSV as Apache Parquet: {@code particle} int32, the other columns double,
 * the CSV's {@code # key: value} header lines as the file's key-value metadata.
 */
final class PosteriorParquet {
  private PosteriorParquet() {}

  static void write(String csv, Path file) throws IOException {
    write(csv, new LocalOutputFile(file));
  }

  /** The Parquet written to a stream the caller closes (a Hadoop file system's temporary file). */
  static void write(String csv, java.io.OutputStream out) throws IOException {
    write(csv, new spiral.io.StreamOutputFile(out));
  }

  private static void write(String csv, org.apache.parquet.io.OutputFile file) throws IOException {
    List<String> rows = new ArrayList<>();
    java.util.Map<String, String> meta = new java.util.LinkedHashMap<>();
    for (String line : csv.split("\n")) {
      if (line.startsWith("#")) {
        int c = line.indexOf(':');
        if (c > 0) {
          meta.put("spiral." + line.substring(1, c).trim(), line.substring(c + 1).trim());
        }
      } else if (!line.isEmpty()) {
        rows.add(line);
      }
    }
    String[] header = rows.get(0).split(",", -1);
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String col : header) {
      b.required(col.equals("particle") ? PrimitiveTypeName.INT32 : PrimitiveTypeName.DOUBLE).named(col);
    }
    MessageType schema = b.named("posterior");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file)
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withExtraMetaData(meta)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .build()) {
      for (int i = 1; i < rows.size(); i++) {
        String[] f = rows.get(i).split(",", -1);
        Group g = groups.newGroup();
        for (int j = 0; j < f.length; j++) {
          if (j == 0) {
            g.add(header[j], Integer.parseInt(f[j]));
          } else {
            g.add(header[j], f[j].isEmpty() ? Double.NaN : Double.parseDouble(f[j]));
          }
        }
        w.write(g);
      }
    }
  }
}
