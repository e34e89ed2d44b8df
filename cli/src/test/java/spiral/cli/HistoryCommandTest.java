package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  @Test
  void nuclearBothListsTheClassAndBoundsTheZero() {
    Cli r = Cli.run("history", "--nuclear", "both", "--list");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Reference class: nuclear=both", "36 of 487 crises", "International Crisis Behavior, version 14")
        .contains("nuclearUse           36      0   0.0000").contains("0 seen: at most 0.0798 (one-sided 95%)")
        .contains("CUBAN MISSILES", "KARGIL", "Brecher");
  }

  @Test
  void formatsAndTheReport(@TempDir Path dir) throws Exception {
    Cli json = Cli.run("history", "--where", "nuclear=both trigger=violent", "--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"filter\" : \"nuclear=both trigger=violent\"", "\"crises\" : 12", "\"upper95\"");
    Cli csv = Cli.run("history", "--nuclear", "both", "--format", "csv");
    assertThat(csv.out()).startsWith("# spiral: ").contains("# reference class: nuclear=both", "\nnuclearUse,36,0,0.000000,");
    Cli list = Cli.run("history", "--actor", "IND,PAK", "--nuclear", "both", "--format", "csv", "--list");
    assertThat(list.out()).contains("431,\"KARGIL\",1999-05-09").contains("icb,name,trigger");
    Path html = dir.resolve("h.html");
    Cli rep = Cli.run("history", "--nuclear", "both", "--report", html.toString(), "--out", dir.resolve("t.txt").toString());
    assertThat(rep.code()).isZero();
    assertThat(Files.readString(html)).contains("<h1>Reference class: nuclear=both</h1>", "data-chart=\"base-rates\"", "Brecher");
  }

  @Test
  void badFiltersAndEmptyClassesExitTwoWithTheKnownNames(@TempDir Path dir) throws Exception {
    Cli field = Cli.run("history", "--where", "nukes=both");
    assertThat(field.code()).isEqualTo(2);
    assertThat(field.err()).contains("--where: unknown field 'nukes'").doesNotContain("Exception");
    Cli value = Cli.run("history", "--nuclear", "all");
    assertThat(value.code()).isEqualTo(2);
    assertThat(value.err()).contains("unknown value 'all' for nuclear (known: both, one, none, any)");
    Cli empty = Cli.run("history", "--years", "1900-1910");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("is empty");
    Cli twice = Cli.run("history", "--where", "nuclear=both", "--nuclear", "one");
    assertThat(twice.code()).isEqualTo(2);
    Files.writeString(dir.resolve("icb1v99.csv"), "icb1,crisno\nICB1,x\n");
    Files.writeString(dir.resolve("icb2v99.csv"), "icb2,crisno\n");
    Cli data = Cli.run("history", "--data", dir.toString());
    assertThat(data.code()).isEqualTo(2);
    assertThat(data.err()).contains("icb2v99.csv:1:1: no column 'actor' in the header");
    assertThat(Files.list(dir).count()).isEqualTo(2);
  }
}
