package spiral.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import spiral.game.EquilibriumChecker;
import spiral.game.ExtensiveGame;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.Rational;
import spiral.game.StrategicGame;

/** Numbers and profiles printed as Gambit's command-line tools print them. */
final class GambitOutput {
  private GambitOutput() {}

  /**
   * {@code x} with {@code digits} significant digits, as C++'s default stream format (and C's
   * {@code %.Ng}) prints it: trailing zeros dropped, an exponent ({@code 1.5e-07}) only below
   * 1e-4 or from 10^digits on. Never Java's {@code 1.5E-7}.
   */
  static String significant(double x, int digits) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0" : "0";
    }
    int p = Math.max(1, digits);
    BigDecimal b = new BigDecimal(x).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exp = b.precision() - b.scale() - 1;
    if (exp < -4 || exp >= p) {
      String d = b.unscaledValue().abs().toString();
      d = d.replaceAll("0+$", "");
      StringBuilder s = new StringBuilder();
      if (b.signum() < 0) {
        s.append('-');
      }
      s.append(d.charAt(0));
      if (d.length() > 1) {
        s.append('.').append(d, 1, d.length());
      }
      s.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) {
        s.append('0');
      }
      return s.append(e).toString();
    }
    String s = b.setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
    if (s.indexOf('.') >= 0) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** {@code x} with {@code decimals} places, as C's {@code %.Nf}: never an exponent. */
  static String fixed(double x, int decimals) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return significant(x, 1);
    }
    return new BigDecimal(x).setScale(Math.max(0, decimals), RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  /**
   * A probability or payoff: exact when {@code decimals} is null, else the nearest double with
   * fixed decimals, as Gambit's tools print their floating-point profiles.
   */
  static String value(Rational r, Integer decimals) {
    return decimals == null ? r.toString() : fixed(r.doubleValue(), decimals);
  }

  /** A label, then each number with {@code decimals} fixed places: Gambit's NE lines. */
  static String fixedLine(String label, double[] profile, int decimals) {
    StringBuilder b = new StringBuilder(label);
    for (double x : profile) {
      b.append(',').append(fixed(x, decimals));
    }
    return b.toString();
  }

  /** A point of the logit branch: lambda with fixed decimals, probabilities significant. */
  static String logitLine(String label, double lambda, double[] profile, int digits) {
    StringBuilder b = new StringBuilder(label != null ? label : fixed(lambda, digits));
    for (double x : profile) {
      b.append(',').append(significant(x, digits));
    }
    return b.toString();
  }

  /** Gambit's detailed output ({@code -D}) of a profile of {@code g}: strategies or behaviour. */
  static String detail(spiral.game.Game g, List<Rational> profile, Integer decimals) {
    return g instanceof ExtensiveGame t
        ? detail(t, profile, decimals)
        : detail((StrategicGame) g, profile, decimals);
  }

  /**
   * Gambit's detailed output ({@code -D}) of a mixed strategy profile: per player, each
   * strategy's label (or number), probability and expected payoff against the others' mix.
   */
  static String detail(StrategicGame g, List<Rational> profile, Integer decimals) {
    StringBuilder b = new StringBuilder();
    int n = g.numPlayers();
    int[] offset = new int[n];
    for (int i = 1; i < n; i++) {
      offset[i] = offset[i - 1] + g.numStrategies(i - 1);
    }
    for (int i = 0; i < n; i++) {
      Rational[] value = new Rational[g.numStrategies(i)];
      java.util.Arrays.fill(value, Rational.ZERO);
      for (int p = 0; p < g.numProfiles(); p++) {
        Rational w = Rational.ONE;
        for (int j = 0; j < n && !w.isZero(); j++) {
          if (j != i) {
            w = w.multiply(profile.get(offset[j] + g.strategyOf(p, j)));
          }
        }
        if (!w.isZero()) {
          int s = g.strategyOf(p, i);
          value[s] = value[s].add(w.multiply(g.payoff(p, i)));
        }
      }
      b.append("Strategy profile for player ").append(i + 1).append(":\n");
      b.append("Strategy   Prob          Value\n");
      b.append("--------   -----------   -----------\n");
      for (int s = 0; s < g.numStrategies(i); s++) {
        String label = g.strategies().get(i).get(s);
        b.append(String.format("%8s    %10s   %11s\n",
            label.isEmpty() ? Integer.toString(s + 1) : label,
            value(profile.get(offset[i] + s), decimals), value(value[s], decimals)));
      }
    }
    return b.toString();
  }

  /**
   * Gambit's detailed output ({@code -D}) of a behaviour profile of a tree: per player, each
   * action's probability and value (the player's expected payoff from taking it, given that its
   * set is reached, under the beliefs the profile induces; blank at a set reached with
   * probability 0), then each node of the player's sets with its belief (blank where the set is
   * not reached) and its realisation probability. Sets are numbered in depth-first order of first
   * appearance and nodes in depth-first (pre-)order of the whole tree, from 1, as Gambit 17
   * numbers them; a label, where there is one, stands for the number. Cost: two passes over the
   * tree in exact arithmetic.
   */
  static String detail(ExtensiveGame g, List<Rational> profile, Integer decimals) {
    int n = g.numPlayers();
    EquilibriumChecker.Behaviour probs = new EquilibriumChecker.Behaviour(g, profile);
    // pre-order: each node's number and realisation probability, each set's members in order
    Map<Node, Integer> number = new IdentityHashMap<>();
    Map<Node, Rational> reach = new IdentityHashMap<>();
    Map<Infoset, List<Node>> members = new HashMap<>();
    List<Node> stack = new ArrayList<>(List.of(g.root()));
    reach.put(g.root(), Rational.ONE);
    while (!stack.isEmpty()) {
      Node v = stack.remove(stack.size() - 1);
      number.put(v, number.size() + 1);
      if (v.isTerminal()) {
        continue;
      }
      members.computeIfAbsent(v.infoset(), x -> new ArrayList<>()).add(v);
      Rational[] p = probs.probs(v.infoset());
      for (int a = v.children().size() - 1; a >= 0; a--) {
        Node c = v.children().get(a);
        reach.put(c, reach.get(v).multiply(p[a]));
        stack.add(c);
      }
    }
    Map<Node, Rational[]> value = new IdentityHashMap<>();
    nodeValues(g.root(), probs, n, value);
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      List<Infoset> sets = g.infosets(i);
      Rational[] setReach = new Rational[sets.size()];
      for (int j = 0; j < sets.size(); j++) {
        setReach[j] = Rational.ZERO;
        for (Node v : members.get(sets.get(j))) {
          setReach[j] = setReach[j].add(reach.get(v));
        }
      }
      b.append("Behavior profile for player ").append(i).append(":\n");
      b.append("Infoset    Action     Prob          Value\n");
      b.append("-------    -------    -----------   -----------\n");
      for (int j = 0; j < sets.size(); j++) {
        Infoset s = sets.get(j);
        Rational[] p = probs.probs(s);
        for (int a = 0; a < p.length; a++) {
          String av = "";
          if (!setReach[j].isZero()) {
            Rational v = Rational.ZERO;
            for (Node m : members.get(s)) {
              v = v.add(reach.get(m).multiply(value.get(m.children().get(a))[i - 1]));
            }
            av = String.format("%11s", value(v.divide(setReach[j]), decimals));
          }
          b.append(String.format("%7s    %7s   %11s   ", name(s.label(), j + 1),
              name(s.actions().get(a), a + 1), value(p[a], decimals))).append(av).append('\n');
        }
      }
      b.append('\n');
      b.append("Infoset    Node       Belief        Prob\n");
      b.append("-------    -------    -----------   -----------\n");
      for (int j = 0; j < sets.size(); j++) {
        Infoset s = sets.get(j);
        for (Node m : members.get(s)) {
          String belief =
              setReach[j].isZero() ? "" : value(reach.get(m).divide(setReach[j]), decimals);
          b.append(String.format("%7s    %7s   %11s   %11s\n", name(s.label(), j + 1),
              name(m.label(), number.get(m)), belief, value(reach.get(m), decimals)));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String name(String label, int number) {
    return label == null || label.isEmpty() ? Integer.toString(number) : label;
  }

  /** Each node's expected payoffs (outcome on the way included) under the profile. */
  private static Rational[] nodeValues(
      Node v, EquilibriumChecker.Behaviour probs, int n, Map<Node, Rational[]> value) {
    Rational[] x = new Rational[n];
    for (int i = 0; i < n; i++) {
      x[i] = v.outcome() == null ? Rational.ZERO : v.outcome().payoffs().get(i);
    }
    if (!v.isTerminal()) {
      Rational[] p = probs.probs(v.infoset());
      for (int a = 0; a < p.length; a++) {
        Rational[] c = nodeValues(v.children().get(a), probs, n, value);
        if (!p[a].isZero()) {
          for (int i = 0; i < n; i++) {
            x[i] = x[i].add(p[a].multiply(c[i]));
          }
        }
      }
    }
    value.put(v, x);
    return x;
  }
}
