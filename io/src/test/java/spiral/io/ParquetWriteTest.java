package spiral.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.SweepException;
import spiral.explore.sweep.SweepResults;

/** Rows written from memory (as the server writes a stored sweep's points) read back exactly. */
class ParquetWriteTest {
  @TempDir Path tmp;

  @Test
  void rowsReadBackExactly() throws Exception {
    String[] header = {"point", "a", "b", "seed", "y"};
    List<String[]> rows = List.of(
        new String[] {"0", Double.toString(0.1), Double.toString(1e-300), "7", Double.toString(1.0 / 3)},
        new String[] {"1", "-2.5", "3", "7", "0"});
    Path file = tmp.resolve(ParquetResults.FILE);
    ParquetResults.write(header, rows, file, "memory");
    SweepResults r = ParquetResults.read(file);
    assertThat(r.parameters()).containsExactly("a", "b");
    assertThat(r.outputs()).containsExactly("y");
    assertThat(r.x()[0]).containsExactly(0.1, 1e-300);
    assertThat(r.x()[1]).containsExactly(-2.5, 3.0);
    assertThat(r.y()[0]).containsExactly(1.0 / 3, 0.0);
    assertThat(Files.list(tmp)).containsExactly(file); // nothing left beside it
  }

  @Test
  void aBadRowNamesItsSourceAndLineAndLeavesNothing() {
    Path file = tmp.resolve(ParquetResults.FILE);
    String[] header = {"point", "a", "seed", "y"};
    assertThatThrownBy(() -> ParquetResults.write(header, List.<String[]>of(new String[] {"0", "1", "7"}), file, "result 3"))
        .isInstanceOf(SweepException.class).hasMessage("result 3:2: expected 4 fields, found 3");
    assertThatThrownBy(() -> ParquetResults.write(header, List.<String[]>of(new String[] {"0", "x", "7", "1"}), file, "result 3"))
        .isInstanceOf(SweepException.class).hasMessageStartingWith("result 3:2: not a number");
    assertThat(file).doesNotExist();
    assertThat(tmp.resolve(ParquetResults.FILE + ".tmp")).doesNotExist();
  }
}
