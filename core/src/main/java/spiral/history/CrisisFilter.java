package spiral.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A reference class's definition: conditions on ICB crises, all of which a crisis must meet.
 *
 * <p>Written as {@code field=value[,value…]} items separated by spaces or semicolons, e.g. {@code
 * "nuclear=both years=1946-2017"}; values of one field are alternatives. The fields (docs/HISTORY.md):
 * {@code years} (A-B, A-, -B or A), {@code region} (asia, middle-east, africa, europe, americas,
 * oceania), {@code nuclear} (both: two or more crisis actors held nuclear weapons; one; none;
 * any), {@code great-power} (yes: a great power or superpower was a crisis actor; no), {@code
 * trigger}, {@code gravity}, {@code violence} (none, minor, serious, war), {@code protracted} (yes,
 * no), {@code actor} (three-letter ICB codes, all of which must be crisis actors), {@code crisis}
 * (ICB numbers) and {@code exclude} (ICB numbers left out). An unknown field or value is an
 * {@link IllegalArgumentException} that lists the known ones. Cost: O(items) per crisis.
 *
 * @param text the canonical text of the filter (fields in the order above)
 */
public record CrisisFilter(String text, Predicate<IcbCrisis> predicate) {
  /** The fields, in canonical order. */
  public static final List<String> FIELDS = List.of(
      "years", "region", "nuclear", "great-power", "trigger", "gravity", "violence", "protracted",
      "actor", "crisis", "exclude");

  /** The filter that keeps every crisis. */
  public static final CrisisFilter ALL = new CrisisFilter("all crises", c -> true);

  /** Whether the crisis belongs to the class. */
  public boolean test(IcbCrisis c) {
    return predicate.test(c);
  }

  /** The filter of an expression; empty or blank keeps every crisis. */
  public static CrisisFilter parse(String expression) {
    Map<String, List<String>> items = new LinkedHashMap<>();
    if (expression != null) {
      for (String item : expression.trim().split("[;\\s]+")) {
        if (item.isEmpty()) {
          continue;
        }
        int eq = item.indexOf('=');
        if (eq <= 0 || eq == item.length() - 1) {
          throw new IllegalArgumentException("expected field=value in the reference class, got '" + item
              + "' (fields: " + String.join(", ", FIELDS) + ")");
        }
        String field = item.substring(0, eq).toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException("unknown field '" + field + "' in the reference class (fields: "
              + String.join(", ", FIELDS) + ")");
        }
        if (items.containsKey(field)) {
          throw new IllegalArgumentException("field '" + field + "' is given twice in the reference class");
        }
        List<String> values = new ArrayList<>();
        for (String v : item.substring(eq + 1).split(",")) {
          if (v.isBlank()) {
            throw new IllegalArgumentException("empty value in '" + item + "'");
          }
          values.add(v.trim());
        }
        items.put(field, values);
      }
    }
    return of(items);
  }

  /** The filter of field → alternative values. */
  public static CrisisFilter of(Map<String, List<String>> items) {
    if (items.isEmpty()) {
      return ALL;
    }
    List<Predicate<IcbCrisis>> all = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String field : FIELDS) {
      List<String> values = items.get(field);
      if (values == null) {
        continue;
      }
      all.add(condition(field, values));
      text.append(text.length() == 0 ? "" : " ").append(field).append('=').append(String.join(",", values));
    }
    for (String field : items.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unknown field '" + field + "' in the reference class (fields: "
            + String.join(", ", FIELDS) + ")");
      }
    }
    return new CrisisFilter(text.toString(), c -> {
      for (Predicate<IcbCrisis> p : all) {
        if (!p.test(c)) {
          return false;
        }
      }
      return true;
    });
  }

  private static Predicate<IcbCrisis> condition(String field, List<String> values) {
    List<Predicate<IcbCrisis>> any = new ArrayList<>();
    for (String raw : values) {
      String v = raw.toLowerCase(Locale.ROOT);
      any.add(switch (field) {
        case "years" -> years(v);
        case "region" -> {
          List<Integer> codes = Codes.REGIONS.get(v);
          if (codes == null) {
            throw unknownValue(field, raw, Codes.REGIONS.keySet());
          }
          yield c -> codes.contains(c.region());
        }
        case "nuclear" -> switch (v) {
          case "both" -> c -> c.nuclearActors() >= 2;
          case "one" -> c -> c.nuclearActors() == 1;
          case "none" -> c -> c.nuclearActors() == 0;
          case "any" -> c -> c.nuclearActors() >= 1;
          default -> throw unknownValue(field, raw, List.of("both", "one", "none", "any"));
        };
        case "great-power" -> yesNo(field, raw, c -> c.greatPowerActors() >= 1);
        case "protracted" -> yesNo(field, raw, c -> c.protracted() >= 2);
        case "trigger" -> code(field, raw, Codes.TRIGGER_NAMES, IcbCrisis::trigger);
        case "gravity" -> code(field, raw, Codes.GRAVITY_NAMES, IcbCrisis::gravity);
        case "violence" -> code(field, raw, Codes.VIOLENCE_NAMES, IcbCrisis::violence);
        case "actor" -> {
          if (!raw.matches("[A-Za-z]{2,4}")) {
            throw new IllegalArgumentException("actor '" + raw + "': expected an ICB actor code such as USA or RUS");
          }
          yield c -> c.hasActor(raw);
        }
        case "crisis" -> {
          int n = number(field, raw);
          yield c -> c.number() == n;
        }
        case "exclude" -> {
          int n = number(field, raw);
          yield c -> c.number() != n;
        }
        default -> throw new IllegalArgumentException("unknown field '" + field + "'");
      });
    }
    if (field.equals("actor") || field.equals("exclude")) {
      return c -> any.stream().allMatch(p -> p.test(c));
    }
    return c -> any.stream().anyMatch(p -> p.test(c));
  }

  private static Predicate<IcbCrisis> years(String v) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})?(-)?(\\d{4})?").matcher(v);
    if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
      throw new IllegalArgumentException("years '" + v + "': expected A-B, A-, -B or A with four-digit years");
    }
    int from = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.MIN_VALUE;
    int to = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(2) != null ? Integer.MAX_VALUE : from;
    if (from > to) {
      throw new IllegalArgumentException("years '" + v + "': the first year is after the last");
    }
    return c -> c.year() >= from && c.year() <= to;
  }

  private static Predicate<IcbCrisis> yesNo(String field, String raw, Predicate<IcbCrisis> yes) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "yes" -> yes;
      case "no" -> yes.negate();
      default -> throw unknownValue(field, raw, List.of("yes", "no"));
    };
  }

  private static Predicate<IcbCrisis> code(
      String field, String raw, Map<String, Integer> names, java.util.function.ToIntFunction<IcbCrisis> get) {
    Integer code = names.get(raw.toLowerCase(Locale.ROOT));
    if (code == null) {
      throw unknownValue(field, raw, names.keySet());
    }
    int k = code;
    return c -> get.applyAsInt(c) == k;
  }

  private static int number(String field, String raw) {
    try {
      int n = Integer.parseInt(raw);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " '" + raw + "': expected an ICB crisis number");
    }
  }

  private static IllegalArgumentException unknownValue(String field, String raw, java.util.Collection<String> known) {
    Set<String> k = new LinkedHashSet<>(known);
    return new IllegalArgumentException("unknown value '" + raw + "' for " + field + " (known: " + String.join(", ", k) + ")");
  }
}
