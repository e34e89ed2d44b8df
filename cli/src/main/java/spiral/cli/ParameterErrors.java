package spiral.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Bad command lines in users' words, one line with the next step: "--runs: '1e4' is not a whole
 * number (write 10000)", "unknown option '--rus' (did you mean --runs?)", "missing SCENARIO: ...".
 */
final class ParameterErrors {
  private ParameterErrors() {}

  /** The one line that reports {@code ex} (without the leading "spiral: "). */
  static String message(CommandLine.ParameterException ex) {
    String help = "(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return unmatched(u, help);
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      return missing(m, help);
    }
    if (ex.getCause() instanceof CommandLine.TypeConversionException && ex.getArgSpec() != null
        && ex.getValue() != null) {
      return conversion(ex.getArgSpec(), ex.getValue(), ex.getCause().getMessage(), help);
    }
    if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
      return name(o.getOverwritten()) + " is given twice; give it once " + help;
    }
    String m = ex.getMessage() == null ? "bad command line" : ex.getMessage();
    return m + " " + help;
  }

  private static String unmatched(CommandLine.UnmatchedArgumentException u, String help) {
    List<String> args = u.getUnmatched();
    String first = args.isEmpty() ? "" : args.get(0);
    List<String> suggestions = u.getSuggestions();
    String hint = suggestions.isEmpty() ? ""
        : " (did you mean " + suggestions.stream().limit(3).map(x -> "'" + x + "'")
            .collect(Collectors.joining(" or ")) + "?)";
    boolean top = u.getCommandLine().getParent() == null;
    String what = first.startsWith("-") ? "unknown option" : top ? "unknown command" : "unknown argument";
    return what + " '" + first + "'" + hint + " " + help;
  }

  private static String missing(CommandLine.MissingParameterException m, String help) {
    List<ArgSpec> missing = m.getMissing();
    if (missing == null || missing.isEmpty()) {
      return lower(m.getMessage()) + " " + help;
    }
    ArgSpec a = missing.get(0);
    if (a instanceof OptionSpec o) {
      if (m.getMessage() != null && m.getMessage().startsWith("Missing required parameter for option")) {
        return name(o) + " needs a value: " + name(o) + " " + o.paramLabel() + " " + help;
      }
      return "missing required option " + name(o) + " " + o.paramLabel() + " " + help;
    }
    String labels = missing.stream().map(ArgSpec::paramLabel).collect(Collectors.joining(", "));
    String next = "SCENARIO".equals(labels)
        ? " (a built-in scenario's name, see 'spiral scenarios', or a scenario file; "
            + help.substring(1)
        : " " + help;
    return "missing " + labels + next;
  }

  private static String conversion(ArgSpec a, String value, String cause, String help) {
    Class<?> type = a.auxiliaryTypes().length > 0 && (a.isMultiValue()) ? a.auxiliaryTypes()[0] : a.type();
    String who = name(a) + ": '" + value + "' ";
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return who + "is not a whole number" + wholeHint(value, type, help);
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return who + "is not a number (write e.g. 0.05 or 1e-3) " + help;
    }
    if (type.isEnum()) {
      StringBuilder b = new StringBuilder();
      for (Object c : type.getEnumConstants()) {
        b.append(b.length() == 0 ? "" : ", ").append(c);
      }
      return who + "is not one of " + b + " " + help;
    }
    return who + lower(cause) + " " + help;
  }

  /** The next step for a value that is not a whole number: the number written out, or a range. */
  private static String wholeHint(String value, Class<?> type, String help) {
    try {
      BigDecimal d = new BigDecimal(value.trim().replace("_", "").replace(",", ""));
      BigDecimal max = BigDecimal.valueOf(type == long.class || type == Long.class
          ? Long.MAX_VALUE : Integer.MAX_VALUE);
      if (d.abs().compareTo(max) > 0) {
        return " (too large) " + help;
      }
      if (d.stripTrailingZeros().scale() <= 0) {
        return " (write " + d.toBigIntegerExact() + ")";
      }
      return " (write a whole number, e.g. " + d.setScale(0, java.math.RoundingMode.HALF_UP) + ")";
    } catch (NumberFormatException | ArithmeticException e) {
      return " (write digits only, e.g. 10000) " + help;
    }
  }

  private static String name(ArgSpec a) {
    if (a instanceof OptionSpec o) {
      return o.longestName();
    }
    return a instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(a);
  }

  private static String lower(String s) {
    if (s == null || s.isEmpty()) {
      return "bad command line";
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
