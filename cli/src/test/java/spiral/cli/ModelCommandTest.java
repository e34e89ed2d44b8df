package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code spiral model} as a black box, against the closed-form oracles of DOMAIN.md §3. */
class ModelCommandTest {
  static JsonNode json(String... args) throws Exception {
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return Output.JSON.readTree(r.out());
  }

  @Test
  void chickenDefaults() throws Exception {
    Cli r = Cli.run("model", "chicken");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Chicken").contains("Parameters:").contains("C      10")
        .contains("straight_probability     0.1\n").contains("crash_probability        0.01\n")
        .contains("mixed_payoff             -0.1\n").contains("1/10");
    JsonNode j = json("model", "chicken", "--format", "json");
    assertThat(j.get("model").asText()).isEqualTo("chicken");
    assertThat(j.get("parameters").get("C").asInt()).isEqualTo(10);
    assertThat(j.get("results").get("straight_probability").asDouble()).isEqualTo(0.1);
    assertThat(j.get("results").get("crash_probability").asDouble()).isEqualTo(0.01);
    assertThat(j.get("results").get("mixed_payoff").asDouble()).isEqualTo(-0.1);
  }

  @Test
  void stagHuntWithParameters() throws Exception {
    JsonNode j = json("model", "stag-hunt", "--format", "json");
    assertThat(j.get("results").get("cooperation_threshold_exact").asText()).isEqualTo("2/3");
    j = json("model", "stag-hunt", "--param", "S=1/2", "--param", "R=5", "--format", "json");
    assertThat(j.get("parameters").get("R").asInt()).isEqualTo(5);
    // (2 - 1/2)/((5 - 3) + (2 - 1/2)) = 3/7
    assertThat(j.get("results").get("cooperation_threshold_exact").asText()).isEqualTo("3/7");
  }

  @Test
  void brinkmanshipDefaults() throws Exception {
    JsonNode res = json("model", "brinkmanship", "--format", "json").get("results");
    assertThat(res.get("effectiveness_threshold").asDouble()).isCloseTo(0.0909, within(5e-5));
    assertThat(res.get("acceptability_bound").asDouble()).isCloseTo(0.3889, within(5e-5));
    assertThat(res.get("critical_risk_1").asDouble()).isCloseTo(0.12, within(1e-12));
    assertThat(res.get("critical_risk_2").asDouble()).isCloseTo(0.08, within(1e-12));
    assertThat(res.get("concedes").asText()).isEqualTo("side 2");
    assertThat(res.get("feasible").asBoolean()).isTrue();
    Cli r = Cli.run("model", "brinkmanship");
    assertThat(r.out()).contains("0.0909").contains("0.3889").contains("0.12\n").contains("0.08\n")
        .contains("h      0.3\n").contains("side 2");
  }

  @Test
  void attritionDefaults() throws Exception {
    JsonNode res = json("model", "attrition", "--format", "json").get("results");
    assertThat(res.get("hazard").asDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(res.get("expected_duration").asDouble()).isCloseTo(5, within(1e-12));
    assertThat(res.get("expected_total_cost").asDouble()).isCloseTo(10, within(1e-12));
  }

  /** The demand is solved on the feasible shares: at p = 0.9 the interior optimum 1.14 is cut to 1. */
  @Test
  void fearonDemandStaysInsideTheFeasibleShares() throws Exception {
    JsonNode res = json("model", "fearon", "--param", "p=0.9", "--param", "c_A=0.02", "--param", "cbar=0.5",
        "--format", "json").get("results");
    assertThat(res.get("demand").asDouble()).isCloseTo(1, within(1e-12));
    assertThat(res.get("war_probability").asDouble()).isCloseTo(0.2, within(1e-12));
    assertThat(res.get("expected_utility").asDouble()).isCloseTo(0.976, within(1e-12));
    assertThat(res.get("range_high").asDouble()).isCloseTo(1, within(1e-12));
    JsonNode defaults = json("model", "fearon", "--format", "json").get("results");
    assertThat(defaults.get("demand").asDouble()).isCloseTo(0.6, within(1e-12));
    assertThat(defaults.get("war_probability").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(defaults.get("expected_utility").asDouble()).isCloseTo(0.5333, within(5e-5));
    Cli bad = Cli.run("model", "fearon", "--param", "p=3/2");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("probability of winning must be in [0, 1]");
  }

  @Test
  void richardsonStableAndRunaway() throws Exception {
    JsonNode res = json("model", "richardson", "--format", "json").get("results");
    assertThat(res.get("equilibrium_x").asDouble()).isCloseTo(1, within(1e-12));
    assertThat(res.get("equilibrium_y").asDouble()).isCloseTo(1, within(1e-12));
    assertThat(res.get("eigenvalue_1").asDouble()).isCloseTo(-1.382, within(5e-4));
    assertThat(res.get("eigenvalue_2").asDouble()).isCloseTo(-3.618, within(5e-4));
    assertThat(res.get("stable").asBoolean()).isTrue();
    assertThat(res.get("end_t").asDouble()).isCloseTo(10, within(1e-9));
    assertThat(res.get("end_x").asDouble()).isCloseTo(1, within(1e-3));
    res = json("model", "richardson", "--param", "a=1", "--param", "b=1", "--param", "k=2",
        "--param", "l=2", "--format", "json").get("results");
    assertThat(res.get("eigenvalue_1").asDouble()).isCloseTo(1, within(1e-12));
    assertThat(res.get("eigenvalue_2").asDouble()).isCloseTo(-3, within(1e-12));
    assertThat(res.get("stable").asBoolean()).isFalse();
    assertThat(Math.abs(res.get("end_x").asDouble())).isGreaterThan(1e3);
    Cli r = Cli.run("model", "richardson", "--param", "a=1", "--param", "b=1", "--param", "k=1",
        "--param", "l=1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("equilibrium_x            none");
  }

  @Test
  void listedInTheTopLevelHelp() {
    Cli r = Cli.run("--help");
    assertThat(r.out()).contains("model");
    r = Cli.run("model", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("chicken").contains("stag-hunt").contains("brinkmanship")
        .contains("attrition").contains("richardson");
  }

  @Test
  void badInputExitsTwo() {
    Cli r = Cli.run("model", "prisoners");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'prisoners'").contains("chicken, stag-hunt");
    r = Cli.run("model", "chicken", "--param", "X=1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no parameter 'X'").contains("W, L, C");
    r = Cli.run("model", "chicken", "--param", "W=abc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a number: 'abc'");
    r = Cli.run("model", "chicken", "--param", "W");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("expected KEY=VALUE");
    r = Cli.run("model", "chicken", "--param", "C=1/2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("model chicken: C (crash) must exceed L");
    r = Cli.run("model", "stag-hunt", "--param", "T=5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("R > T > P > S");
    r = Cli.run("model", "richardson", "--param", "dt=0");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("model", "richardson", "--param", "dt=1e-9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("steps");
    r = Cli.run("model", "attrition", "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run("model");
    assertThat(r.code()).isEqualTo(2);
  }
}
