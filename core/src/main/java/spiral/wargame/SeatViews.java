package spiral.wargame;

import java.util.ArrayList;
import java.util.List;
import spiral.scenario.Actor;
import spiral.scenario.Faction;
import spiral.scenario.Side;
import spiral.sim.CompiledModel;

/**
 * Builds a seat's view from its {@link SeatStream} alone: the view cannot hold what the stream
 * does not, and the stream holds only what the seat may know. The numbers come from a {@link
 * SeatBelief} fed with the stream in turn order; once the game is over the state is the truth the
 * stream then carries.
 */
final class SeatViews {
  private SeatViews() {}

  static SeatView build(Wargame game, SeatStream st) {
    CompiledModel m = game.model();
    SeatInfo si = st.seat();
    int s = si.side();
    int o = 1 - s;
    int f = game.factionIndex(si.id());
    Actor own = actor(game, s);
    Actor opp = actor(game, o);
    boolean toMove = !st.over() && st.sideToMove() == s;
    SeatBelief belief = new SeatBelief(m, s);

    List<SeatView.OwnMove> ownMoves = new ArrayList<>();
    List<SeatView.SeenMove> seen = new ArrayList<>();
    List<String> narrative = new ArrayList<>();
    if (s == CompiledModel.RESPONDER) {
      seen.add(seen(m, opp, o, 0, perceivedAfter(st, 0)));
    }
    for (SeatStream.Step step : st.steps()) {
      int t = step.turn();
      if (step instanceof SeatStream.Own a) {
        belief.perceive(t, a.perceived());
        belief.act(a.candidate(), a.intended(), a.executed(), a.accident());
        ownMoves.add(
            new SeatView.OwnMove(
                t, a.option(), a.intended(), a.executed(), m.describe(s, a.executed()),
                a.accident(), a.vote()));
        narrative.add(
            "Turn " + t + ": we read " + opp.name() + "'s last act as rung " + a.perceived()
                + " (" + m.describe(o, a.perceived()) + ") and "
                + (a.option() == null ? "acted" : "chose '" + a.option() + "'") + ", meaning rung "
                + a.intended() + " (" + m.describe(s, a.intended()) + ")"
                + (a.accident()
                    ? "; it went wrong and landed at rung " + a.executed() + " ("
                        + m.describe(s, a.executed()) + ")."
                    : "."));
      } else {
        SeatStream.Opponent b = (SeatStream.Opponent) step;
        seen.add(seen(m, opp, o, t, b.perceived()));
        narrative.add(
            "Turn " + t + ": " + opp.name() + " moved"
                + (b.perceived() == null
                    ? "; we have yet to read its act."
                    : "; we read its act as rung " + b.perceived() + " ("
                        + m.describe(o, b.perceived()) + ")."));
      }
      belief.endTurn();
      for (GameEvent e : st.talks().getOrDefault(t, List.of())) {
        narrative.add("Turn " + t + ": " + e.text() + ".");
      }
    }
    List<SeatView.Choice> choices = new ArrayList<>();
    if (st.over()) {
      narrative.add("The crisis ended: " + st.outcome() + " at turn " + st.turn() + ".");
    } else if (toMove) {
      int y = st.perceivedNow();
      belief.perceive(st.turn(), y);
      narrative.add(
          "Turn " + st.turn() + ": we read " + opp.name() + "'s last act as rung " + y + " ("
              + m.describe(o, y) + "); it is our move.");
      double[] weights = f < 0 ? belief.weights() : belief.weights(f);
      for (int c = 0; c < m.candidates(s).size(); c++) {
        int r = m.candidateRung(s, y, c);
        choices.add(
            new SeatView.Choice(
                m.candidates(s).get(c), r, m.describe(s, r), belief.utility(c, weights)));
      }
    }
    SeatStream.End end = st.end();
    double[] influence = end != null ? end.influence() : belief.influence();
    List<SeatView.FactionParameters> fps = new ArrayList<>();
    for (int i = 0; i < own.factions().size(); i++) {
      if (f >= 0 && i != f) {
        continue;
      }
      Faction fa = own.factions().get(i);
      fps.add(
          new SeatView.FactionParameters(
              fa.id(),
              fa.name(),
              influence[i],
              fa.credibility(),
              fa.risk(),
              fa.cost(),
              fa.punishment()));
    }
    Double cohesion = s == CompiledModel.RESPONDER ? belief.cohesion() : null;
    SeatView.OwnState state =
        end != null
            ? new SeatView.OwnState("truth", end.cost(), end.credibility(), end.cohesion())
            : new SeatView.OwnState("perceived", belief.cost(), belief.credibility(), cohesion);
    double lambda = own.rationality();
    return new SeatView(
        game.scenario().id(),
        si,
        st.turn(),
        st.over(),
        st.outcome(),
        st.sideToMove(),
        st.awaitingYou(),
        toMove ? st.perceivedNow() : null,
        choices,
        ownMoves,
        seen,
        state,
        new SeatView.Belief(
            belief.opponentCredibility(), belief.pressure(), belief.weariness(), belief.leverage()),
        new SeatView.Parameters(
            Double.isInfinite(lambda) ? null : lambda, own.noise(), own.threatBias(), fps),
        st.events(),
        narrative);
  }

  private static SeatView.SeenMove seen(CompiledModel m, Actor opp, int o, int turn, Integer p) {
    return new SeatView.SeenMove(turn, opp.id(), p, p == null ? null : m.describe(o, p));
  }

  /** The rung at which the seat's side perceived the opponent's act of a turn, or null. */
  private static Integer perceivedAfter(SeatStream st, int turn) {
    for (SeatStream.Step step : st.steps()) {
      if (step.turn() == turn + 1 && step instanceof SeatStream.Own a) {
        return a.perceived();
      }
    }
    if (!st.over() && st.turn() == turn + 1 && st.perceivedNow() != null) {
      return st.perceivedNow();
    }
    return null;
  }

  private static Actor actor(Wargame game, int side) {
    return game.scenario().principal(side == 0 ? Side.INITIATOR : Side.RESPONDER);
  }
}
