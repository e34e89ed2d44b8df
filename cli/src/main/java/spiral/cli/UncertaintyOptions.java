package spiral.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import spiral.history.PosteriorFile;
import spiral.history.Prior;
import spiral.history.UncertainSimulation;
import spiral.scenario.Scenario;
import spiral.scenario.Uncertainty;
import spiral.sim.Progress;
import spiral.sim.Simulator;

/** The options that carry parameter uncertainty into a simulation: --posterior, --uncertain, --samples. */
final class UncertaintyOptions {
  @Option(names = "--posterior", paramLabel = "FILE.csv",
      description = "Run at parameter sets drawn from this posterior sample (written by 'spiral calibrate'; a path or a Hadoop URI) and report a total interval beside the Monte Carlo one; --runs is then per set.")
  String posterior;

  @Option(names = "--uncertain",
      description = "Run at parameter sets drawn from the scenario's declared uncertainty ranges, likewise.")
  boolean uncertain;

  @Option(names = {"--samples", "--draws"}, paramLabel = "M", defaultValue = "100",
      description = "Parameter sets for --posterior or --uncertain, as in 'spiral options'"
          + " (default: ${DEFAULT-VALUE}; --draws is its old name).")
  int draws;

  boolean active() {
    return posterior != null || uncertain;
  }

  UncertainSimulation.Summary simulate(Scenario sc, long runsPerDraw, long seed, Simulator simulator, Progress progress) {
    if (posterior != null && uncertain) {
      throw new BadInputException("spiral: give --posterior or --uncertain, not both");
    }
    if (draws < 2 || draws > 100_000) {
      throw new BadInputException("spiral: --samples must be between 2 and 100,000, was " + draws);
    }
    if (posterior != null) {
      PosteriorFile post = read(posterior, sc);
      double[][] sets = UncertainSimulation.fromPosterior(post, draws, seed);
      return UncertainSimulation.run(sc, "posterior " + fileName(posterior) + " (reference class: "
          + post.meta().getOrDefault("reference", "?") + ")", post.parameters(), sets, runsPerDraw, seed, simulator, progress);
    }
    List<Uncertainty> us = sc.uncertainties();
    if (us.isEmpty()) {
      throw new BadInputException("spiral: --uncertain: scenario '" + sc.id() + "' declares no uncertainties");
    }
    Prior prior = Prior.of(us);
    return UncertainSimulation.run(sc, "the scenario's declared uncertainty ranges", prior.parameters(),
        UncertainSimulation.fromPrior(prior, draws, seed), runsPerDraw, seed, simulator, progress);
  }

  /** The file name of a location: what follows its last '/'. */
  static String fileName(String location) {
    String l = location.replace('\\', '/');
    return l.substring(l.lastIndexOf('/') + 1);
  }

  /** Reads a posterior file for a scenario; a malformed or foreign one is bad input. */
  static PosteriorFile read(String file, Scenario sc) {
    return parse(file, text(file), sc);
  }

  /**
   * Reads a posterior file for whichever of the scenarios its {@code # scenario:} line names; a
   * file for none of them is bad input naming them.
   */
  static PosteriorFile readFor(String file, List<Scenario> scenarios) {
    String text = text(file);
    String of = null;
    for (String line : text.split("\r\n|\n|\r", -1)) {
      if (!line.startsWith("#")) {
        break;
      }
      String l = line.substring(1).trim();
      if (l.startsWith("scenario:")) {
        of = l.substring("scenario:".length()).trim();
      }
    }
    for (Scenario sc : scenarios) {
      if (sc.id().equals(of)) {
        return parse(file, text, sc);
      }
    }
    if (of == null) {
      return parse(file, text, scenarios.get(0));
    }
    throw new BadInputException("spiral: " + file + ":1:1: the posterior belongs to scenario '" + of + "', which is not one of "
        + String.join(", ", scenarios.stream().map(Scenario::id).toList()));
  }

