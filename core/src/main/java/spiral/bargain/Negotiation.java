package spiral.bargain;

import java.util.List;
import java.util.Objects;

/**
 * A negotiation (DESIGN.md §5): parties, issues, leverage over time, named proposals, dated
 * positions, and the optional Fearon and Rubinstein set-ups.
 *
 * @param start the calendar month of month 0 (YYYY-MM)
 * @param months the default window in months
 * @param parties the parties, at least two
 * @param issues the issues
 * @param leverage battlefield leverage over time
 * @param proposals named agreements
 * @param positions dated positions, by date
 * @param fearon the Fearon set-up, or null
 * @param rubinstein the Rubinstein set-up, or null
 */
public record Negotiation(
    String start,
    int months,
    List<Party> parties,
    List<Issue> issues,
    Leverage leverage,
    List<Proposal> proposals,
    List<Position> positions,
    Fearon fearon,
    Rubinstein rubinstein) {

  /**
   * Battlefield leverage: p(t) = clamp(p0 + &mu;(1 + &gamma; + ... + &gamma;^(t&minus;1)), 0, 1).
   *
   * @param start p0
   * @param trend &mu; per month
   * @param decay &gamma;
   * @param favours the party whose chance of prevailing p is, or null
   * @param against the party p goes against, or null
   */
  public record Leverage(double start, double trend, double decay, String favours, String against) {
    /** p(t). */
    public double at(int t) {
      double p = start;
      double g = 1;
      for (int s = 0; s < t; s++) {
        p += trend * g;
        g *= decay;
      }
      return Math.max(0, Math.min(1, p));
    }
  }

  /**
   * The Fearon (1995) set-up for one issue.
   *
   * @param issue the issue id
   * @param party the party whose share x is
   * @param other the other party
   * @param shares level index → x in [0, 1]
   * @param costParty the party's cost of war
   * @param costOther the other party's cost of war
   * @param costUncertainty c&#772; for the incomplete-information demand, or NaN
   */
  public record Fearon(
      String issue, String party, String other, List<Double> shares, double costParty, double costOther,
      double costUncertainty) {
    public Fearon {
      shares = List.copyOf(shares);
    }
  }

  /**
   * Rubinstein's alternating offers over one numeric issue.
   *
   * @param issue the numeric issue id
   * @param proposer the first proposer
   * @param responder the other party
   */
  public record Rubinstein(String issue, String proposer, String responder) {}

  public Negotiation {
    Objects.requireNonNull(start, "start");
    parties = List.copyOf(parties);
    issues = List.copyOf(issues);
    proposals = List.copyOf(proposals);
    positions = List.copyOf(positions);
    Objects.requireNonNull(leverage, "leverage");
  }

  /** The index of an issue by id, or -1. */
  public int issueIndex(String id) {
    for (int i = 0; i < issues.size(); i++) {
      if (issues.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The party with this id. */
  public Party party(String id) {
    for (Party p : parties) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no party '" + id + "'");
  }

  /** Party utility of an agreement given as level indices in issue order. */
  public double utility(Party p, int[] levels) {
    double u = 0;
    for (int k = 0; k < issues.size(); k++) {
      Issue is = issues.get(k);
      ValueFunction f = p.values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
      u += p.weights().get(is.id()) * f.value(is, levels[k]);
    }
    return u;
  }
}
