package spiral.explore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.scenario.BuiltinScenarios;

class SweepSourceTest {
  @TempDir Path tmp;

  static SweepSource roundTrip(SweepSource s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(s);
    }
    try (ObjectInputStream i = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SweepSource) i.readObject();
    }
  }

  @Test
  void aBuiltInScenarioTravelsAsItsName() throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, SweepTest.GOOD);
    Sweep sweep = Sweep.read(f);
    SweepSource src = SweepSource.of(sweep);
    assertThat(src.scenarioSource()).isNull();
    assertThat(src.scenarioContent()).isNull();
    SweepSource back = roundTrip(src);
    assertThat(back).isEqualTo(src).hasSameHashCodeAs(src);
    Sweep again = back.sweep();
    assertThat(again.points()).isDeepEqualTo(sweep.points());
    assertThat(again.scenario()).isEqualTo(sweep.scenario());
    assertThat(again.text()).isEqualTo(sweep.text());
  }

  @Test
  void aScenarioFileTravelsAsItsBytesAndNeedsNoFileWhereItIsRebuilt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("sweeps"));
    Files.write(dir.resolve("mine.yaml"), BuiltinScenarios.read("rand-d-ports").orElseThrow());
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, SweepTest.GOOD.replace("scenario: rand-d-ports", "scenario: mine.yaml"));
    Sweep sweep = Sweep.read(f);
    SweepSource src = SweepSource.of(sweep);
    assertThat(src.scenarioSource()).endsWith("mine.yaml");
    assertThat(src.scenarioContent()).isEqualTo(Files.readAllBytes(dir.resolve("mine.yaml")));
    SweepSource back = roundTrip(src);
    Files.delete(dir.resolve("mine.yaml"));
    Sweep again = back.sweep();
    assertThat(again.scenario()).isEqualTo(sweep.scenario());
    assertThat(again.points()).isDeepEqualTo(sweep.points());
    assertThat(again.scenarioName()).isEqualTo("mine.yaml");
  }

  @Test
  void aSweepKeepsTheScenarioBytesItWasBuiltFromSoAChangedFileChangesNothing() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("kept"));
    byte[] original = BuiltinScenarios.read("rand-d-ports").orElseThrow();
    Files.write(dir.resolve("mine.yaml"), original);
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, SweepTest.GOOD.replace("scenario: rand-d-ports", "scenario: mine.yaml"));
    Sweep sweep = Sweep.read(f);
    // the file changes after the sweep was read: what ships is what was read, not the new file
    Files.write(dir.resolve("mine.yaml"), BuiltinScenarios.read("rand-a-satellite").orElseThrow());
    SweepSource src = SweepSource.of(sweep);
    assertThat(src).isSameAs(sweep.origin());
    assertThat(src.scenarioContent()).isEqualTo(original);
    assertThat(src.sweep().scenario()).isEqualTo(sweep.scenario());
    // a sweep rebuilt from its origin has the same origin
    assertThat(src.sweep().origin()).isEqualTo(src);
    // the same text, parsed with the bytes a caller read from elsewhere (a Hadoop file system)
    Sweep fromBytes = Sweep.parse(new SweepSource("hdfs://nn/s.yaml", sweep.text(),
        "hdfs://nn/mine.yaml", original));
    assertThat(fromBytes.scenario()).isEqualTo(sweep.scenario());
    assertThat(fromBytes.origin().scenarioSource()).isEqualTo("hdfs://nn/mine.yaml");
    assertThatThrownBy(() -> new Sweep("a.yaml", sweep.text(), sweep.scenarioName(),
        sweep.scenario(), sweep.parameters(), sweep.design(), sweep.runs(), sweep.seed(),
        sweep.outputs(), src)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another sweep file's");
  }

  @Test
  void aBadShippedScenarioFailsLikeABadFile() {
    assertThatThrownBy(() -> Sweep.parse("s.yaml", SweepTest.GOOD.replace("rand-d-ports",
        "mine.yaml"), "mine.yaml", "id: [".getBytes()))
        .isInstanceOf(SweepException.class)
        .hasMessageStartingWith("s.yaml:1:11: scenario: mine.yaml:1:6: ");
    assertThatThrownBy(() -> new SweepSource("s.yaml", "x", "mine.yaml", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scenarioFileFollowsTheParseRule() throws Exception {
    assertThat(Sweep.scenarioFile("rand-d-ports", tmp)).isEmpty();
    Files.writeString(tmp.resolve("rand-d-ports"), "x");
    assertThat(Sweep.scenarioFile("rand-d-ports", tmp)).contains(tmp.resolve("rand-d-ports"));
    assertThat(Sweep.scenarioFile("nowhere.yaml", tmp)).isEmpty();
  }
}
