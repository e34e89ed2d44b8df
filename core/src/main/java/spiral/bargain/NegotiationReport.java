package spiral.bargain;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code spiral negotiate}: for month K of a negotiation, each proposal's utility
 * per party and who accepts it, the zone of possible agreement, the Pareto frontier, the Nash,
 * Kalai&ndash;Smorodinsky and egalitarian agreements, Rubinstein's split, the Fearon range, and,
 * month by month over the window, the reservation values, whether a zone exists, and the best deal
 * each party can get.
 *
 * @param scenario scenario id
 * @param name display name
 * @param version Spiral's version
 * @param month K, the month analysed (0 = the negotiation's start)
 * @param monthLabel month K as YYYY-MM
 * @param parties the parties with their reservation values at month K
 * @param issues the issues with their levels
 * @param space the agreement space at month K
 * @param proposals the named proposals at month K
 * @param nash the Nash bargaining agreement at month K (max &Pi;(U &minus; r) over the zone), or
 *     null when there is no zone
 * @param kalaiSmorodinsky the Kalai&ndash;Smorodinsky agreement (max min (U &minus; r)/(ideal
 *     &minus; r)), or null
 * @param egalitarian the egalitarian agreement (max min (U &minus; r)), or null
 * @param paretoFrontier utility vectors of the Pareto-optimal agreements (at most {@link
 *     #FRONTIER_POINTS}, spread along the frontier), parties in order
 * @param rubinstein Rubinstein's split, or null
 * @param fearon the Fearon range at month K, or null
 * @param window month by month over the window
 * @param openMonths the month ranges (labels, inclusive) in which a zone of agreement exists
 * @param illustrative the scenario's illustrative assumptions
 */
public record NegotiationReport(
    String scenario,
    String name,
    String version,
    int month,
    String monthLabel,
    List<PartyResult> parties,
    List<IssueLevels> issues,
    Space space,
    List<ProposalResult> proposals,
    Agreement nash,
    Agreement kalaiSmorodinsky,
    Agreement egalitarian,
    List<List<Double>> paretoFrontier,
    RubinsteinSplit rubinstein,
    FearonRange fearon,
    List<Month> window,
    List<List<String>> openMonths,
    List<String> illustrative) {

  /** At most this many frontier points are reported. */
  public static final int FRONTIER_POINTS = 400;

  /**
   * A party and its reservation value.
   *
   * @param id party id
   * @param name display name
   * @param reservation its reservation value at month K
   * @param initialReservation at month 0
   * @param source "given", or how it was simulated
   * @param simulated outcome → probability when simulated, else empty
   */
  public record PartyResult(
      String id, String name, double reservation, double initialReservation, String source,
      Map<String, Double> simulated) {}

  /** An issue and its levels. */
  public record IssueLevels(String id, String name, String kind, List<String> levels, String unit) {}

  /**
   * The agreement space.
   *
   * @param points agreements in the space (the product of the issues' levels)
   * @param zoneExists whether some agreement gives every party at least its reservation value
   * @param zonePoints agreements in the zone
   * @param zoneShare zonePoints / points
   * @param paretoPoints Pareto-optimal agreements in the whole space
   */
  public record Space(long points, boolean zoneExists, long zonePoints, double zoneShare, long paretoPoints) {}

  /**
   * An agreement: a level per issue and a utility per party.
   *
   * @param levels issue id → level
   * @param utilities party id → utility
   */
  public record Agreement(Map<String, String> levels, Map<String, Double> utilities) {}

  /**
   * A named proposal at month K.
   *
   * @param id proposal id
   * @param name display name
   * @param by who proposed it
   * @param date when
   * @param levels issue id → level
   * @param utilities party id → utility
   * @param accepts party id → whether its utility reaches its reservation value and the proposal
   *     crosses none of its dated stands in force at month K
   * @param acceptedByAll whether every party accepts it
   */
  public record ProposalResult(
      String id, String name, String by, String date, Map<String, String> levels,
      Map<String, Double> utilities, Map<String, Boolean> accepts, boolean acceptedByAll) {}

  /**
   * Rubinstein's alternating-offers split of a numeric issue, solved on the parties' own value
   * functions: the first proposer's subgame-perfect offer x with u_r(x) = &delta;_r u_r(y) and
   * u_p(y) = &delta;_p u_p(x), y the responder's counter-offer.
   *
   * @param issue the issue
   * @param proposer the first proposer
   * @param responder the other party
   * @param proposerShare the proposer's value of the split, u_p(x) in [0, 1]; with linear opposed
   *     values (1 &minus; &delta;_r)/(1 &minus; &delta;_p &delta;_r)
   * @param value x, the split in the issue's units, inside its range
   * @param level x on the issue's grid (the nearest level)
   * @param responderValue the responder's value of the split, u_r(x)
   */
  public record RubinsteinSplit(
      String issue, String proposer, String responder, double proposerShare, double value, String level,
      double responderValue) {}

  /**
   * The Fearon (1995) range on one issue.
   *
   * @param issue the issue
   * @param party the party whose share x is
   * @param other the other party
   * @param p leverage at month K: the party's chance of prevailing
   * @param range {p &minus; c_party, p + c_other}
   * @param levelsInRange the issue's levels whose share lies in the range
   * @param demand the party's take-it-or-leave-it demand under cost uncertainty {x*, P(war),
   *     expected utility}, or null
   */
  public record FearonRange(
      String issue, String party, String other, double p, double[] range, List<String> levelsInRange,
      double[] demand) {}

  /**
   * One month of the window.
   *
   * @param month month index
   * @param label YYYY-MM
   * @param leverage p(t)
   * @param reservations party id → reservation value
   * @param zoneExists whether a zone of agreement exists
   * @param zoneShare its share of the space
   * @param bestFor party id → the best agreement in the zone for that party, or absent
   * @param nash the Nash agreement, or null
   * @param stands the dated stands in force by the end of the month that close part or all of
   *     the zone (a party's non-negotiable issue or its refusal of talks), in date order
   */
  public record Month(
      int month, String label, double leverage, Map<String, Double> reservations, boolean zoneExists,
      double zoneShare, Map<String, Agreement> bestFor, Agreement nash, List<String> stands) {
    public Month {
      stands = stands == null ? List.of() : List.copyOf(stands);
    }
  }
}
