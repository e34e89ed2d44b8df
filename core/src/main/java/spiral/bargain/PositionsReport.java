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
 * @param compared the issues the gap is measured on, the same at every date: those both parties
 *     had stated by the first date at which both had stated any (a later position that speaks to
 *     more issues adds them to the per-issue gaps, not to the mean)
 * @param gaps the gap after each dated position of either party once both have stated the
 *     compared issues
 * @param illustrative the scenario's illustrative assumptions
 */
public record PositionsReport(
    String scenario,
    String name,
    String version,
    List<String> between,
    List<NegotiationReport.IssueLevels> issues,
    List<Entry> positions,
    List<String> compared,
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
   * The distance between the two parties' latest stated levels after a date, each issue's level
   * the latest either party stated on it: the mean over the compared issues of the distance
   * between their levels along the issue, in [0, 1], and the distance on every issue both have
   * stated by then.
   *
   * @param date the date
   * @param gap the mean distance over the compared issues
   * @param issues how many issues the mean is taken over (the compared issues, at every date)
   * @param positions the dates of the two parties' latest positions, in party order
   * @param perIssue issue id → distance, for every issue both parties have stated by the date
   */
  public record Gap(String date, double gap, int issues, List<String> positions, Map<String, Double> perIssue) {
    public Gap {
      perIssue = perIssue == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perIssue));
    }
  }
}
