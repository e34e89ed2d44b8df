package spiral.options.report;

import static spiral.report.Html.interval;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.pctInterval;
import static spiral.report.Html.sortKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import spiral.ladder.Ladder;
import spiral.options.OptionResult;
import spiral.scenario.Actor;
import spiral.scenario.Scenario;
import spiral.scenario.Target;
import spiral.sim.MeanValue;
import spiral.sim.Proportion;

/**
 * Table cells and look-ups shared by the options and study pages: a mean or a proportion with its
 * interval, options by rank, actor and target names, the act at a rung. Cost: constant per cell,
 * linear in the list for a look-up.
 */
final class OptionCells {
  private OptionCells() {}

  static String meanCell(MeanValue m, int decimals) {
    return meanCell(m, decimals, true);
  }

  static String meanCell(MeanValue m, int decimals, boolean showInterval) {
    double v = mean(m);
    String ci = interval(ci(m), decimals);
    StringBuilder b = new StringBuilder("<td class=\"n\" data-sort=\"").append(sortKey(v)).append('"');
    if (!showInterval && !ci.isEmpty()) {
      b.append(" title=\"95% interval ").append(ci).append('"');
    }
    b.append('>').append(num(v, decimals));
    if (showInterval && !ci.isEmpty()) {
      b.append("<span class=\"ci\">").append(ci).append("</span>");
    }
    return b.append("</td>").toString();
  }

  static String propCell(Proportion pr, boolean showInterval) {
    double v = p(pr);
    String ci = pctInterval(ci(pr));
    StringBuilder b = new StringBuilder("<td class=\"n\" data-sort=\"").append(sortKey(v)).append('"');
    if (!showInterval && !ci.isEmpty()) {
      b.append(" title=\"95% interval ").append(ci).append('"');
    }
    b.append('>').append(pct(v));
    if (showInterval && !ci.isEmpty()) {
      b.append("<span class=\"ci\">").append(ci).append("</span>");
    }
    return b.append("</td>").toString();
  }

  static List<OptionResult> byRank(List<OptionResult> options) {
    List<OptionResult> sorted = new ArrayList<>(options == null ? List.of() : options);
    sorted.sort(Comparator.comparingInt(OptionResult::rank));
    return sorted;
  }

  static OptionResult find(List<OptionResult> options, String id) {
    for (OptionResult o : options) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return null;
  }

  static String actorName(Scenario scenario, String id) {
    if (id == null) {
      return "";
    }
    for (Actor a : scenario.actors()) {
      if (a.id().equals(id)) {
        return a.name();
      }
    }
    return id;
  }

  static String targetName(Scenario scenario, String id) {
    for (Target t : scenario.targets()) {
      if (t.id().equals(id)) {
        return t.name();
      }
    }
    return id;
  }

  /** The act at a rung said from its actor's side ("Russia: strikes on ..."), as a move is named. */
  static String rungAct(Ladder ladder, int level, String actor) {
    return level >= 0 && level <= ladder.top() ? ladder.rung(level).actBy(actor) : "off the ladder";
  }

  /** Decimals for an interval around a difference: 3, more when the bounds would print as 0. */
  static int decimalsFor(double mean, double[] ci) {
    double smallest = Math.abs(mean);
    if (ci != null) {
      for (double c : ci) {
        if (c != 0 && Double.isFinite(c)) {
          smallest = smallest == 0 ? Math.abs(c) : Math.min(smallest, Math.abs(c));
        }
      }
    }
    int d = 3;
    while (d < 6 && smallest != 0 && smallest < 0.5 * Math.pow(10, -d)) {
      d++;
    }
    return d;
  }

  static double mean(MeanValue m) {
    return m == null ? Double.NaN : m.mean();
  }

  static double[] ci(MeanValue m) {
    return m == null ? null : m.ci95();
  }

  static double p(Proportion pr) {
    return pr == null ? Double.NaN : pr.p();
  }

  static double[] ci(Proportion pr) {
    return pr == null ? null : pr.ci95();
  }
}
