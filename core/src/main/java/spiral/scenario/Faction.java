package spiral.scenario;

import java.util.Objects;

/**
 * A faction inside an actor's leadership (civilian leaders, the military) with its influence and
 * its weights on the four terms of the utility (MODEL.md §1, §3.4).
 *
 * @param id identifier, unique within the actor
 * @param name display name
 * @param weight influence &omega;_f &gt; 0 (normalised over the actor's factions)
 * @param credibility w_c &ge; 0
 * @param risk w_r &ge; 0
 * @param cost w_k &ge; 0
 * @param punishment w_g &ge; 0
 */
public record Faction(
    String id,
    String name,
    double weight,
    double credibility,
    double risk,
    double cost,
    double punishment) {
  public Faction {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    Checks.positive("factions." + id + ".weight", weight);
    Checks.nonNegative("factions." + id + ".credibility", credibility);
    Checks.nonNegative("factions." + id + ".risk", risk);
    Checks.nonNegative("factions." + id + ".cost", cost);
    Checks.nonNegative("factions." + id + ".punishment", punishment);
  }
}
