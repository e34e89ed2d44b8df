package spiral.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A named move an actor can make.
 *
 * <p>Its rung is either absolute ({@code rung}) or relative to the perceived attack through its
 * kinetic level: none (no kinetic act), less (y &minus; step), proportional (y), more (y + step).
 * The move's rung is the higher of the kinetic rung and its non-kinetic package's rung.
 *
 * @param id identifier, unique in the scenario
 * @param actor the actor it belongs to
 * @param name display name
 * @param rung absolute rung, or -1 when the kinetic level sets it
 * @param kinetic kinetic level (NONE when {@code rung} is absolute and no level was given)
 * @param step rungs per kinetic level (&ge; 1)
 * @param nonKinetic the non-kinetic package id ({@code none} for no package)
 * @param targets targets it strikes
 * @param cost own cost k_m &ge; 0 beyond the package's
 * @param value punishment value of what it strikes (sum of the targets' values, or 1)
 */
public record Option(
    String id,
    String actor,
    String name,
    int rung,
    Kinetic kinetic,
    int step,
    String nonKinetic,
    List<String> targets,
    double cost,
    double value) {
  public Option {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kinetic, "kinetic");
    name = name == null ? id : name;
    nonKinetic = nonKinetic == null ? "none" : nonKinetic;
    targets = List.copyOf(targets == null ? List.of() : targets);
    if (rung < -1) {
      throw new IllegalArgumentException("options." + id + ".rung must be >= 0, was " + rung);
    }
    if (step < 1) {
      throw new IllegalArgumentException("options." + id + ".step must be >= 1, was " + step);
    }
    Checks.nonNegative("options." + id + ".cost", cost);
    Checks.nonNegative("options." + id + ".value", value);
  }

  /** Whether the rung is absolute rather than set by the kinetic level. */
  public boolean absolute() {
    return rung >= 0;
  }
}
