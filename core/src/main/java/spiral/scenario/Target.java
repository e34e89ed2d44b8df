package spiral.scenario;

import java.util.Objects;

/**
 * A target that can be struck.
 *
 * @param id identifier
 * @param name real or illustrative name
 * @param owner the actor whose asset it is
 * @param country where it is
 * @param kind space, depot, airbase, port, city, ...
 * @param value relative value &ge; 0 (scales punishment and credibility weight)
 * @param casualties casualties when struck (illustrative where the source gives none)
 * @param illustrative true when the source named no such target and the scenario picked one
 */
public record Target(
    String id,
    String name,
    String owner,
    String country,
    String kind,
    double value,
    int casualties,
    boolean illustrative) {
  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    name = name == null ? id : name;
    country = country == null ? "" : country;
    kind = kind == null ? "" : kind;
    Checks.nonNegative("targets." + id + ".value", value);
    if (casualties < 0) {
      throw new IllegalArgumentException("targets." + id + ".casualties must be >= 0");
    }
  }
}
