package spiral.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import spiral.scenario.ScenarioLoader;
import spiral.sim.Progress;

/**
 * A less-than-proportionate answer to an armed act is still a strike: on the built-in ladder it
 * stops at the lowest armed rung below the attack, and where the attack is already the lowest
 * armed rung (case A's satellite, rung 5) it is a strike at that rung, never the nuclear signalling
 * of rung 4 (README, The model: Candidates).
 */
class LesserStrikeTest {
  @Test
  void aLesserAnswerToAnArmedActIsAStrike() throws Exception {
    // the attack's rung, and the rung a less-than-proportionate answer to it takes
    Map<String, int[]> cases = Map.of(
        "rand-a-satellite", new int[] {5, 5},
        "rand-b-depot", new int[] {6, 5},
        "rand-c-airbases", new int[] {7, 6},
        "rand-d-ports", new int[] {8, 7});
    OptionsAnalysis analysis = new OptionsAnalysis(Runnable::run, 1);
    for (Map.Entry<String, int[]> c : cases.entrySet()) {
      OptionsReport r = analysis.analyse(ScenarioLoader.resolve(c.getKey()), 50, 1, Progress.NONE);
      assertThat(r.initiatingRung()).isEqualTo(c.getValue()[0]);
      for (OptionResult o : r.options()) {
        if (o.kinetic().equals("less")) {
          assertThat(o.rung()).as("%s: %s", c.getKey(), o.id()).isEqualTo(c.getValue()[1]);
        }
        if (o.kinetic().equals("proportional")) {
          assertThat(o.rung()).as("%s: %s", c.getKey(), o.id()).isEqualTo(c.getValue()[0]);
        }
      }
    }
  }
}
