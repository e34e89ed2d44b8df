package spiral.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import spiral.history.BaseRate;
import spiral.history.Codes;
import spiral.history.CrisisFilter;
import spiral.history.HistoricalTarget;
import spiral.history.IcbCrisis;
import spiral.history.IcbData;
import spiral.history.IcbFormatException;
import spiral.history.ReferenceClass;
import spiral.history.report.HistoryPages;

/** {@code spiral history}: a reference class of past crises and its base rates. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Base rates of past crises: a reference class of the International Crisis Behavior data"
          + " (version 14, 487 crises 1918-2017, built in) and the share of it that ended in each"
          + " outcome Spiral simulates, with exact 95%% intervals (Clopper-Pearson and Jeffreys).",
      "",
      "Outcomes (ICB coding -> Spiral's counterpart; docs/HISTORY.md):",
      "  nuclearUse      no ICB crisis saw nuclear use          -> NUCLEAR_USE",
      "  directWar       violence: full-scale war               -> the directWar flag",
      "  seriousClashes  violence: serious clashes or war       -> further attacks, war or nuclear use",
      "  settlement      formal or semi-formal agreement        -> SETTLEMENT",
      "  noAgreement     tacit, unilateral, imposed, other or faded -> CONTAINED or DEESCALATED",
      "A count of zero is printed with its one-sided 95%% upper bound, never as impossible.",
      "",
      "The filters below combine (all must hold); a filter's values are alternatives. --where takes"
          + " the same conditions as one expression, as 'spiral calibrate --reference' does, e.g."
          + " --where \"nuclear=both years=1946-2017\".",
      "",
      "Data: Brecher, Wilkenfeld, Beardsley, James and Quinn, International Crisis Behavior Data"
          + " Codebook, Version 14 (2017); Brecher and Wilkenfeld, A Study of Crisis (1997/2000).",
      ""
    })
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--years", paramLabel = "A-B", description = "Years of the crisis trigger: A-B, A-, -B or A.")
  String years;

  @Option(names = "--region", paramLabel = "REGION", split = ",", description = "asia, middle-east, africa, europe, americas or oceania (comma-separated alternatives).")
  List<String> region;

  @Option(names = "--nuclear", paramLabel = "WHO", description = "both (two or more crisis actors held nuclear weapons), one, none or any.")
  String nuclear;

  @Option(names = "--great-power", paramLabel = "YES|NO", description = "Whether a great power or superpower was a crisis actor.")
  String greatPower;

  @Option(names = "--trigger", paramLabel = "TYPE", split = ",", description = "Type of trigger: verbal, political, economic, external-change, other-non-violent, internal-challenge, non-violent-military, indirect-violent, violent.")
  List<String> trigger;

  @Option(names = "--gravity", paramLabel = "THREAT", split = ",", description = "Gravity of the threat: economic, limited-military, political, territorial, influence, grave-damage, existence, other.")
  List<String> gravity;

  @Option(names = "--violence", paramLabel = "LEVEL", split = ",", description = "Severity of violence: none, minor, serious, war.")
  List<String> violence;

  @Option(names = "--protracted", paramLabel = "YES|NO", description = "Whether the crisis was part of a protracted conflict.")
  String protracted;

  @Option(names = "--actor", paramLabel = "CODE", split = ",", description = "ICB actor codes (USA, RUS, IND, PAK...) that must all be crisis actors.")
  List<String> actor;

  @Option(names = "--where", paramLabel = "EXPR", description = "Conditions as one expression: field=value items separated by spaces or ';'.")
  String where;

  @Option(names = "--list", description = "Also list the class's crises (the CSV then has one row per crisis).")
  boolean list;

  @Option(names = "--data", paramLabel = "DIR", description = "Read the ICB files (icb1*.csv, icb2*.csv) from DIR instead of the built-in version 14.")
  Path data;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFolders();
    IcbData icb = load(data);
    CrisisFilter filter = filter();
    ReferenceClass rc = reference(icb, filter);
    if (output.report != null) {
      Output.write(HistoryPages.history(rc), output.report, null);
    }
    String text = switch (output.format) {
      case json -> Output.json(spiral.history.ReferenceSummary.of(rc, icb));
      case csv -> list ? crisesCsv(rc) : ratesCsv(rc);
      case table -> table(rc, icb, list);
    };
    Output.write(text, output.out, spec.commandLine().getOut());
    return 0;
  }

  /** The ICB data: built-in, or from a folder (a malformed file is bad input). */
  static IcbData load(Path folder) {
    try {
      return folder == null ? IcbData.builtin() : IcbData.read(folder);
    } catch (IcbFormatException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
  }

  /** The class a filter keeps; an empty class is bad input. */
  static ReferenceClass reference(IcbData icb, CrisisFilter filter) {
    try {
      return ReferenceClass.of(icb, filter);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage() + "; widen it (see 'spiral history --help')");
    }
  }

  /** A filter expression parsed, its errors as bad input. */
  static CrisisFilter parse(String expression, String option) {
    try {
      return CrisisFilter.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + option + ": " + e.getMessage());
    }
  }

  private CrisisFilter filter() {
    Map<String, List<String>> items = new LinkedHashMap<>();
    if (where != null) {
      // the expression first, so that a field given both ways is reported
      CrisisFilter w = parse(where, "--where");
      for (String item : w.text().equals(CrisisFilter.ALL.text()) ? new String[0] : w.text().split(" ")) {
        int eq = item.indexOf('=');
        items.put(item.substring(0, eq), List.of(item.substring(eq + 1).split(",")));
      }
    }
    put(items, "years", years == null ? null : List.of(years));
    put(items, "region", region);
    put(items, "nuclear", nuclear == null ? null : List.of(nuclear));
    put(items, "great-power", greatPower == null ? null : List.of(greatPower));
    put(items, "trigger", trigger);
    put(items, "gravity", gravity);
    put(items, "violence", violence);
    put(items, "protracted", protracted == null ? null : List.of(protracted));
    put(items, "actor", actor);
    try {
      return CrisisFilter.of(items);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
  }

  private static void put(Map<String, List<String>> items, String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    if (items.containsKey(field)) {
      throw new BadInputException("spiral: '" + field + "' is given both in --where and as --" + field);
    }
    items.put(field, values);
  }

  static String table(ReferenceClass rc, IcbData icb, boolean list) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Reference class: %s%n%d of %d crises (International Crisis Behavior, version %s), spiral %s%n%n",
        rc.filter(), rc.size(), icb.crises().size(), rc.dataVersion(), spiral.Version.get()));
    b.append(String.format(Locale.ROOT, "%-15s %7s %6s %8s  %-19s %-18s%n", "outcome", "crises", "count", "share",
        "95% Clopper-Pearson", "95% Jeffreys"));
    for (BaseRate r : rc.rates()) {
      if (r.crises() == 0) {
        b.append(String.format(Locale.ROOT, "%-15s %7d %6s %8s  (no crisis of the class has this code)%n", r.target(), 0, "-", "-"));
        continue;
      }
      b.append(String.format(Locale.ROOT, "%-15s %7d %6d %8.4f  [%.4f, %.4f]   [%.4f, %.4f]%s%n", r.target(), r.crises(), r.count(), r.p(),
          r.clopperPearson()[0], r.clopperPearson()[1], r.jeffreys()[0], r.jeffreys()[1],
          r.count() == 0 ? String.format(Locale.ROOT, "   0 seen: at most %.4f (one-sided 95%%)", r.upper95()) : ""));
    }
    b.append("\n");
    for (HistoricalTarget t : HistoricalTarget.values()) {
      b.append(String.format(Locale.ROOT, "  %-15s ICB: %s%n  %-15s Spiral: %s%n", t.id(), t.icbDefinition(), "", t.spiralDefinition()));
    }
    b.append("A crisis with the code missing leaves that outcome's denominator. The mapping is a modelling choice (docs/HISTORY.md).\n");
    if (list) {
      b.append(String.format(Locale.ROOT, "%n%5s  %-38s %-10s %-16s %-22s %s%n", "ICB", "crisis", "trigger", "violence", "form of outcome", "nuclear-armed actors"));
      for (IcbCrisis c : rc.crises()) {
        b.append(String.format(Locale.ROOT, "%5d  %-38s %-10s %-16s %-22s %d%n", c.number(), cut(c.name(), 38), c.triggerDate(),
            Codes.label(Codes.VIOLENCE, c.violence()), Codes.label(Codes.FORM, c.form()), c.nuclearActors()));
      }
    }
    b.append("\nData: ").append(IcbData.CITATION).append('\n');
    return b.toString();
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  static String ratesCsv(ReferenceClass rc) {
    StringBuilder b = new StringBuilder(header(rc));
    b.append("target,crises,count,p,cp_lo,cp_hi,jeffreys_lo,jeffreys_hi,upper95_if_zero\n");
    for (BaseRate r : rc.rates()) {
      b.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%s,%s%n", r.target(), r.crises(), r.count(), n(r.p()),
          n(r.clopperPearson()[0]), n(r.clopperPearson()[1]), n(r.jeffreys()[0]), n(r.jeffreys()[1]), n(r.upper95())));
    }
    return b.toString();
  }

  static String crisesCsv(ReferenceClass rc) {
    StringBuilder b = new StringBuilder(header(rc));
    b.append("icb,name,trigger,region,violence,form,nuclear_actors,actors\n");
    for (IcbCrisis c : rc.crises()) {
      List<String> actors = new ArrayList<>();
      c.actors().forEach(a -> actors.add(a.code()));
      b.append(c.number()).append(",\"").append(c.name().replace("\"", "\"\"")).append("\",").append(c.triggerDate()).append(",\"")
          .append(Codes.label(Codes.SUBREGION, c.region())).append("\",").append(c.violence()).append(',').append(c.form()).append(',')
          .append(c.nuclearActors()).append(",\"").append(String.join(" ", actors)).append("\"\n");
    }
    return b.toString();
  }

  private static String header(ReferenceClass rc) {
    return "# spiral: " + spiral.Version.get() + "\n# reference class: " + rc.filter() + "\n# data: International Crisis Behavior, version "
        + rc.dataVersion() + "\n# citation: " + IcbData.CITATION + "\n";
  }

  private static String n(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
  }
}
