package spiral.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.Version;
import spiral.ladder.Ladder;
import spiral.scenario.Faction;
import spiral.scenario.Scenario;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.RunRecord;
import spiral.sim.TraceLog;
import spiral.sim.TraceTurn;

/** {@code spiral trace SCENARIO}: one run told turn by turn. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Tell one run of a scenario turn by turn.",
      "",
      "Shows what each actor perceived, the moves it weighed with their utilities per faction"
          + " and choice probabilities, what it chose, accidents, talks, and how the run ended. Run K"
          + " under seed S is the same run as run K inside 'spiral simulate --seed S'."
    })
final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioArgument scenario;

  @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--run", paramLabel = "K", defaultValue = "0", description = "Run index, 0-based (default: ${DEFAULT-VALUE}).")
  long runIndex;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); csv"
          + " has one row per turn: the move chosen, the rungs, the state after it.")
  TraceFormat format;

  /** Output formats of the trace: text is a narrative, not a table. */
  enum TraceFormat {
    text,
    json,
    csv
  }

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
  java.nio.file.Path out;

  @Option(
      names = "--response",
      paramLabel = "OPTION",
      description =
          "Play this option of the responder as its first response, as 'spiral options' does: the"
              + " run is then run K of that option there (default: the responder's policy chooses).")
  String response;

  @Override
  public Integer call() {
    if (runIndex < 0) {
      throw new BadInputException("spiral: --run must be >= 0, was " + runIndex);
    }
    Output.checkFolder(out, "--out");
    Scenario sc = scenario.load();
    if (response != null) {
      sc = spiral.options.OptionsAnalysis.withDefaultResponses(sc);
    }
    CompiledModel model = Scenarios.compile(sc);
    int first = -1;
    if (response != null) {
      List<String> ids =
          model.candidates(CompiledModel.RESPONDER).subList(0, model.optionCount(CompiledModel.RESPONDER));
      first = ids.indexOf(response);
      if (first < 0) {
        throw new BadInputException(
            "spiral: --response: '" + response + "' is not an option of "
                + model.actorId(CompiledModel.RESPONDER) + " (its options: "
                + String.join(", ", ids) + ")");
      }
    }
    Engine engine = new Engine(model);
    TraceLog log = new TraceLog();
    engine.tracer(log);
    engine.run(seed, runIndex, new RunRecord(), first);
    spiral.Provenance prov = Scenarios.provenance("trace", scenario.scenario, sc, seed);
    String text = switch (format) {
      case json -> json(sc, log, prov);
      case csv -> Output.csv(csv(log), prov);
      case text -> text(sc, model, log) + prov.text(true);
    };
    Output.write(text, out, spec.commandLine().getOut());
    return 0;
  }

  /** The run as CSV: one row per turn. */
  static String csv(TraceLog log) {
    StringBuilder b = new StringBuilder("turn,actor,perceived_rung,true_opponent_rung,pressure,"
        + "move,intended_rung,executed_rung,accident,act,nuclear_risk,initiator_rung,"
        + "responder_rung,initiator_cost,responder_cost,initiator_credibility,"
        + "responder_credibility,cohesion,leverage\n");
    for (TraceTurn t : log.turns()) {
      TraceTurn.State s = t.state();
      String move = t.chosen() >= 0 ? t.candidates().get(t.chosen()).id() : "";
      b.append(t.turn()).append(',').append(Csv.text(t.actor())).append(',').append(t.perceived())
          .append(',').append(t.trueOpponentRung()).append(',').append(Csv.number(t.pressure()))
          .append(',').append(Csv.text(move)).append(',').append(t.intended()).append(',')
          .append(t.executed()).append(',').append(t.accident()).append(',')
          .append(Csv.text(t.act())).append(',').append(Csv.number(t.nuclearRisk())).append(',')
          .append(s.initiatorRung()).append(',').append(s.responderRung()).append(',')
          .append(Csv.number(s.initiatorCost())).append(',').append(Csv.number(s.responderCost()))
          .append(',').append(Csv.number(s.initiatorCredibility())).append(',')
          .append(Csv.number(s.responderCredibility())).append(',').append(Csv.number(s.cohesion()))
          .append(',').append(Csv.number(s.leverage())).append('\n');
    }
    return b.toString();
  }

  private String json(Scenario sc, TraceLog log, spiral.Provenance prov) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", sc.id());
    m.put("seed", seed);
    m.put("run", runIndex);
    m.put("runSeed", log.seed());
    m.put("version", Version.get());
    m.put("initiatingEvent", sc.initiatingEvent());
    m.put("turns", log.turns());
    m.put("talks", log.talks());
    m.put("ending", log.ending());
    m.put("provenance", prov);
    return Output.json(m);
  }

  private String text(Scenario sc, CompiledModel model, TraceLog log) {
    Ladder ladder = sc.ladder();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%s, seed %d, run %d (run seed %d), spiral %s%n",
            sc.id(),
            seed,
            runIndex,
            log.seed(),
            Version.get()));
    int r0 = sc.initiatingEvent().rung();
    b.append(
        String.format(
            Locale.ROOT,
            "Turn 0: %s attacks %s at rung %d: %s.%n",
            sc.initiatingEvent().attacker(),
            String.join(", ", sc.initiatingEvent().targets()),
            r0,
            model.describe(CompiledModel.INITIATOR, r0)));
    for (TraceTurn t : log.turns()) {
      b.append(System.lineSeparator());
      b.append(
          String.format(
              Locale.ROOT,
              "Turn %d: %s perceives rung %d (%s); the true rung was %d. Escalation pressure %.2f.%n",
              t.turn(),
              t.actor(),
              t.perceived(),
              model.describe(1 - t.side(), t.perceived()),
              t.trueOpponentRung(),
              t.pressure()));
      List<Faction> fs = sc.actor(t.actor()).factions();
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-26s %4s %9s", "move", "rung", "utility"));
      for (Faction f : fs) {
        head.append(String.format(Locale.ROOT, " %12s", shorten(f.id(), 12)));
      }
      head.append(String.format(Locale.ROOT, " %7s%n", "P"));
      b.append(head);
      for (int c = 0; c < t.candidates().size(); c++) {
        TraceTurn.Candidate cand = t.candidates().get(c);
        b.append(String.format(Locale.ROOT, "  %-26s %4d %9.3f", shorten(cand.id(), 26), cand.rung(), cand.utility()));
        for (double fu : cand.factionUtilities()) {
          b.append(String.format(Locale.ROOT, " %12.3f", fu));
        }
        b.append(String.format(Locale.ROOT, " %7.3f%s%n", cand.probability(), c == t.chosen() ? "  <- chosen" : ""));
      }
      String what =
          t.chosen() >= 0
              ? t.candidates().get(t.chosen()).id()
              : "rung " + t.intended() + " (policy " + sc.actor(t.actor()).policy().fileName() + ")";
      b.append(
          String.format(
              Locale.ROOT,
              "  %s chooses %s, meant at rung %d; P(nuclear use) by look-ahead %.4f.%n",
              t.actor(),
              what,
              t.intended(),
              t.nuclearRisk()));
      if (t.accident() && t.executed() == t.intended() + 1) {
        b.append(
            String.format(
                Locale.ROOT,
                "  ACCIDENT: the act lands one rung higher, at %d (%s).%n",
                t.executed(),
                t.act()));
      } else if (t.accident()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  WIDENED: the act sets off a direct war neither side chose, at %d (%s).%n",
                t.executed(),
                t.act()));
      } else {
        b.append(String.format(Locale.ROOT, "  Executed at rung %d (%s).%n", t.executed(), t.act()));
      }
      TraceTurn.State s = t.state();
      b.append(
          String.format(
              Locale.ROOT,
              "  State: rungs %s %d / %s %d; costs %.2f / %.2f; credibility %.3f / %.3f; cohesion %.3f; leverage %.3f%n",
              model.actorId(CompiledModel.INITIATOR),
              s.initiatorRung(),
              model.actorId(CompiledModel.RESPONDER),
              s.responderRung(),
              s.initiatorCost(),
              s.responderCost(),
              s.initiatorCredibility(),
              s.responderCredibility(),
              s.cohesion(),
              s.leverage()));
      for (TraceLog.TalksEvent e : log.talks()) {
        if (e.turn() == t.turn()) {
          b.append("  ").append(e.event()).append(System.lineSeparator());
        }
      }
    }
    TraceLog.Ending e = log.ending();
    b.append(System.lineSeparator());
    b.append(
        String.format(
            Locale.ROOT,
            "Outcome: %s after %d turns; highest rung %d (%s)%s%s%s; escalation score %d.%n",
            e.outcome(),
            e.turns(),
            e.maxRung(),
            ladder.rung(e.maxRung()).name(),
            e.firstNuclearUser() == null ? "" : "; first nuclear use by " + e.firstNuclearUser(),
            e.directWar() ? "; direct war" : "",
            e.furtherAttacks() ? "; further attacks" : "",
            e.escalationScore()));
    return b.toString();
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