  /** A posterior file's text, from a local path or a Hadoop file system; problems are bad input. */
  private static String text(String location) {
    if (Locations.isHadoop(location)) {
      byte[] b = Locations.read(location, PosteriorFile.MAX_BYTES, "spiral: --posterior: no such file: " + location,
          "spiral: " + location + ":1:1: file larger than " + PosteriorFile.MAX_BYTES + " bytes");
      try {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new BadInputException("spiral: " + location + ":1:1: not a UTF-8 text file");
      }
    }
    Path file = Locations.local(location);
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("spiral: --posterior: no such file: " + file);
      }
      if (Files.size(file) > PosteriorFile.MAX_BYTES) {
        throw new BadInputException("spiral: " + file + ":1:1: file larger than " + PosteriorFile.MAX_BYTES + " bytes");
      }
      text = Files.readString(file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException("spiral: " + file + ":1:1: not a UTF-8 text file");
    } catch (IOException e) {
      throw new BadInputException("spiral: --posterior: cannot read " + file + ": " + e.getMessage());
    }
    return text;
  }

  private static PosteriorFile parse(String file, String text, Scenario sc) {
    try {
      return PosteriorFile.read(file, text, sc);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("spiral: " + e.getMessage());
    }
  }

  static String table(Scenario sc, UncertainSimulation.Summary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %s%n", sc.id(), sc.name()));
    b.append(String.format(Locale.ROOT, "%d parameter sets from %s; %,d runs at each (its own random numbers), seed %d, spiral %s%n",
        s.draws(), s.source(), s.runsPerDraw(), s.seed(), spiral.Version.get()));
    b.append("varied: ").append(String.join(", ", s.parameters())).append("\n\n");
    b.append(String.format(Locale.ROOT, "%-16s %9s   %-20s   %-20s%n", "outcome", "p", "Monte Carlo 95%", "total 95%"));
    rows(b, s.outcomes());
    b.append(String.format(Locale.ROOT, "%n%-16s %9s   %-20s   %-20s%n", "flag", "p", "Monte Carlo 95%", "total 95%"));
    rows(b, s.flags());
    b.append("\nMonte Carlo 95%: Wilson interval of all runs pooled; it shrinks with more runs.\n"
        + "total 95%: 2.5% and 97.5% quantiles of the probability across the parameter sets; it carries what is not known about the parameters (and each set's own Monte Carlo error, which more runs per set shrink).\n");
    return b.toString();
  }

  private static void rows(StringBuilder b, List<UncertainSimulation.Figure> fs) {
    for (UncertainSimulation.Figure f : fs) {
      b.append(String.format(Locale.ROOT, "%-16s %9.4f   [%.4f, %.4f]     [%.4f, %.4f]%n", f.key(), f.p(), f.monteCarlo95()[0],
          f.monteCarlo95()[1], f.total95()[0], f.total95()[1]));
    }
  }

  static String csv(UncertainSimulation.Summary s) {
    StringBuilder b = new StringBuilder();
    b.append("# parameter sets: ").append(s.draws()).append(" from ").append(s.source()).append('\n')
        .append("# runs per set: ").append(s.runsPerDraw()).append('\n');
    b.append("section,key,p,mc95_lo,mc95_hi,total95_lo,total95_hi\n");
    for (UncertainSimulation.Figure f : s.outcomes()) {
      b.append(String.format(Locale.ROOT, "outcome,%s,%s,%s,%s,%s,%s%n", f.key(), f.p(), f.monteCarlo95()[0], f.monteCarlo95()[1],
          f.total95()[0], f.total95()[1]));
    }
    for (UncertainSimulation.Figure f : s.flags()) {
      b.append(String.format(Locale.ROOT, "flag,%s,%s,%s,%s,%s,%s%n", f.key(), f.p(), f.monteCarlo95()[0], f.monteCarlo95()[1],
          f.total95()[0], f.total95()[1]));
    }
    return b.toString();
  }
}
