package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.SweepResults;
import spiral.io.ParquetResults;

/** {@code spiral sweep}'s results.parquet, read back with parquet-java's own reader. */
class ParquetResultsTest {
  @TempDir Path tmp;

  @Test
  void parquetHoldsTheCsvsRowsTyped() throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, SweepCommandTest.SWEEP);
    Path out = tmp.resolve("out");
    Cli c = Cli.run("sweep", f.toString(), "--dir", out.toString(), "--threads", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("results.parquet");
    Path pq = out.resolve("results.parquet");

    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(pq),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getFields()).extracting(t -> t.getName()).containsExactly("point",
          "actors.russia.perception.threatBias", "actors.russia.rationality", "seed",
          "nuclearUse", "directWar", "furtherAttacks");
      assertThat(schema.getType("point").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT32);
      assertThat(schema.getType("seed").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT64);
      assertThat(schema.getType("nuclearUse").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.DOUBLE);
      assertThat(r.getRecordCount()).isEqualTo(6);
    }

    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    List<String> fromParquet = new ArrayList<>();
    fromParquet.add(csv.get(0));
    try (ParquetReader<Group> r = new ParquetReader.Builder<Group>(new LocalInputFile(pq),
        new PlainParquetConfiguration()) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        StringBuilder b = new StringBuilder().append(g.getInteger(0, 0));
        b.append(',').append(g.getDouble(1, 0)).append(',').append(g.getDouble(2, 0));
        b.append(',').append(g.getLong(3, 0));
        for (int k = 4; k < 7; k++) {
          b.append(',').append(g.getDouble(k, 0));
        }
        fromParquet.add(b.toString());
      }
    }
    assertThat(fromParquet).isEqualTo(csv);

    SweepResults a = SweepResults.read(out.resolve("results.csv"));
    SweepResults b = ParquetResults.read(pq);
    assertThat(b.parameters()).isEqualTo(a.parameters());
    assertThat(b.outputs()).isEqualTo(a.outputs());
    assertThat(b.x()).isDeepEqualTo(a.x());
    assertThat(b.y()).isDeepEqualTo(a.y());

    // the commands read it too, with the same answers as from the CSV
    for (String cmd : List.of("sensitivity", "discover")) {
      String[] tail = cmd.equals("discover")
          ? new String[] {"--where", "directWar > 0.0", "--format", "json"}
          : new String[] {"--format", "json"};
      Cli fromCsv = Cli.run(concat(cmd, out.resolve("results.csv").toString(), tail));
      Cli fromPq = Cli.run(concat(cmd, pq.toString(), tail));
      assertThat(fromPq.code()).as(fromPq.err()).isZero();
      assertThat(fromPq.out().replace("results.parquet", "results.csv"))
          .isEqualTo(fromCsv.out());
    }
  }

  @Test
  void resumeRewritesTheParquetWholeAndJunkIsBadInput() throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, SweepCommandTest.SWEEP);
    Path out = tmp.resolve("out");
    assertThat(Cli.run("sweep", f.toString(), "--dir", out.toString()).code()).isZero();
    SweepResults full = ParquetResults.read(out.resolve("results.parquet"));
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    Files.writeString(out.resolve("results.csv"), String.join("\n", lines.subList(0, 3)) + "\n");
    Files.writeString(out.resolve("results.parquet"), "stale");
    assertThat(Cli.run("sweep", f.toString(), "--dir", out.toString(), "--resume").code())
        .isZero();
    assertThat(ParquetResults.read(out.resolve("results.parquet")).y()).isDeepEqualTo(full.y());

    Files.writeString(out.resolve("results.csv"), String.join("\n", lines.subList(0, 3)) + "\n");
    assertThat(Cli.run("sweep", f.toString(), "--dir", out.toString(), "--resume",
        "--no-parquet").code()).isZero();
    assertThat(out.resolve("results.parquet")).doesNotExist();

    Path junk = tmp.resolve("junk.parquet");
    Files.writeString(junk, "not parquet at all");
    Cli d = Cli.run("discover", junk.toString(), "--where", "nuclearUse > 0");
    assertThat(d.code()).isEqualTo(2);
    assertThat(d.err()).contains("junk.parquet").doesNotContain("\tat ");
  }

  private static String[] concat(String a, String b, String[] rest) {
    String[] all = new String[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }
}
