package spiral.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.Version;

/**
 * A reference class as the command line's {@code history --format json} and the server's {@code GET
 * /api/history} give it: the filter, the class's size, the base rates with their exact intervals,
 * what each outcome means in ICB's codes and in Spiral's, the crises, and the data's citation.
 *
 * @param spiral the program and version that wrote it
 * @param filter the filter, as its expression
 * @param data the data set and version
 * @param citation how to cite the data
 * @param crises the class's size
 * @param ofCrises the data's size
 * @param rates the base rate of each outcome
 * @param definitions each outcome's meaning: {@code target}, {@code icb}, {@code spiral}
 * @param list the crises: ICB number, name, trigger date, region, violence, form of outcome, the
 *     number of nuclear-armed crisis actors and the actors' codes
 */
public record ReferenceSummary(String spiral, String filter, String data, String citation, int crises, int ofCrises,
    List<BaseRate> rates, List<Map<String, Object>> definitions, List<Map<String, Object>> list) {

  /** The summary of a class drawn from the data. */
  public static ReferenceSummary of(ReferenceClass rc, IcbData icb) {
    List<Map<String, Object>> defs = new ArrayList<>();
    for (HistoricalTarget t : HistoricalTarget.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", t.id());
      m.put("icb", t.icbDefinition());
      m.put("spiral", t.spiralDefinition());
      defs.add(m);
    }
    List<Map<String, Object>> crises = new ArrayList<>();
    for (IcbCrisis c : rc.crises()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("icb", c.number());
      m.put("name", c.name());
      m.put("trigger", c.triggerDate());
      m.put("region", Codes.label(Codes.SUBREGION, c.region()));
      m.put("violence", Codes.label(Codes.VIOLENCE, c.violence()));
      m.put("form", Codes.label(Codes.FORM, c.form()));
      m.put("nuclearActors", c.nuclearActors());
      List<String> actors = new ArrayList<>();
      c.actors().forEach(a -> actors.add(a.code()));
      m.put("actors", actors);
      crises.add(m);
    }
    return new ReferenceSummary("spiral " + Version.get(), rc.filter(), "International Crisis Behavior, version "
        + rc.dataVersion(), IcbData.CITATION, rc.size(), icb.crises().size(), rc.rates(), defs, crises);
  }
}
