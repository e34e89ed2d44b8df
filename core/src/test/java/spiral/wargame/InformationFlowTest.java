package spiral.wargame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spiral.JsonText;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.scenario.ScenarioParameters;
import spiral.sim.CompiledModel;
import spiral.sim.TraceTurn;

/**
 * Information flow (non-interference): everything a seat is shown while the game runs depends on
 * what its side may know, and on nothing of the opponent's hidden state.
 *
 * <p>The test plays pairs of games, A and B, with the same seed (so the same perception noise and
 * accident draws) and the same random moves for the observed side, that differ only in the
 * opponent's hidden state: in B the opponent plays, each turn, a <em>twin</em> of its move in A,
 * found by probing every candidate: one the observed side perceives at the same rung but that
 * truly lands at another rung (perception clamps at the ladder's ends), or has or lacks an
 * accident, or is another option at the same rung (another package: other damage, other credit,
 * so another true credibility); in a third of the pairs B's scenario also gives the opponent other
 * private parameters (perception noise and bias, so it perceives the observed side's acts
 * differently and its credibility and pressure differ; resolve or pain threshold), and in another
 * third the observed side has much perception noise (in both games), so that its perception often
 * clamps at the ladder's ends and acts at different true rungs read the same. At every turn at which the observed side's low inputs agree (its own acts,
 * its perceptions, the public view), each of its seats' views, serialised as a client gets it,
 * must be byte for byte the same in A and B. The deliberate-leak variants show that the check
 * catches the leaks it is there for.
 */
class InformationFlowTest {
  static final Scenario DEPOT = WargameTest.DEPOT;
  static final String RUSSIA_PERCEPTION = "perception: {noise: 0.5, threatBias: 0.3}";
  static final String USA_PERCEPTION = "perception: {noise: 0.4, threatBias: 0.1}";
  static Scenario perturbedRussia;
  static Scenario perturbedUsa;
  static Scenario noisyRussia;
  static Scenario noisyUsa;
  static final List<Checkpoint> CHECKPOINTS = new ArrayList<>();
  static final int[] hidden = new int[5];
  static final String[] HIDDEN = {
    "true opponent rung", "opponent accident", "opponent option", "opponent credibility", "true own cost"
  };

  /** Two games at a turn at which the observed side's low inputs agree. */
  record Checkpoint(long seed, String label, GameState a, GameState b, List<String> seats) {}

  /** A seat's view as a client reads it. */
  interface ViewOf {
    String json(GameState st, String seat) throws Exception;
  }

  static final ViewOf REAL = (st, seat) -> JsonText.of(st.view(seat));

