package spiral.game;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.ExtensiveGame.Outcome;

/**
 * Writes games in Gambit's formats: {@code .nfg} (the payoff version; strategy labels are written
 * unless they are Gambit's defaults 1, 2, ...) and {@code .efg}. Reading the
 * text back gives an equal game. Cost: linear in the size of the game.
 */
public final class GameWriter {
  private GameWriter() {}

  /** The game as file text. */
  public static String write(Game game) {
    return game instanceof StrategicGame s ? nfg(s) : efg((ExtensiveGame) game);
  }

  private static void names(StringBuilder b, List<String> l) {
    b.append("{");
    for (String s : l) {
      b.append(' ').append(Lexer.quote(s));
    }
    b.append(" }");
  }

  /** A strategic game as {@code .nfg} text. */
  public static String nfg(StrategicGame g) {
    StringBuilder b = new StringBuilder("NFG 1 R ");
    b.append(Lexer.quote(g.title())).append(' ');
    names(b, g.players());
    b.append("\n\n");
    boolean defaults = true;
    for (List<String> s : g.strategies()) {
      for (int j = 0; j < s.size(); j++) {
        defaults &= s.get(j).equals(Integer.toString(j + 1));
      }
    }
    int n = g.numPlayers();
    if (defaults) {
      b.append("{");
      for (List<String> s : g.strategies()) {
        b.append(' ').append(s.size());
      }
      b.append(" }\n").append(Lexer.quote(g.comment())).append("\n\n");
    } else {
      b.append("{ ");
      for (List<String> s : g.strategies()) {
        names(b, s);
        b.append('\n');
      }
      b.append("}\n").append(Lexer.quote(g.comment())).append("\n\n");
    }
    for (int p = 0; p < g.numProfiles(); p++) {
      for (int i = 0; i < n; i++) {
        b.append(g.payoff(p, i)).append(i + 1 < n ? " " : "\n");
      }
    }
    return b.toString();
  }

  /** An extensive game as {@code .efg} text. */
  public static String efg(ExtensiveGame g) {
    StringBuilder b = new StringBuilder("EFG 2 R ");
    b.append(Lexer.quote(g.title())).append(' ');
    names(b, g.players());
    b.append('\n').append(Lexer.quote(g.comment())).append("\n\n");
    node(b, g.root(), new HashSet<>(), new HashSet<>());
    return b.toString();
  }

  private static void node(StringBuilder b, Node n, Set<Infoset> seen, Set<Integer> outs) {
    // iterative over children to keep recursion to the tree depth
    Infoset s = n.infoset();
    if (s == null) {
      b.append("t ").append(Lexer.quote(n.label())).append(' ');
    } else if (s.isChance()) {
      b.append("c ").append(Lexer.quote(n.label())).append(' ').append(s.number());
      if (seen.add(s)) {
        b.append(' ').append(Lexer.quote(s.label())).append(" {");
        for (int a = 0; a < s.actions().size(); a++) {
          b.append(' ').append(Lexer.quote(s.actions().get(a)));
          b.append(' ').append(s.probabilities().get(a));
        }
        b.append(" }");
      }
      b.append(' ');
    } else {
      b.append("p ").append(Lexer.quote(n.label())).append(' ').append(s.player());
      b.append(' ').append(s.number());
      if (seen.add(s)) {
        b.append(' ').append(Lexer.quote(s.label())).append(' ');
        names(b, s.actions());
      }
      b.append(' ');
    }
    Outcome o = n.outcome();
    if (o == null) {
      b.append('0');
    } else {
      b.append(o.number());
      if (outs.add(o.number())) {
        b.append(' ').append(Lexer.quote(o.label())).append(" {");
        for (int i = 0; i < o.payoffs().size(); i++) {
          b.append(i == 0 ? " " : ", ").append(o.payoffs().get(i));
        }
        b.append(" }");
      }
    }
    b.append('\n');
    for (Node c : n.children()) {
      node(b, c, seen, outs);
    }
  }
}
