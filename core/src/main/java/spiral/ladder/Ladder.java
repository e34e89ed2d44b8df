package spiral.ladder;

import java.util.List;
import java.util.Objects;

/**
 * An escalation ladder: rungs 0..R with three thresholds.
 *
 * <p>Built-in ladders are Kahn's 44 rungs (On Escalation, 1965) with a rung 0 below the ladder,
 * and a compact NATO&ndash;Russia ladder for 2022 of this project's own construction (see
 * {@link BuiltinLadders}).
 *
 * @param id short name ({@code kahn-44})
 * @param name display name
 * @param source where the ladder comes from, and which of its numbers are illustrative
 * @param rungs the rungs, index = level
 * @param directWar r_dw, the first rung of direct war between the sides
 * @param nuclear r_nuc, the first rung of nuclear use
 * @param strategic r_str, the first rung of strategic nuclear exchange
 * @param baseline the status-quo rung ("hold" acts here)
 */
public record Ladder(
    String id,
    String name,
    String source,
    List<Rung> rungs,
    int directWar,
    int nuclear,
    int strategic,
    int baseline) {
  public Ladder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    source = source == null ? "" : source;
    rungs = List.copyOf(rungs);
    if (rungs.size() < 2) {
      throw new IllegalArgumentException("a ladder needs at least 2 rungs, has " + rungs.size());
    }
    for (int i = 0; i < rungs.size(); i++) {
      if (rungs.get(i).level() != i) {
        throw new IllegalArgumentException(
            "rung levels must be 0, 1, 2, ... without gaps; position " + i + " has level "
                + rungs.get(i).level());
      }
    }
    int top = rungs.size() - 1;
    check("baseline", baseline, top);
    check("directWar", directWar, top);
    check("nuclear", nuclear, top);
    check("strategic", strategic, top);
    if (!(baseline < directWar && directWar <= nuclear && nuclear <= strategic)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy baseline < directWar <= nuclear <= strategic, were "
              + baseline + ", " + directWar + ", " + nuclear + ", " + strategic);
    }
    for (int i = directWar; i <= top; i++) {
      if (rungs.get(i).warRisk() != 0) {
        throw new IllegalArgumentException(
            "rung " + i + ": warRisk must be 0 at and above the direct-war threshold " + directWar
                + " (an act there is already a direct war), was " + rungs.get(i).warRisk());
      }
    }
  }

  private static void check(String what, int level, int top) {
    if (level < 0 || level > top) {
      throw new IllegalArgumentException(
          what + " threshold " + level + " is not a rung of the ladder (0.." + top + ")");
    }
  }

  /** R, the highest level. */
  public int top() {
    return rungs.size() - 1;
  }

  /** The rung at a level. */
  public Rung rung(int level) {
    return rungs.get(level);
  }
}
