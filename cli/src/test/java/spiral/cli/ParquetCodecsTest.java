package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spiral.explore.sweep.SweepResults;
import spiral.io.ParquetResults;

/**
 * Results files as another writer leaves them: the fixtures {@code parquet/pyarrow-CODEC.parquet}
 * were written by pyarrow 25.0.1 (Arrow's C++ Parquet writer, which pandas and DuckDB's users
 * meet as the default) with {@code pq.write_table(t, f, compression=CODEC)} from a table of 64
 * rows: point (int64), actors.russia.perception.threatBias = 0.8 i / 64,
 * actors.russia.rationality = 1 + 4 ((37 i) mod 64) / 64, seed (int64) 1, nuclearUse = 0.1 when
 * rationality is below 2 and 0 otherwise, directWar = (i mod 4) / 4. Its columns are optional
 * (nullable) and dictionary-encoded, as Arrow writes them.
 */
class ParquetCodecsTest {
  @TempDir Path tmp;

  static final int ROWS = 64;

  Path fixture(String name) throws Exception {
    Path f = tmp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("parquet/" + name)) {
      Files.copy(in, f);
    }
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "lz4"})
  void aFileAnotherWriterCompressedReadsBack(String codec) throws Exception {
    Path f = fixture("pyarrow-" + codec + ".parquet");
    SweepResults r = ParquetResults.read(f);
    assertThat(r.parameters()).containsExactly("actors.russia.perception.threatBias",
        "actors.russia.rationality");
    assertThat(r.outputs()).containsExactly("nuclearUse", "directWar");
    assertThat(r.points()).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      double rationality = 1 + 4 * ((i * 37) % ROWS) / (double) ROWS;
      assertThat(r.points()[i]).isEqualTo(i);
      assertThat(r.x()[i]).containsExactly(0.8 * i / ROWS, rationality);
      assertThat(r.y()[0][i]).isEqualTo(rationality < 2 ? 0.1 : 0.0);
      assertThat(r.y()[1][i]).isEqualTo((i % 4) / 4.0);
    }
    Cli d = Cli.run("discover", f.toString(), "--where", "nuclearUse > 0.05");
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out()).contains("16 of 64 points").contains("actors.russia.rationality");
    Cli s = Cli.run("sensitivity", f.toString(), "--output", "nuclearUse");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("rank-correlation");
  }

  @Test
  void aCodecThatIsNotReadIsRefusedClearly() throws Exception {
    Path f = fixture("pyarrow-brotli.parquet");
    Cli c = Cli.run("discover", f.toString(), "--where", "nuclearUse > 0.05");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains(f.toString()).contains("BROTLI cannot be read")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip"})
  void aTruncatedCompressedFileIsBadInputNotACrash(String codec) throws Exception {
    byte[] all = Files.readAllBytes(fixture("pyarrow-" + codec + ".parquet"));
    Path cut = tmp.resolve("cut-" + codec + ".parquet");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    Cli c = Cli.run("sensitivity", cut.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains(cut.toString()).doesNotContain("\tat ");
    assertThat(c.out()).isEmpty();
  }
}
