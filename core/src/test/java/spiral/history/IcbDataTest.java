package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcbDataTest {
  private static final String SYS = "icb1,crisno,crisname,yrtrig,motrig,datrig,yrterm,brexit,break,gravcr,sevviosy,forout,outesr,protrac,geog\n";
  private static final String ACT = "icb2,crisno,actor,cracid,nuclear,powsta\n";

  private static IcbData read(String sys, String act) {
    return IcbData.read("t", "sys.csv", sys.getBytes(StandardCharsets.UTF_8), "act.csv", act.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theBuiltInVersion14IsWholeAndTyped() {
    IcbData d = IcbData.builtin();
    assertThat(d.version()).isEqualTo("14");
    assertThat(d.crises()).hasSize(487);
    assertThat(d.crises().stream().mapToInt(c -> c.actors().size()).sum()).isEqualTo(1078);
    IcbCrisis cuba = d.crisis(196);
    assertThat(cuba.name()).isEqualTo("CUBAN MISSILES");
    assertThat(cuba.triggerDate()).isEqualTo("1962-10-16");
    assertThat(cuba.violence()).isEqualTo(1);
    assertThat(cuba.form()).isEqualTo(2);
    assertThat(cuba.nuclearActors()).isEqualTo(2);
    assertThat(cuba.hasActor("usa")).isTrue();
    assertThat(Codes.region(cuba.region())).isEqualTo("americas");
    // the data's README: 36 crises in which two or more crisis actors held nuclear weapons
    assertThat(d.crises().stream().filter(c -> c.nuclearActors() >= 2).count()).isEqualTo(36);
    // a crisis with no trigger year is kept, its date unknown
    assertThat(d.crises().stream().filter(c -> c.year() == 0).map(IcbCrisis::triggerDate)).containsExactly("unknown");
  }

  @Test
  void unknownDaysAreLeftOutOfDates() {
    assertThat(IcbData.builtin().crisis(185).triggerDate()).isEqualTo("1961-08");
  }

  @Test
  void readsAMinimalPairWithABomAndCarriageReturns() {
    IcbData d = read("\uFEFF" + SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4,1,2,2,32\r\n", ACT + "ICB2,1,USA,2,4,4\r\nICB2,1,RUS,365,4,4\r\n");
    assertThat(d.crises()).hasSize(1);
    assertThat(d.crises().get(0).nuclearActors()).isEqualTo(2);
    assertThat(d.crises().get(0).violence()).isEqualTo(4);
  }

  @Test
  void aNonIntegerCodeIsLocated() {
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,x4,1,2,2,32\n", ACT))
        .isInstanceOf(IcbFormatException.class).hasMessage("sys.csv:2:31: sevviosy is not an integer code: 'x4'");
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4.5,1,2,2,32\n", ACT))
        .hasMessageContaining("sys.csv:2:31").hasMessageContaining("'4.5'");
  }

  @Test
  void truncatedAndRaggedRowsAreLocated() {
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,19", ACT))
        .isInstanceOf(IcbFormatException.class).hasMessageContaining("sys.csv:2:").hasMessageContaining("a truncated file?");
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4,1,2,2,32,9\nICB1,2,B,1950,1,2,1950,10,9,3,4,1,2,2,32\n", ACT))
        .hasMessageContaining("sys.csv:2:").hasMessageContaining("16 cells where the header has 15");
  }

  @Test
  void missingColumnsEmptyFilesAndHeaderOnlyAreRefused() {
    assertThatThrownBy(() -> read(SYS.replace(",sevviosy", ""), ACT)).hasMessage("sys.csv:1:1: no column 'sevviosy' in the header");
    assertThatThrownBy(() -> read("", ACT)).hasMessage("sys.csv:1:1: empty file");
    assertThatThrownBy(() -> read(SYS, ACT)).hasMessage("sys.csv:2:1: no crises (the file has a header only)");
  }

  @Test
  void hostileInputIsRefusedNotTrusted() {
    // quotes are not part of the format; a repeated crisis number; an actor of no crisis
    assertThatThrownBy(() -> read(SYS + "ICB1,1,\"A,B\",1950,1,2,1950,10,9,3,4,1,2,2,32\n", ACT))
        .hasMessageContaining("sys.csv:2:8: quoted cells");
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4,1,2,2,32\nICB1,1,B,1950,1,2,1950,10,9,3,4,1,2,2,32\n", ACT))
        .hasMessageContaining("sys.csv:3:6: crisis number 1 repeats line 2");
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4,1,2,2,32\n", ACT + "ICB2,9,USA,2,4,4\n"))
        .hasMessageContaining("act.csv:2:6: crisis 9 is not in sys.csv");
    assertThatThrownBy(() -> read(SYS + "ICB1,99999999999,A,1950,1,2,1950,10,9,3,4,1,2,2,32\n", ACT))
        .hasMessageContaining("crisno is not an integer code");
    assertThatThrownBy(() -> read(SYS + "ICB1,1,A,-40000,1,2,1950,10,9,3,4,1,2,2,32\n", ACT)).hasMessageContaining("out of range");
    // binary garbage decodes as Latin-1 and then fails on the header
    byte[] junk = new byte[4096];
    new java.util.Random(1).nextBytes(junk);
    assertThatThrownBy(() -> IcbData.read("t", "junk.csv", junk, "act.csv", ACT.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IcbFormatException.class).hasMessageStartingWith("junk.csv:");
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsParsed() {
    byte[] huge = new byte[(int) IcbData.MAX_BYTES + 1];
    Arrays.fill(huge, (byte) ',');
    assertThatThrownBy(() -> IcbData.read("t", "huge.csv", huge, "act.csv", ACT.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("huge.csv:1:1: file of").hasMessageContaining("is larger than");
  }

  @Test
  void readsAFolderAndNamesWhatIsMissing(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> IcbData.read(dir)).hasMessageContaining("no icb1*.csv file");
    Files.writeString(dir.resolve("icb1v15.csv"), SYS + "ICB1,1,A,1950,1,2,1950,10,9,3,4,1,2,2,32\n");
    Files.writeString(dir.resolve("icb2v15.csv"), ACT + "ICB2,1,USA,2,4,4\n");
    IcbData d = IcbData.read(dir);
    assertThat(d.version()).isEqualTo("15");
    assertThat(d.crises()).hasSize(1);
  }
}
