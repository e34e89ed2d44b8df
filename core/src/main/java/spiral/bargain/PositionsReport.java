package spiral.bargain;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code spiral positions}: the dated positions mapped onto the issue space, and
 * the gap between two parties over time.
 *
 * @param scenario scenario id
 * @param name display name
 * @param version Spiral's version
 * @param between the two parties whose gap is measured
 * @param issues the issues with their levels
 * @param positions the positions by date
 * @param gaps the gap after each dated position at which both parties have a stated position
 * @param illustrative the scenario's illustrative assumptions
 */
public record PositionsReport(
    String scenario,
    String name,
    String version,
    List<String> between,
    List<NegotiationReport.IssueLevels> issues,
    List<Entry> positions,
    List<Gap> gaps,
    List<String> illustrative) {

  /**
   * A dated position.
   *
   * @param date YYYY-MM-DD or YYYY-MM
   * @param actor who stated it
   * @param statement what was said
   * @param source where it is reported
   * @param proposal the proposal it stands for, or null
   * @param levels issue id → level for the issues it speaks to
   * @param utilities party id → utility when it speaks to every issue, else empty
   */
  public record Entry(
      String date, String actor, String statement, String source, String proposal,
      Map<String, String> levels, Map<String, Double> utilities) {}

  /**
   * The distance between the two parties' latest stated positions after a date: the mean over
   * the issues both speak to of the distance between their levels along the issue, in [0, 1].
   *
   * @param date the date
   * @param gap the distance
   * @param issues how many issues it is measured on
   * @param positions the two positions' dates, in party order
   */
  public record Gap(String date, double gap, int issues, List<String> positions) {}
}
