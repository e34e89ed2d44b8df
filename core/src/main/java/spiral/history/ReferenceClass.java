package spiral.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference class of past crises (the outside view: Kahneman and Lovallo 1993) and its base
 * rates of the outcomes Spiral simulates.
 *
 * @param filter the class's definition (canonical text)
 * @param dataVersion the ICB version read
 * @param crises the crises in the class, in ICB order
 * @param rates one base rate per {@link HistoricalTarget}, in declaration order
 */
public record ReferenceClass(String filter, String dataVersion, List<IcbCrisis> crises, List<BaseRate> rates) {
  public ReferenceClass {
    Objects.requireNonNull(filter, "filter");
    crises = List.copyOf(crises);
    rates = List.copyOf(rates);
  }

  /**
   * The class of the crises the filter keeps.
   *
   * @throws IllegalArgumentException when no crisis passes the filter
   */
  public static ReferenceClass of(IcbData data, CrisisFilter filter) {
    List<IcbCrisis> kept = new ArrayList<>();
    for (IcbCrisis c : data.crises()) {
      if (filter.test(c)) {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("the reference class '" + filter.text() + "' is empty: no ICB crisis meets it");
    }
    List<BaseRate> rates = new ArrayList<>();
    for (HistoricalTarget t : HistoricalTarget.values()) {
      long k = 0;
      long n = 0;
      for (IcbCrisis c : kept) {
        int o = t.observed(c);
        if (o >= 0) {
          n++;
          k += o;
        }
      }
      rates.add(BaseRate.of(t, k, n));
    }
    return new ReferenceClass(filter.text(), data.version(), kept, rates);
  }

  /** The rate of a target. */
  public BaseRate rate(HistoricalTarget t) {
    for (BaseRate r : rates) {
      if (r.target().equals(t.id())) {
        return r;
      }
    }
    throw new IllegalArgumentException("no rate for " + t.id());
  }

  /** How many crises are in the class. */
  public int size() {
    return crises.size();
  }
}
