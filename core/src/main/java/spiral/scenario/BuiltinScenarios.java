package spiral.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios shipped with Spiral, as resources {@code spiral/scenarios/<name>.yaml}: the four
 * crises of RAND's study of responses to a Russian attack on NATO (Frederick, Charap and Mueller,
 * RAND PEA2081-1, 2022), the 2022 Russia–Ukraine negotiations, and six historical crises between
 * nuclear-armed states or their allies ({@code hist-*}), each with its International Crisis
 * Behavior crisis number and recorded ending (Brecher, Wilkenfeld, Beardsley, James and Quinn,
 * ICB Data Codebook v14, 2017). Read them with {@link ScenarioLoader#resolve(String)}. Cost: one
 * resource read per call; nothing is cached.
 */
public final class BuiltinScenarios {
  private static final List<String> NAMES =
      List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports", "ukraine-2022-talks",
          "hist-cuba-1962", "hist-ussuri-1969", "hist-october-1973", "hist-kargil-1999",
          "hist-parliament-2001", "hist-jet-2015");

  private BuiltinScenarios() {}

  /** The built-in scenario names, in order. */
  public static List<String> names() {
    return NAMES;
  }

  /** The bytes of a built-in scenario file; empty when there is no such built-in in this build. */
  public static Optional<byte[]> read(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    String resource = "spiral/scenarios/" + name + ".yaml";
    try (InputStream in = BuiltinScenarios.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in scenario " + name, e);
    }
  }
}
