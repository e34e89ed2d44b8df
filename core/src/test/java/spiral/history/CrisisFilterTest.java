package spiral.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrisisFilterTest {
  private static final IcbData ICB = IcbData.builtin();

  private static List<Integer> numbers(String expr) {
    return ReferenceClass.of(ICB, CrisisFilter.parse(expr)).crises().stream().map(IcbCrisis::number).toList();
  }

  @Test
  void nuclearBothIsTheClassOfTheDataReadme() {
    ReferenceClass rc = ReferenceClass.of(ICB, CrisisFilter.parse("nuclear=both"));
    assertThat(rc.size()).isEqualTo(36);
    BaseRate nuclear = rc.rate(HistoricalTarget.NUCLEAR_USE);
    assertThat(nuclear.count()).isZero();
    assertThat(nuclear.crises()).isEqualTo(36);
    // never 0 without its bound: 1 - 0.05^(1/36)
    assertThat(nuclear.upper95()).isCloseTo(1 - Math.pow(0.05, 1.0 / 36), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rc.rate(HistoricalTarget.DIRECT_WAR).count()).isEqualTo(8);
    assertThat(rc.rate(HistoricalTarget.SETTLEMENT).count() + rc.rate(HistoricalTarget.NO_AGREEMENT).count()).isEqualTo(36);
  }

  @Test
  void conditionsCombineAndValuesAreAlternatives() {
    assertThat(numbers("nuclear=both trigger=violent")).hasSize(12).contains(231, 431, 476).doesNotContain(196);
    assertThat(numbers("crisis=196,231")).containsExactly(196, 231);
    assertThat(numbers("actor=IND,PAK nuclear=both")).containsExactly(392, 425, 431, 435, 436, 473, 482);
    assertThat(numbers("actor=IND,PAK nuclear=both exclude=431")).doesNotContain(431).hasSize(6);
    assertThat(numbers("years=1962 crisis=196")).containsExactly(196);
    assertThat(numbers("years=-1919")).allMatch(n -> ICB.crisis(n).year() <= 1919);
    assertThat(numbers("years=2015-")).allMatch(n -> ICB.crisis(n).year() >= 2015);
    assertThat(numbers("region=europe,middle-east great-power=yes violence=war,serious;protracted=yes")).isNotEmpty();
    assertThat(CrisisFilter.parse("trigger=violent nuclear=both").text()).isEqualTo("nuclear=both trigger=violent");
  }

  @Test
  void unknownFieldsAndValuesNameWhatIsKnown() {
    assertThatThrownBy(() -> CrisisFilter.parse("nukes=both")).hasMessageContaining("unknown field 'nukes'")
        .hasMessageContaining("years, region, nuclear");
    assertThatThrownBy(() -> CrisisFilter.parse("nuclear=all")).hasMessage("unknown value 'all' for nuclear (known: both, one, none, any)");
    assertThatThrownBy(() -> CrisisFilter.parse("trigger=bombing")).hasMessageContaining("known: verbal, political");
    assertThatThrownBy(() -> CrisisFilter.parse("years=62-64")).hasMessageContaining("four-digit years");
    assertThatThrownBy(() -> CrisisFilter.parse("years=1990-1980")).hasMessageContaining("after the last");
    assertThatThrownBy(() -> CrisisFilter.parse("nuclear")).hasMessageContaining("expected field=value");
    assertThatThrownBy(() -> CrisisFilter.parse("nuclear=both nuclear=one")).hasMessageContaining("given twice");
    assertThatThrownBy(() -> CrisisFilter.parse("crisis=x")).hasMessageContaining("expected an ICB crisis number");
    assertThatThrownBy(() -> CrisisFilter.parse("actor=U$A")).hasMessageContaining("expected an ICB actor code");
    assertThatThrownBy(() -> ReferenceClass.of(ICB, CrisisFilter.parse("years=1900-1910"))).hasMessageContaining("is empty");
  }

  @Property(tries = 60)
  void aClassIsTheSameReadFromItsOwnText(@ForAll @IntRange(min = 1918, max = 2017) int from, @ForAll @IntRange(min = 0, max = 40) int span,
      @ForAll @IntRange(min = 0, max = 3) int nuclear) {
    String expr = "years=" + from + "-" + Math.min(2017, from + span) + " nuclear=" + List.of("both", "one", "none", "any").get(nuclear);
    CrisisFilter f = CrisisFilter.parse(expr);
    CrisisFilter again = CrisisFilter.parse(f.text());
    assertThat(ICB.crises().stream().filter(f::test).toList()).isEqualTo(ICB.crises().stream().filter(again::test).toList());
  }

  @Test
  void theMappingRules() {
    IcbCrisis war = new IcbCrisis(1, "W", 1950, 1, 1, 1950, 10, 9, 3, 4, 5, 1, 2, 32, List.of());
    IcbCrisis deal = new IcbCrisis(2, "D", 1950, 1, 1, 1950, 10, 9, 3, 2, 2, 2, 1, 32, List.of());
    IcbCrisis missing = new IcbCrisis(3, "M", 1950, 1, 1, 1950, 10, 9, 3, 0, 0, 0, 1, 32, List.of());
    assertThat(HistoricalTarget.DIRECT_WAR.observed(war)).isEqualTo(1);
    assertThat(HistoricalTarget.SERIOUS_CLASHES.observed(war)).isEqualTo(1);
    assertThat(HistoricalTarget.SETTLEMENT.observed(war)).isZero();
    assertThat(HistoricalTarget.NO_AGREEMENT.observed(war)).isEqualTo(1);
    assertThat(HistoricalTarget.DIRECT_WAR.observed(deal)).isZero();
    assertThat(HistoricalTarget.SERIOUS_CLASHES.observed(deal)).isZero();
    assertThat(HistoricalTarget.SETTLEMENT.observed(deal)).isEqualTo(1);
    assertThat(HistoricalTarget.DIRECT_WAR.observed(missing)).isEqualTo(-1);
    assertThat(HistoricalTarget.SETTLEMENT.observed(missing)).isEqualTo(-1);
    assertThat(HistoricalTarget.NUCLEAR_USE.observed(war)).isZero();
    assertThatThrownBy(() -> HistoricalTarget.of("war")).hasMessageContaining("known: nuclearUse, directWar");
  }
}
