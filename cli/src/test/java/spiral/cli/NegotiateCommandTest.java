package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code spiral negotiate} and {@code spiral positions}. */
class NegotiateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void ukraineTalksSaysWhoAcceptsEachProposalAndWhenTheWindowIsOpen() throws Exception {
    Cli r = Cli.run("negotiate", "ukraine-2022-talks", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("proposals").size()).isGreaterThanOrEqualTo(5);
    for (JsonNode p : j.get("proposals")) {
      assertThat(p.get("accepts").size()).isEqualTo(j.get("parties").size());
      assertThat(p.get("acceptedByAll").isBoolean()).isTrue();
    }
    assertThat(j.get("window").size()).isEqualTo(12);
    JsonNode open = j.get("openMonths");
    assertThat(open.size()).as("the window opens at some point").isPositive();
    int openMonths = 0;
    for (JsonNode m : j.get("window")) {
      openMonths += m.get("zoneExists").asBoolean() ? 1 : 0;
    }
    assertThat(openMonths).as("the zone exists in some months, not all").isBetween(1, 11);
    Cli table = Cli.run("negotiate", "ukraine-2022-talks", "--month", "6");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("accepted by", "The window", "Fearon range", "Rubinstein", "Illustrative assumptions");
  }

  @Test
  void positionsAndReports() throws Exception {
    Path neg = tmp.resolve("n.html");
    Path pos = tmp.resolve("p.html");
    assertThat(Cli.run("negotiate", "ukraine-2022-talks", "--report", neg.toString()).code()).isZero();
    Cli p = Cli.run("positions", "ukraine-2022-talks", "--report", pos.toString());
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.out()).contains("2022-03-29", "2022-12-09", "Gap between");
    assertThat(Files.readString(neg)).contains("<svg");
    assertThat(Files.readString(pos)).contains("<svg");
    JsonNode j = JSON.readTree(Cli.run("positions", "ukraine-2022-talks", "--format", "json").out());
    assertThat(j.get("positions").size()).isGreaterThanOrEqualTo(11);
    assertThat(j.get("gaps").size()).isPositive();
  }

  /** Bad dates, off-grid values and stands by non-parties: exit 2, a located message, no output file. */
  @Test
  void badNegotiationInputLeavesNothingHalfWritten() throws Exception {
    String good = """
        id: half
        negotiation:
          start: 2022-03
          issues: [{id: cap, kind: numeric, min: 0.85, max: 1, step: 0.05}]
          parties:
            - {id: a, weights: {cap: 1}, reservation: 0.1}
            - {id: b, weights: {cap: 1}, values: {cap: {type: linear, increasing: false}}, reservation: 0.1}
          positions:
            - {date: 2022-03-07, actor: a, statement: "s", levels: {cap: 0.95}}
        """;
    Path f = tmp.resolve("half.yaml");
    Files.writeString(f, good);
    Path out = tmp.resolve("out.csv");
    Cli ok = Cli.run("negotiate", f.toString(), "--format", "csv", "--out", out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    String before = Files.readString(out);
    assertThat(before).contains("month,label");
    String[][] bad = {
      {"date: 2022-03-07", "date: 07/03/2022", ":9:", "is not a date: expected YYYY-MM-DD or YYYY-MM"},
      {"cap: 0.95}", "cap: 0.93}", ":9:", "not on the grid"},
      {"actor: a, statement: \"s\"", "actor: uk, statement: \"s\", refusesTalks: true", ":9:", "'uk' is not a party"},
    };
    for (String[] c : bad) {
      Files.writeString(f, good.replace(c[0], c[1]));
      for (String cmd : new String[] {"negotiate", "positions", "validate"}) {
        Path fresh = tmp.resolve(cmd + "-fresh.csv");
        Cli r = cmd.equals("validate") ? Cli.run(cmd, f.toString())
            : Cli.run(cmd, f.toString(), "--format", "csv", "--out", fresh.toString());
        assertThat(r.code()).as(cmd + " " + c[1] + ": " + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(f + c[2]).contains(c[3]).doesNotContain("Exception");
        assertThat(fresh).doesNotExist();
      }
      Cli r = Cli.run("negotiate", f.toString(), "--format", "csv", "--out", out.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(Files.readString(out)).isEqualTo(before);
    }
  }

  @Test
  void wrongScenarioKindsAndBadInputAreExitTwo() throws Exception {
    assertThat(Cli.run("negotiate", "rand-d-ports").code()).isEqualTo(2);
    assertThat(Cli.run("positions", "rand-d-ports").code()).isEqualTo(2);
    Cli sim = Cli.run("simulate", "ukraine-2022-talks");
    assertThat(sim.code()).isEqualTo(2);
    assertThat(sim.err()).contains("negotiate");
    assertThat(Cli.run("negotiate", "ukraine-2022-talks", "--month", "99").code()).isEqualTo(2);
    String base = """
        id: bad
        negotiation:
          start: 2022-03
          issues: [{id: x, kind: ordinal, levels: [lo, hi]}]
          parties:
            - {id: a, weights: {x: WEIGHT}}
            - {id: b, weights: {x: 1}}
          proposals:
            - {id: p, levels: {x: LEVEL}}
          positions:
            - {date: DATE, actor: a, statement: s}
        """;
    String good = base.replace("WEIGHT", "1").replace("LEVEL", "hi").replace("DATE", "2022-03-04");
    Path ok = tmp.resolve("ok.yaml");
    Files.writeString(ok, good);
    assertThat(Cli.run("negotiate", ok.toString()).code()).isZero();
    String[][] cases = {
      {"WEIGHT", "0.9", "the weights sum to 0.9, not 1"},
      {"LEVEL", "middle", "unknown level"},
      {"DATE", "2022-02-30", "is not a real date"},
      {"DATE", "04/03/2022", "2022"},
    };
    for (String[] c : cases) {
      Path f = tmp.resolve("bad-" + c[1].replace('/', '-') + ".yaml");
      Files.writeString(f, good.replace(c[0].equals("WEIGHT") ? "x: 1}}\n    - {id: b" : c[0].equals("LEVEL") ? "x: hi}" : "2022-03-04",
          c[0].equals("WEIGHT") ? "x: " + c[1] + "}}\n    - {id: b" : c[0].equals("LEVEL") ? "x: " + c[1] + "}" : c[1]));
      Cli r = Cli.run("negotiate", f.toString());
      assertThat(r.code()).as(c[1] + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains(f.toString()).contains(c[2]);
      assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }
  }
}
