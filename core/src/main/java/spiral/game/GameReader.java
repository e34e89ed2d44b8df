package spiral.game;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.ExtensiveGame.Outcome;
import spiral.game.Lexer.Kind;
import spiral.game.Lexer.Token;

/**
 * Reads Gambit's {@code .nfg} (payoff and outcome versions) and {@code .efg} files into exact
 * games. Every error names line, column and the offending token. Files over {@link #MAX_BYTES}
 * are refused before reading. Cost: linear in the file size.
 */
public final class GameReader {
  /** Largest file accepted: 64 MiB. */
  public static final long MAX_BYTES = 64L << 20;

  private GameReader() {}

  /** Reads a game file, refusing files over {@link #MAX_BYTES} before reading them. */
  public static Game read(Path file) throws IOException, GameFormatException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new GameFormatException(
          "file too large: " + size + " bytes (the limit is " + MAX_BYTES + " bytes, 64 MiB)");
    }
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** Reads a game from a stream (such as standard input), stopping past {@link #MAX_BYTES}. */
  public static Game read(InputStream in) throws IOException, GameFormatException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > MAX_BYTES) {
        throw new GameFormatException("input too large: over " + MAX_BYTES + " bytes (64 MiB)");
      }
      buf.write(chunk, 0, n);
    }
    return parse(buf.toString(StandardCharsets.UTF_8));
  }

  /** Parses the text of a game file. */
  public static Game parse(String text) throws GameFormatException {
    if (text.length() > MAX_BYTES) {
      throw new GameFormatException("input too large (the limit is 64 MiB)");
    }
    Lexer lex = new Lexer(text);
    Token t = lex.next();
    if (t.kind() == Kind.SYMBOL && t.text().equals("NFG")) {
      return new GameReader.Parser(lex, text.length()).nfg();
    }
    if (t.kind() == Kind.SYMBOL && t.text().equals("EFG")) {
      try {
        return new GameReader.Parser(lex, text.length()).efg();
      } catch (StackOverflowError e) {
        throw new GameFormatException("game tree too deep to read");
      }
    }
    throw error("not a game file: expected NFG or EFG", t);
  }

  private static GameFormatException error(String msg, Token t) {
    return new GameFormatException(msg, t.line(), t.column(), t.shown());
  }

  private static final class Parser {
    private final Lexer lex;
    private final long length;
    private int numPlayers;
    private final Map<Long, Infoset> infosets = new HashMap<>();
    private final Map<Integer, Outcome> outcomes = new HashMap<>();

    Parser(Lexer lex, long length) {
      this.lex = lex;
      this.length = length;
    }

    private Token expect(Kind k, String what) throws GameFormatException {
      Token t = lex.next();
      if (t.kind() != k) {
        throw error("expected " + what, t);
      }
      return t;
    }

    private String string(String what) throws GameFormatException {
      return expect(Kind.STRING, what + " (a quoted string)").text();
    }

    private Rational number(String what) throws GameFormatException {
      Token t = expect(Kind.NUMBER, what);
      try {
        return Rational.parse(t.text());
      } catch (NumberFormatException e) {
        throw error("bad number for " + what
            + (e.getMessage().startsWith("exponent") ? ": its exponent is out of range" : ""), t);
      }
    }

    private int integer(String what, int min) throws GameFormatException {
      Token t = expect(Kind.NUMBER, what);
      int v;
      try {
        v = Integer.parseInt(t.text().startsWith("+") ? t.text().substring(1) : t.text());
      } catch (NumberFormatException e) {
        throw error("expected an integer for " + what, t);
      }
      if (v < min) {
        throw error(what + " must be at least " + min, t);
      }
      return v;
    }

    private void header(String version) throws GameFormatException {
      Token v = lex.next();
      if (!v.text().equals(version)) {
        throw error("unsupported format version (expected " + version + ")", v);
      }
      Token rd = lex.next();
      if (rd.kind() != Kind.SYMBOL || !(rd.text().equals("R") || rd.text().equals("D"))) {
        throw error("expected R or D", rd);
      }
    }

    private List<String> strings(String what) throws GameFormatException {
      expect(Kind.LBRACE, "'{' to open " + what);
      List<String> l = new ArrayList<>();
      while (lex.peek().kind() == Kind.STRING) {
        l.add(lex.next().text());
      }
      expect(Kind.RBRACE, "'}' to close " + what);
      return l;
    }

    StrategicGame nfg() throws GameFormatException {
      header("1");
      String title = string("title");
      List<String> players = strings("the player list");
      if (players.isEmpty()) {
        throw error("a game needs at least one player", lex.peek());
      }
      expect(Kind.LBRACE, "'{' to open the strategies");
      List<List<String>> strategies = new ArrayList<>();
      boolean labelled = lex.peek().kind() == Kind.LBRACE;
      for (int i = 0; i < players.size(); i++) {
        if (labelled) {
          Token at = lex.peek();
          List<String> s = strings("player " + (i + 1) + "'s strategies");
          if (s.isEmpty()) {
            throw error("player " + (i + 1) + " has no strategies", at);
          }
          strategies.add(s);
        } else {
          Token kt = lex.peek();
          int k = integer("player " + (i + 1) + "'s number of strategies", 1);
          if (k > length) {
            throw error("more strategies than the file could give payoffs for", kt);
          }
          List<String> s = new ArrayList<>();
          for (int j = 1; j <= k; j++) {
            s.add(Integer.toString(j));
          }
          strategies.add(s);
        }
      }
      expect(Kind.RBRACE, "'}' after " + players.size() + " players' strategies");
      String comment = lex.peek().kind() == Kind.STRING ? lex.next().text() : "";
      boolean outcomeVersion = lex.peek().kind() == Kind.LBRACE;
      long profiles = 1;
      for (List<String> s : strategies) {
        profiles *= s.size();
        if (profiles > GameReader.MAX_BYTES) {
          throw new GameFormatException("too many strategy profiles for a file of at most 64 MiB");
        }
      }
      int n = players.size();
      // every payoff or outcome number takes at least two characters
      long needed = outcomeVersion ? profiles : profiles * n;
      if (2 * needed > length + 1) {
        throw error(
            (outcomeVersion ? "too few outcome numbers: the " : "too few payoffs: the ")
                + profiles
                + " strategy profiles need "
                + needed
                + (outcomeVersion ? " outcome numbers" : " payoffs")
                + ", more than the file is long enough to hold",
            lex.peek());
      }
      Rational[][] payoffs = new Rational[(int) profiles][];
      if (!outcomeVersion) {
        for (int p = 0; p < profiles; p++) {
          payoffs[p] = new Rational[n];
          for (int i = 0; i < n; i++) {
            Token t = lex.peek();
            if (t.kind() == Kind.EOF) {
              throw error(
                  "too few payoffs: expected "
                      + profiles * n
                      + " ("
                      + profiles
                      + " profiles x "
                      + n
                      + " players), found "
                      + (p * n + i),
                  t);
            }
            payoffs[p][i] = number("a payoff");
          }
        }
        Token t = lex.next();
        if (t.kind() != Kind.EOF) {
          throw error(
              "too many payoffs: expected " + profiles * n + " (" + profiles + " profiles x " + n
                  + " players)",
              t);
        }
      } else {
        expect(Kind.LBRACE, "'{' to open the outcomes");
        List<Rational[]> outs = new ArrayList<>();
        while (lex.peek().kind() == Kind.LBRACE) {
          lex.next();
          string("an outcome label");
          Rational[] pay = new Rational[n];
          for (int i = 0; i < n; i++) {
            if (i > 0 && lex.peek().kind() == Kind.COMMA) {
              lex.next();
            }
            Token t = lex.peek();
            if (t.kind() != Kind.NUMBER) {
              throw error("outcome " + (outs.size() + 1) + ": expected " + n + " payoffs", t);
            }
            pay[i] = number("a payoff");
          }
          Token t = lex.next();
          if (t.kind() != Kind.RBRACE) {
            throw error(
                "outcome " + (outs.size() + 1) + ": expected '}' after " + n + " payoffs", t);
          }
          outs.add(pay);
        }
        expect(Kind.RBRACE, "'}' to close the outcomes");
        Rational[] zero = new Rational[n];
        java.util.Arrays.fill(zero, Rational.ZERO);
        for (int p = 0; p < profiles; p++) {
          Token t = lex.peek();
          if (t.kind() == Kind.EOF) {
            throw error(
                "too few outcome numbers: expected " + profiles + " (one per profile), found " + p,
                t);
          }
          int o = integer("an outcome number", 0);
          if (o > outs.size()) {
            throw error("no outcome " + o + " (there are " + outs.size() + ")", t);
          }
          payoffs[p] = o == 0 ? zero : outs.get(o - 1);
        }
        Token t = lex.next();
        if (t.kind() != Kind.EOF) {
          throw error("too many outcome numbers: expected " + profiles + " (one per profile)", t);
        }
      }
      return new StrategicGame(title, comment, players, strategies, payoffs);
    }

    ExtensiveGame efg() throws GameFormatException {
      header("2");
      String title = string("title");
      List<String> players = strings("the player list");
      numPlayers = players.size();
      String comment = lex.peek().kind() == Kind.STRING ? lex.next().text() : "";
      Node root = node();
      Token t = lex.next();
      if (t.kind() != Kind.EOF) {
        throw error("unexpected text after the game tree", t);
      }
      return new ExtensiveGame(title, comment, players, root);
    }

    private Node node() throws GameFormatException {
      Token t = lex.next();
      if (t.kind() != Kind.SYMBOL) {
        throw error(
            t.kind() == Kind.EOF
                ? "truncated file: expected a node"
                : "expected a node type (c, p or t)",
            t);
      }
      switch (t.text()) {
        case "t": {
          String label = string("a node label");
          Outcome o = outcome();
          return new Node(label, null, o, List.of());
        }
        case "c":
        case "p": {
          boolean chance = t.text().equals("c");
          String label = string("a node label");
          int player = 0;
          if (!chance) {
            Token pt = lex.peek();
            player = integer("a player number", 1);
            if (player > numPlayers) {
              throw error("no player " + player + " (there are " + numPlayers + ")", pt);
            }
          }
          Token it = lex.peek();
          int number = integer("an information set number", 1);
          Infoset s;
          if (lex.peek().kind() == Kind.STRING) {
            String isLabel = lex.next().text();
            Token open = expect(Kind.LBRACE, "'{' to open the actions");
            List<String> actions = new ArrayList<>();
            List<Rational> probs = new ArrayList<>();
            while (lex.peek().kind() == Kind.STRING) {
              actions.add(lex.next().text());
              if (chance) {
                probs.add(number("a chance probability"));
              }
            }
            expect(Kind.RBRACE, "'}' to close the actions");
            if (actions.isEmpty()) {
              throw error("an information set needs at least one action", open);
            }
            if (chance) {
              Rational sum = Rational.ZERO;
              for (Rational p : probs) {
                if (p.signum() < 0) {
                  throw error("negative chance probability " + p, open);
                }
                sum = sum.add(p);
              }
              if (!sum.equals(Rational.ONE)) {
                throw error("chance probabilities sum to " + sum + ", not 1", open);
              }
            }
            s = new Infoset(player, number, isLabel, actions, probs);
            Infoset prev = infosets.putIfAbsent(key(player, number), s);
            if (prev != null && !prev.equals(s)) {
              throw error(
                  "information set "
                      + number
                      + (chance ? " of chance" : " of player " + player)
                      + " redefined with different label, actions or probabilities",
                  it);
            }
            s = prev != null ? prev : s;
          } else {
            s = infosets.get(key(player, number));
            if (s == null) {
              throw error(
                  "information set " + number + " is used before its actions are given", it);
            }
          }
          Outcome o = outcome();
          List<Node> children = new ArrayList<>();
          for (int a = 0; a < s.actions().size(); a++) {
            children.add(node());
          }
          return new Node(label, s, o, children);
        }
        default:
          throw error("unknown node type (expected c, p or t)", t);
      }
    }

    private static long key(int player, int number) {
      return ((long) player << 32) | number;
    }

    private Outcome outcome() throws GameFormatException {
      Token t = lex.peek();
      int number = integer("an outcome number", 0);
      if (lex.peek().kind() == Kind.STRING) {
        String label = lex.next().text();
        expect(Kind.LBRACE, "'{' to open the payoffs");
        List<Rational> pay = new ArrayList<>();
        while (lex.peek().kind() == Kind.NUMBER) {
          pay.add(number("a payoff"));
          if (lex.peek().kind() == Kind.COMMA) {
            lex.next();
          }
        }
        Token close = expect(Kind.RBRACE, "a payoff or '}'");
        if (pay.size() != numPlayers) {
          throw error(
              "outcome " + number + " has " + pay.size() + " payoffs, expected " + numPlayers,
              close);
        }
        if (number == 0) {
          throw error("outcome 0 is the null outcome and carries no payoffs", t);
        }
        Outcome o = new Outcome(number, label, pay);
        Outcome prev = outcomes.putIfAbsent(number, o);
        if (prev != null && !prev.equals(o)) {
          throw error("outcome " + number + " redefined with different label or payoffs", t);
        }
        return prev != null ? prev : o;
      }
      if (number == 0) {
        return null;
      }
      Outcome o = outcomes.get(number);
      if (o == null) {
        throw error("outcome " + number + " is used before its payoffs are given", t);
      }
      return o;
    }
  }
}
