package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
  @Test
  void scoresSpiralAndTheBaseRateOnTheHistoricalScenarios(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("bt.html");
    Cli r = Cli.run("backtest", "hist-kargil-1999", "hist-parliament-2001", "--particles", "40", "--generations", "2",
        "--predictive-runs", "100", "--report", html.toString(), "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("hist-kargil-1999: calibrating to 35 crises (nuclear=both exclude=431)");
    assertThat(r.out()).contains("# reference: nuclear=both (each crisis left out of its own)", "scenario,icb,target,observed,spiral,base_rate")
        .contains("hist-kargil-1999,431,directWar,0,", "hist-kargil-1999,431,seriousClashes,1,", "hist-parliament-2001,435,settlement,0,");
    // the base rate of Kargil's class: 8 wars in the 35 other crises with nuclear actors on both sides -> (8 + 1/2)/36
    assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "hist-kargil-1999,431,directWar,0,%s",
        "")).containsPattern("hist-kargil-1999,431,directWar,0,[0-9.]+,0\\.236111");
    assertThat(Files.readString(html)).contains("data-chart=\"reliability\"", "Brier score");
  }

  @Test
  void aScenarioWithoutHistoryIsBadInput() {
    Cli r = Cli.run("backtest", "rand-d-ports");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("has no history block");
    Cli ref = Cli.run("backtest", "--reference", "nuclear=many");
    assertThat(ref.code()).isEqualTo(2);
  }
}
