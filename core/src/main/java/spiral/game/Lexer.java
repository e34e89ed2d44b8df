package spiral.game;

import java.util.regex.Pattern;

/** Tokeniser for Gambit's game files (see the format notes): strings, numbers, symbols, braces. */
final class Lexer {
  enum Kind {
    STRING,
    NUMBER,
    SYMBOL,
    LBRACE,
    RBRACE,
    COMMA,
    EOF
  }

  record Token(Kind kind, String text, int line, int column) {
    String shown() {
      return switch (kind) {
        case EOF -> "end of file";
        case STRING -> "\"" + text + "\"";
        default -> text;
      };
    }
  }

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?\\d+/\\d+");

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;
  private Token peeked;

  Lexer(String text) {
    this.text = text;
  }

  Token peek() throws GameFormatException {
    if (peeked == null) {
      peeked = scan();
    }
    return peeked;
  }

  Token next() throws GameFormatException {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Token scan() throws GameFormatException {
    int n = text.length();
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else {
        break;
      }
    }
    int col = pos - lineStart + 1;
    if (pos >= n) {
      return new Token(Kind.EOF, "", line, col);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        pos++;
        return new Token(Kind.LBRACE, "{", line, col);
      case '}':
        pos++;
        return new Token(Kind.RBRACE, "}", line, col);
      case ',':
        pos++;
        return new Token(Kind.COMMA, ",", line, col);
      case '"':
        return string(col);
      default:
        int start = pos;
        while (pos < n) {
          char d = text.charAt(pos);
          if (Character.isWhitespace(d) || d == '{' || d == '}' || d == ',' || d == '"') {
            break;
          }
          pos++;
        }
        String word = text.substring(start, pos);
        Kind k = NUMBER.matcher(word).matches() ? Kind.NUMBER : Kind.SYMBOL;
        return new Token(k, word, line, col);
    }
  }

  private Token string(int col) throws GameFormatException {
    int startLine = line;
    int n = text.length();
    StringBuilder b = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= n) {
        throw new GameFormatException("unterminated string", startLine, col, "\"");
      }
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < n) {
        char d = text.charAt(pos + 1);
        if (d == '"') {
          b.append('"');
        } else {
          b.append(c).append(d);
          if (d == '\n') {
            line++;
            lineStart = pos + 2;
          }
        }
        pos += 2;
        continue;
      }
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, b.toString(), startLine, col);
      }
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      }
      b.append(c);
      pos++;
    }
  }

  /** Quotes a label for writing. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        b.append(c).append(s.charAt(i + 1));
        i++;
      } else if (c == '"') {
        b.append("\\\"");
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
