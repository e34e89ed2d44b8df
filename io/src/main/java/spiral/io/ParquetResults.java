package spiral.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import spiral.explore.sweep.LocalSweepFolder;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepFolder;
import spiral.explore.sweep.SweepResults;
import spiral.explore.sweep.SweepRunner;

/**
 * A sweep's results as Apache Parquet: the columns of {@code results.csv}, typed ({@code point}
 * int32, each parameter double, {@code seed} int64, each output double), one row group,
 * uncompressed, written with parquet-java's local-file writer, or to a stream for a folder on
 * another file system ({@link #write(SweepFolder)}). Cost: one pass over the CSV.
 *
 * <p>Reading accepts the files other tools write from the same columns: compressed with Snappy,
 * GZIP, ZSTD, LZ4 (raw) or not at all (the codecs pandas, pyarrow, Spark and DuckDB use),
 * columns required or optional, and numbers stored as int32, int64, float or double.
 */
public final class ParquetResults {
  /** The Parquet file's name inside a sweep's output folder. */
  public static final String FILE = "results.parquet";

  private ParquetResults() {}

  /** The Parquet schema of a results header {@code point,PARAMETER..,seed,OUTPUT..}. */
  public static MessageType schema(String[] header) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String col : header) {
      PrimitiveTypeName t = switch (col) {
        case "point" -> PrimitiveTypeName.INT32;
        case "seed" -> PrimitiveTypeName.INT64;
        default -> PrimitiveTypeName.DOUBLE;
      };
      b.required(t).named(col);
    }
    return b.named("sweep_results");
  }

  /**
   * Writes the complete rows of a results CSV as Parquet, replacing {@code parquet} whole (it is
   * written beside it first, then moved).
   */
  public static void write(Path csv, Path parquet) throws IOException {
    List<String[]> rows = rows(Files.readString(csv, StandardCharsets.UTF_8), csv.toString());
    write(rows.get(0), rows.subList(1, rows.size()), parquet, csv.toString());
  }

  /**
   * Writes the complete rows of a sweep folder's {@code results.csv} as its {@code
   * results.parquet}, replacing it whole through {@link SweepFolder#write(String,
   * SweepFolder.Body)} (written beside it first, then renamed).
   */
  public static void write(SweepFolder folder) throws IOException {
    if (folder instanceof LocalSweepFolder local) {
      write(local.path().resolve(SweepRunner.RESULTS), local.path().resolve(FILE));
      return;
    }
    String source = folder.name(SweepRunner.RESULTS);
    List<String[]> rows = rows(folder.read(SweepRunner.RESULTS), source);
    folder.write(FILE, out -> write(rows.get(0), rows.subList(1, rows.size()),
        new StreamOutputFile(out), source));
  }

  /** The header (first) and the rows of a results CSV's complete lines, split at commas. */
  private static List<String[]> rows(String text, String source) {
    List<String> lines = completeLines(text);
    if (lines.isEmpty()) {
      throw new SweepException(source + ": empty results file");
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  /**
   * Writes rows of a results table (header {@code point,PARAMETER..,seed,OUTPUT..}, each row's
   * fields as text, the numbers as in {@code results.csv}) as Parquet, replacing {@code parquet}
   * whole (it is written beside it first, then moved).
   *
   * @param source what the rows came from, for messages ({@code source:LINE: ...})
   * @throws SweepException if a row has the wrong number of fields or a field is not a number
   */
  public static void write(String[] header, List<String[]> rows, Path parquet, String source)
      throws IOException {
    Path tmp = parquet.resolveSibling(parquet.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      write(header, rows, new LocalOutputFile(tmp), source);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void write(String[] header, List<String[]> rows, OutputFile file, String source)
      throws IOException {
    MessageType schema = schema(header);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file)
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .build()) {
      for (int i = 1; i <= rows.size(); i++) {
        String[] f = rows.get(i - 1);
        if (f.length != header.length) {
          throw new SweepException(source + ":" + (i + 1) + ": expected " + header.length
              + " fields, found " + f.length);
        }
        Group g = groups.newGroup();
        try {
          for (int j = 0; j < f.length; j++) {
            switch (header[j]) {
              case "point" -> g.append(header[j], Integer.parseInt(f[j]));
              case "seed" -> g.append(header[j], Long.parseLong(f[j]));
              default -> g.append(header[j], Double.parseDouble(f[j]));
            }
          }
        } catch (NumberFormatException e) {
          throw new SweepException(source + ":" + (i + 1) + ": not a number: " + e.getMessage());
        }
        w.write(g);
      }
    }
  }

  /**
   * The rows of a results Parquet file, as {@link SweepResults}; pages are decompressed by
   * {@link ParquetCodecs}.
   */
  public static SweepResults read(Path parquet) throws IOException {
    if (!Files.isRegularFile(parquet)) {
      throw new SweepException(parquet + ": no such results file");
    }
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    List<String> params = new ArrayList<>();
    List<String> outs = new ArrayList<>();
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    try (ParquetReader<Group> r = new ParquetReader.Builder<Group>(new LocalInputFile(parquet),
        conf) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.withCodecFactory(new ParquetCodecs()).build()) {
      Group g;
      while ((g = r.read()) != null) {
        if (xs.isEmpty()) {
          List<Type> fields = g.getType().getFields();
          int seed = g.getType().containsField("seed") ? g.getType().getFieldIndex("seed") : -1;
          if (fields.isEmpty() || !fields.get(0).getName().equals("point") || seed < 2
              || seed == fields.size() - 1) {
            throw new SweepException(parquet + ": not a sweep's results (expected the columns"
                + " point,PARAMETER..,seed,OUTPUT..)");
          }
          fields.subList(1, seed).forEach(t -> params.add(t.getName()));
          fields.subList(seed + 1, fields.size()).forEach(t -> outs.add(t.getName()));
        }
        int row = xs.size() + 1;
        double point = number(parquet, g, 0, row);
        if (point != Math.rint(point) || Math.abs(point) > Integer.MAX_VALUE) {
          throw new SweepException(parquet + ": row " + row + ", column point: " + point
              + " is not a point number");
        }
        points.add((int) point);
        double[] x = new double[params.size()];
        for (int j = 0; j < x.length; j++) {
          x[j] = number(parquet, g, 1 + j, row);
        }
        double[] y = new double[outs.size()];
        for (int k = 0; k < y.length; k++) {
          y[k] = number(parquet, g, params.size() + 2 + k, row);
        }
        xs.add(x);
        ys.add(y);
      }
    } catch (RuntimeException | IOException e) {
      if (e instanceof SweepException s) {
        throw s;
      }
      String why = e.getMessage(); // the innermost cause says what went wrong
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        why = c.getMessage() != null ? c.getMessage() : why;
      }
      throw new SweepException(parquet + ": not a readable sweep results file: " + why);
    }
    if (xs.isEmpty()) {
      throw new SweepException(parquet + ": no rows");
    }
    double[][] y = new double[outs.size()][xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      for (int k = 0; k < outs.size(); k++) {
        y[k][i] = ys.get(i)[k];
      }
    }
    return new SweepResults(parquet.toString(), params, outs,
        points.stream().mapToInt(Integer::intValue).toArray(), xs.toArray(double[][]::new), y,
        null, null);
  }

  /** Field {@code f} of a row as a double, whatever numeric type it was stored as. */
  private static double number(Path file, Group g, int f, int row) {
    Type t = g.getType().getType(f);
    if (g.getFieldRepetitionCount(f) != 1 || !t.isPrimitive()) {
      throw new SweepException(file + ": row " + row + ", column " + t.getName() + ": "
          + (t.isPrimitive() ? "no value" : "not a number column"));
    }
    return switch (t.asPrimitiveType().getPrimitiveTypeName()) {
      case INT32 -> g.getInteger(f, 0);
      case INT64 -> g.getLong(f, 0);
      case FLOAT -> g.getFloat(f, 0);
      case DOUBLE -> g.getDouble(f, 0);
      default -> throw new SweepException(file + ": row " + row + ", column " + t.getName()
          + ": stored as " + t.asPrimitiveType().getPrimitiveTypeName() + ", not as a number");
    };
  }

  private static List<String> completeLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      String line = text.substring(start, i);
      out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      start = i + 1;
    }
    return out;
  }
}
