package spiral.explore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepResultsTest {
  @TempDir Path tmp;

  static final double[][] DESIGN = {{1.5, 0.25}, {3.125, 0.75}, {4.0, 0.5}};

  Path csv(String... rows) throws Exception {
    Path f = tmp.resolve("results.csv");
    Files.writeString(f, "point,a,b,seed,y\n" + String.join("\n", rows) + "\n");
    return f;
  }

  @Test
  void theResolutionIsHalfAUnitInTheLastDigitWritten() {
    assertThat(SweepResults.resolution("3")).isEqualTo(0.5);
    assertThat(SweepResults.resolution("2.25")).isCloseTo(0.005, org.assertj.core.data.Offset
        .offset(1e-18));
    assertThat(SweepResults.resolution("1.5E-6")).isCloseTo(5e-8, org.assertj.core.data.Offset
        .offset(1e-22));
    assertThat(SweepResults.resolution("-12.0e+2")).isCloseTo(5.0, org.assertj.core.data.Offset
        .offset(1e-12));
  }

  @Test
  void rowsInAnotherOrderArePutBackInPointOrder() throws Exception {
    SweepResults r = SweepResults.read(csv("2,4.0,0.5,1,30", "0,1.5,0.25,1,10",
        "1,3.125,0.75,1,20"));
    assertThat(r.inPointOrder()).isFalse();
    SweepResults m = r.inDesignOrder(DESIGN, true, "lhs");
    assertThat(m.inPointOrder()).isTrue();
    assertThat(m.output("y")).containsExactly(10, 20, 30);
    assertThat(m.lines()).containsExactly(3, 4, 2);
  }

  @Test
  void valuesWrittenWithFewerDigitsMatchAtThatPrecision() throws Exception {
    SweepResults r = SweepResults.read(csv("0,1.5,0.25,1,10", "1,3.13,0.75,1,20",
        "2,4,0.5,1,30"));
    assertThat(r.inDesignOrder(DESIGN, true, "lhs").output("y")).containsExactly(10, 20, 30);
  }

  @Test
  void aRowWhoseValuesAreAnotherPointsIsRefusedWithItsPlace() throws Exception {
    Path f = csv("0,1.5,0.25,1,10", "1,4.0,0.5,1,20", "2,3.125,0.75,1,30");
    assertThatThrownBy(() -> SweepResults.read(f).inDesignOrder(DESIGN, true, "lhs"))
        .isInstanceOf(SweepException.class)
        .hasMessageStartingWith(f + ":3:3: a: 4.0 is not point 1's value in the lhs design"
            + " (3.125)");
    Path g = csv("0,1.5,0.25,1,10", "1,3.125,0.7500001,1,20", "2,4.0,0.5,1,30");
    assertThatThrownBy(() -> SweepResults.read(g).inDesignOrder(DESIGN, true, "lhs"))
        .hasMessageStartingWith(g + ":3:9: b: 0.7500001 is not point 1's value");
  }

  @Test
  void unknownRepeatedAndMissingPointsAreRefused() throws Exception {
    Path f = csv("0,1.5,0.25,1,10", "7,3.125,0.75,1,20");
    assertThatThrownBy(() -> SweepResults.read(f).inDesignOrder(DESIGN, false, "lhs"))
        .hasMessageStartingWith(f + ":3:1: point: 7 is not a point of the lhs design (it has 3:"
            + " 0 to 2)");
    Path g = csv("0,1.5,0.25,1,10", "0,1.5,0.25,1,20");
    assertThatThrownBy(() -> SweepResults.read(g).inDesignOrder(DESIGN, false, "lhs"))
        .hasMessageStartingWith(g + ":3:1: point: 0 appears twice (also line 2)");
    Path h = csv("0,1.5,0.25,1,10", "2,4.0,0.5,1,30");
    assertThat(SweepResults.read(h).inDesignOrder(DESIGN, false, "lhs").points())
        .containsExactly(0, 2);
    assertThatThrownBy(() -> SweepResults.read(h).inDesignOrder(DESIGN, true, "saltelli"))
        .hasMessageContaining("the saltelli design has 3 points but the results have 2"
            + " (missing: 1); finish the sweep with --resume");
  }

  @Test
  void aValueThatIsNotANumberIsLocated() throws Exception {
    Path f = csv("0,1.5,0.25,1,10", "1,3.125,x,1,20");
    assertThatThrownBy(() -> SweepResults.read(f))
        .hasMessage(f + ":3:9: b: not a finite number: 'x'");
    Path g = csv("zero,1.5,0.25,1,10");
    assertThatThrownBy(() -> SweepResults.read(g))
        .hasMessage(g + ":2:1: point: not a point number: 'zero'");
  }

  @Test
  void resultsWithoutAFileAreInPointOrder() {
    SweepResults r = new SweepResults(List.of("a"), List.of("y"), new double[][] {{1}, {2}},
        new double[][] {{5, 6}});
    assertThat(r.inPointOrder()).isTrue();
  }
}
