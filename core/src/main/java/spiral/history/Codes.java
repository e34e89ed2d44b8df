package spiral.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meanings of the ICB codes Spiral reads (ICB codebook, version 14), as short labels, and the
 * names the reference-class filters use for them. docs/HISTORY.md gives each in a sentence.
 */
public final class Codes {
  private Codes() {}

  /** Severity of violence ({@code sevviosy}). */
  public static final Map<Integer, String> VIOLENCE = map(
      1, "no violence", 2, "minor clashes", 3, "serious clashes", 4, "full-scale war");

  /** Form of outcome ({@code forout}). */
  public static final Map<Integer, String> FORM = map(
      1, "formal agreement", 2, "semi-formal agreement", 3, "tacit understanding",
      4, "unilateral act", 5, "imposed agreement", 6, "other", 7, "crisis faded");

  /** Escalation or reduction of tension after the crisis ({@code outesr}). */
  public static final Map<Integer, String> TENSION = map(
      1, "escalation (the adversaries met in a crisis again within five years)",
      2, "reduction", 3, "too recent to tell");

  /** Type of trigger ({@code break}). */
  public static final Map<Integer, String> TRIGGER = map(
      1, "verbal act", 2, "political act", 3, "economic act", 4, "external change",
      5, "other non-violent act", 6, "internal challenge to a regime", 7, "non-violent military act",
      8, "indirect violent act", 9, "violent act");

  /** Gravity of the threat ({@code gravcr}). */
  public static final Map<Integer, String> GRAVITY = map(
      0, "economic threat", 1, "limited military threat", 2, "political threat",
      3, "territorial threat", 4, "threat to influence", 5, "threat of grave damage",
      6, "threat to existence", 7, "other");

  /** Nuclear capability of a crisis actor ({@code nuclear}). */
  public static final Map<Integer, String> NUCLEAR = map(
      1, "no nuclear capability", 2, "foreseeable capability", 3, "possesses nuclear weapons",
      4, "second-strike capability");

  /** Geographic sub-regions ({@code geog}). */
  public static final Map<Integer, String> SUBREGION = map(
      9, "Central Asia", 10, "West Asia", 11, "East Asia", 12, "South-East Asia",
      13, "South Asia", 15, "Middle East", 20, "West Africa", 21, "North Africa",
      22, "East Africa", 23, "Southern Africa", 24, "Central Africa", 30, "Euro-Asia",
      31, "East Europe", 32, "Central Europe", 33, "West Europe", 34, "North Europe",
      35, "South Europe", 41, "North America", 42, "Central America and the Caribbean",
      43, "South America", 51, "Australasia and Oceania");

  /** Filter names of the trigger types. */
  public static final Map<String, Integer> TRIGGER_NAMES = names(
      "verbal", 1, "political", 2, "economic", 3, "external-change", 4, "other-non-violent", 5,
      "internal-challenge", 6, "non-violent-military", 7, "indirect-violent", 8, "violent", 9);

  /** Filter names of the severities of violence. */
  public static final Map<String, Integer> VIOLENCE_NAMES = names(
      "none", 1, "minor", 2, "serious", 3, "war", 4);

  /** Filter names of the gravities. */
  public static final Map<String, Integer> GRAVITY_NAMES = names(
      "economic", 0, "limited-military", 1, "political", 2, "territorial", 3, "influence", 4,
      "grave-damage", 5, "existence", 6, "other", 7);

  /** Filter names of the regions: groups of the ICB sub-regions. */
  public static final Map<String, List<Integer>> REGIONS = new LinkedHashMap<>();

  static {
    REGIONS.put("asia", List.of(9, 11, 12, 13));
    REGIONS.put("middle-east", List.of(10, 15));
    REGIONS.put("africa", List.of(20, 21, 22, 23, 24));
    REGIONS.put("europe", List.of(30, 31, 32, 33, 34, 35));
    REGIONS.put("americas", List.of(41, 42, 43));
    REGIONS.put("oceania", List.of(51));
  }

  /** A code's label, or "code N" for a code the codebook's list lacks, or "missing". */
  public static String label(Map<Integer, String> codes, int code) {
    if (code <= 0 && !codes.containsKey(code)) {
      return "missing";
    }
    String s = codes.get(code);
    return s != null ? s : "code " + code;
  }

  /** The region name of an ICB sub-region code, or "other". */
  public static String region(int geog) {
    for (Map.Entry<String, List<Integer>> e : REGIONS.entrySet()) {
      if (e.getValue().contains(geog)) {
        return e.getKey();
      }
    }
    return "other";
  }

  private static Map<Integer, String> map(Object... kv) {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Integer) kv[i], (String) kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, Integer> names(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