  @BeforeAll
  static void playPairs() throws Exception {
    String yaml;
    try (InputStream in =
        InformationFlowTest.class.getResourceAsStream("/spiral/scenarios/rand-b-depot.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the opponent's private parameters that the seat's utilities do not read (its perception
    // of the seat's acts, so its credibility and pressure; its resolve and pain threshold)
    perturbedRussia =
        parse(
            replaceOnce(
                replaceOnce(yaml, RUSSIA_PERCEPTION, "perception: {noise: 1.3, threatBias: 0.9}"),
                "resolve: 0.7", "resolve: 0.2"));
    perturbedUsa =
        parse(
            replaceOnce(
                replaceOnce(yaml, USA_PERCEPTION, "perception: {noise: 1.1, threatBias: 0.8}"),
                "painThreshold: 15", "painThreshold: 3"));
    // an observed side with much perception noise: its perception often clamps at the ladder's
    // ends, so that opponent acts at different true rungs read the same
    // ends, so that opponent acts at different true rungs read the same; and a ladder on which
    // conventional acts at even rungs often land a rung higher (public data, the same in both)
    noisyRussia = accidentProne(parse(replaceOnce(yaml, RUSSIA_PERCEPTION, "perception: {noise: 2.5, threatBias: 0.3}")));
    noisyUsa = accidentProne(parse(replaceOnce(yaml, USA_PERCEPTION, "perception: {noise: 2.5, threatBias: 0.1}")));
    Random master = new Random(20_251_205L);
    for (int i = 0; i < 10; i++) {
      long seed = master.nextLong();
      for (Seating seating : Seating.values()) {
        for (int side = 0; side < 2; side++) {
          for (int variant = 0; variant < 3; variant++) {
            Scenario a = variant < 2 ? DEPOT : side == 0 ? noisyRussia : noisyUsa;
            Scenario b = variant == 1 ? (side == 0 ? perturbedUsa : perturbedRussia) : a;
            playPair(seed, seating, side, a, b, new Random(seed ^ (31L * side + 7L * variant)));
          }
        }
      }
    }
  }

  private static Scenario parse(String yaml) throws Exception {
    return ScenarioLoader.parse("scenario.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static Scenario accidentProne(Scenario sc) {
    int nuclear = new CompiledModel(sc).nuclearThreshold();
    for (int r = 0; r < nuclear - 1; r++) {
      // alternate, so that an act meant one rung lower that slips reads like one meant higher
      sc = ScenarioParameters.with(sc, "ladder.rungs." + r + ".inadvertentRisk", r % 2 == 0 ? 0.4 : 0);
    }
    return sc;
  }

  private static String replaceOnce(String text, String from, String to) {
    assertThat(text.indexOf(from)).as(from).isNotNegative();
    assertThat(text.indexOf(from, text.indexOf(from) + 1)).as(from + " once").isNegative();
    return text.replace(from, to);
  }

  /** Plays one pair turn by turn, recording a checkpoint wherever the low inputs agree. */
  private static void playPair(
      long seed, Seating seating, int side, Scenario scA, Scenario scB, Random rnd) {
    Wargame ga = Wargame.open(scA, seed, seating);
    Wargame gb = Wargame.open(scB, seed, seating);
    Set<String> humans = new LinkedHashSet<>();
    List<String> observed = new ArrayList<>();
    List<String> opponents = new ArrayList<>();
    for (SeatInfo si : ga.seats()) {
      humans.add(si.id());
      (si.side() == side ? observed : opponents).add(si.id());
    }
    CompiledModel m = ga.model();
    List<Move> ma = new ArrayList<>();
    List<Move> mb = new ArrayList<>();
    GameState a = ga.replay(humans, ma);
    GameState b = gb.replay(humans, mb);
    String label = seed + "/" + seating + "/" + Wargame.sideName(side) + "/" + (scA == scB ? (scA == DEPOT ? "moves" : "noisy") : "parameters");
    while (!a.over() && !b.over() && low(a, side).equals(low(b, side))) {
      CHECKPOINTS.add(new Checkpoint(seed, label + "@" + a.turn(), a, b, observed));
      countHidden(a, b, side);
      int turn = a.turn();
      if (a.sideToMove() == side) {
        // random human moves, the same in both games (the candidates are the same: same perception)
        for (String seat : observed) {
          Move mv = new Move(turn, seat, m.candidates(side).get(rnd.nextInt(m.candidates(side).size())));
          ma.add(mv);
          mb.add(mv);
        }
        a = ga.replay(humans, ma);
        b = gb.replay(humans, mb);
        continue;
      }
      int o = 1 - side;
      String option = m.candidates(o).get(rnd.nextInt(m.candidates(o).size()));
      a = ga.replay(humans, with(ma, turn, opponents, option));
      ma = with(ma, turn, opponents, option);
      TruthTurn ta = last(a, turn);
      // the twin: the observed side perceives it as in A, while the hidden truth differs most
      String best = option;
      int bestScore = -1;
      GameState bestState = null;
      List<String> ids = new ArrayList<>(m.candidates(o));
      java.util.Collections.shuffle(ids, rnd);
      for (String id : ids) {
        GameState probe = gb.replay(humans, with(mb, turn, opponents, id));
        if (!low(probe, side).equals(low(a, side))) {
          continue;
        }
        TruthTurn tb = last(probe, turn);
        int score =
            (tb.executed() != ta.executed() ? 8 : 0)
                + (tb.accident() != ta.accident() ? 4 : 0)
                + (!tb.option().equals(ta.option()) ? 2 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = id;
          bestState = probe;
        }
      }
      mb = with(mb, turn, opponents, best);
      b = bestState != null ? bestState : gb.replay(humans, mb);
    }
  }

  private static List<Move> with(List<Move> moves, int turn, List<String> seats, String option) {
    List<Move> out = new ArrayList<>(moves);
    for (String seat : seats) {
      out.add(new Move(turn, seat, option));
    }
    return out;
  }

  private static TruthTurn last(GameState st, int turn) {
    for (TruthTurn t : st.truth()) {
      if (t.turn() == turn) {
        return t;
      }
    }
    throw new AssertionError("turn " + turn + " not played");
  }

  /**
   * What the observed side may know, read from the truth independently of the view code: the
   * public view, its own acts and votes, its perceptions, and whose turns passed.
   */
  static String low(GameState st, int side) {
    StringBuilder sb = new StringBuilder(JsonText.of(st.publicView()));
    for (TruthTurn t : st.truth()) {
      sb.append('\n').append(t.turn());
      if (t.side() == side) {
        sb.append(' ').append(t.perceived()).append(' ').append(t.option()).append(' ')
            .append(t.intended()).append(' ').append(t.executed()).append(' ').append(t.accident());
        for (TruthTurn.Vote v : t.votes()) {
          sb.append(' ').append(v.seat()).append('=').append(v.option()).append(v.human());
        }
      }
    }
    if (!st.over() && st.sideToMove() == side) {
      sb.append("\nnow ").append(st.pausedPerception());
    }
    return sb.toString();
  }

  private static void countHidden(GameState a, GameState b, int side) {
    List<TruthTurn> ta = a.truth();
    List<TruthTurn> tb = b.truth();
    if (ta.isEmpty()) {
      return;
    }
    TruthTurn x = ta.get(ta.size() - 1);
    TruthTurn y = tb.get(tb.size() - 1);
    if (x.side() != side) {
      hidden[0] += x.executed() != y.executed() ? 1 : 0;
      hidden[1] += x.accident() != y.accident() ? 1 : 0;
      hidden[2] += !x.option().equals(y.option()) ? 1 : 0;
    }
    hidden[3] += credibility(x.state(), 1 - side) != credibility(y.state(), 1 - side) ? 1 : 0;
    hidden[4] += cost(x.state(), side) != cost(y.state(), side) ? 1 : 0;
  }

  private static double credibility(TraceTurn.State s, int side) {
    return side == 0 ? s.initiatorCredibility() : s.responderCredibility();
  }

  private static double cost(TraceTurn.State s, int side) {
    return side == 0 ? s.initiatorCost() : s.responderCost();
  }

  /** The checkpoints at which some seat's view differs between A and B: the leaks. */
  static List<String> leaks(ViewOf view) throws Exception {
    List<String> out = new ArrayList<>();
    for (Checkpoint c : CHECKPOINTS) {
      for (String seat : c.seats()) {
        String va = view.json(c.a(), seat);
        String vb = view.json(c.b(), seat);
        if (!va.equals(vb)) {
          out.add(c.label() + " " + seat + ": " + firstDifference(va, vb));
        }
      }
    }
    return out;
  }

  private static String firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 80);
    return "…" + a.substring(from, Math.min(a.length(), i + 40)) + "… vs …"
        + b.substring(from, Math.min(b.length(), i + 40)) + "…";
  }

  @Test
  void theGamesDifferInTheOpponentsHiddenState() {
    StringBuilder counts = new StringBuilder(CHECKPOINTS.size() + " checkpoints;");
    for (int i = 0; i < hidden.length; i++) {
      counts.append(' ').append(HIDDEN[i]).append(" differs at ").append(hidden[i]).append(';');
    }
    System.out.println(counts);
    assertThat(CHECKPOINTS.size()).as("checkpoints").isGreaterThan(300);
    for (int i = 0; i < hidden.length; i++) {
      assertThat(hidden[i]).as("checkpoints that differ in the " + HIDDEN[i]).isGreaterThan(3);
    }
  }

  @Test
  void everySeatViewIsTheSameWhateverTheOpponentsHiddenState() throws Exception {
    assertThat(leaks(REAL)).isEmpty();
  }

  // ---------------------------------------------------------------- tests of the test

  /** A view that shows the true own cost (the damage of the opponent's true acts). */
  static final ViewOf LEAK_TRUE_COST =
      (st, seat) -> patch(st, seat, (v, truth, side) -> {
        if (truth != null) {
          ((ObjectNode) v.get("state")).put("cost", cost(truth.state(), side));
        }
      });

  /** A view that shows the opponent's true credibility as the belief. */
  static final ViewOf LEAK_TRUE_CREDIBILITY =
      (st, seat) -> patch(st, seat, (v, truth, side) -> {
        if (truth != null) {
          ((ObjectNode) v.get("belief")).put("opponentCredibility", credibility(truth.state(), 1 - side));
        }
      });

  /** A view whose utilities are the engine's, weighed with the opponent's true state. */
  static final ViewOf LEAK_ENGINE_UTILITIES =
      (st, seat) -> patch(st, seat, (v, truth, side) -> {
        int f = st.game().factionIndex(seat);
        List<TraceTurn.Candidate> engine = st.engineCandidates();
        JsonNode choices = v.get("choices");
        for (int i = 0; i < choices.size(); i++) {
          TraceTurn.Candidate c = engine.get(i);
          ((ObjectNode) choices.get(i)).put("utility", f < 0 ? c.utility() : c.factionUtilities().get(f));
        }
      });

  /** A view that marks the opponent's accidents. */
  static final ViewOf LEAK_ACCIDENTS =
      (st, seat) -> patch(st, seat, (v, truth, side) -> {
        for (JsonNode seen : v.get("opponentMoves")) {
          for (TruthTurn t : st.truth()) {
            if (t.turn() == seen.get("turn").asInt()) {
              ((ObjectNode) seen).put("accident", t.accident());
            }
          }
        }
      });

  interface Patch {
    void apply(ObjectNode view, TruthTurn lastTruth, int side);
  }

  private static String patch(GameState st, String seat, Patch p) throws Exception {
    ObjectNode v = (ObjectNode) JsonText.MAPPER.readTree(JsonText.of(st.view(seat)));
    List<TruthTurn> truth = st.truth();
    int side = v.get("seat").get("side").asInt();
    p.apply(v, truth.isEmpty() ? null : truth.get(truth.size() - 1), side);
    return JsonText.MAPPER.writeValueAsString(v);
  }

  @Test
  void theCheckCatchesADeliberateLeakOfTheTrueCost() throws Exception {
    assertThat(leaks(LEAK_TRUE_COST)).isNotEmpty();
  }

  @Test
  void theCheckCatchesADeliberateLeakOfTheOpponentsCredibility() throws Exception {
    assertThat(leaks(LEAK_TRUE_CREDIBILITY)).isNotEmpty();
  }

  @Test
  void theCheckCatchesUtilitiesWeighedWithTheTrueState() throws Exception {
    assertThat(leaks(LEAK_ENGINE_UTILITIES)).isNotEmpty();
  }

  @Test
  void theCheckCatchesADeliberateLeakOfTheOpponentsAccidents() throws Exception {
    assertThat(leaks(LEAK_ACCIDENTS)).isNotEmpty();
  }
}
