package spiral.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * A YAML document read into a Jackson tree, with the line and column of every key and value.
 *
 * <p>Reading enforces the limits of the scenario format: the size limit, UTF-8 text, one
 * document, no duplicate keys, bounded nesting and bounded alias expansion (SnakeYAML's default
 * of 50 aliases of lists or mappings). Non-finite numbers ({@code .inf}, {@code .nan}) are
 * reported as problems, except where a caller allows them; they are masked in the tree so that
 * the schema check can go on.
 */
final class YamlTree {
  /** The largest file accepted, in bytes. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  /** The deepest nesting of lists and mappings accepted. */
  static final int MAX_DEPTH = 50;

  /** The most aliases of lists or mappings accepted (SnakeYAML's default). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** The most nodes alias expansion may add. */
  static final int MAX_EXPANDED_NODES = 100_000;

  private static final YAMLFactory FACTORY = newFactory();

  /** A line and column, both 1-based. */
  record Loc(int line, int column) {}

  /** Decides what a non-finite number at a path becomes: a replacement node, or null if refused. */
  interface NonFinite {
    JsonNode replace(DocPath at, double value);
  }

  final String source;
  final JsonNode root;
  final List<Problem> problems;
  private final Map<DocPath, Loc> keyLocs;
  private final Map<DocPath, Loc> valueLocs;
  private final Set<DocPath> masked;

  private YamlTree(
      String source,
      JsonNode root,
      List<Problem> problems,
      Map<DocPath, Loc> keyLocs,
      Map<DocPath, Loc> valueLocs,
      Set<DocPath> masked) {
    this.source = source;
    this.root = root;
    this.problems = problems;
    this.keyLocs = keyLocs;
    this.valueLocs = valueLocs;
    this.masked = masked;
  }

  /**
   * Reads a document. Problems go to {@link #problems}; {@link #root} is null when the document
   * could not be read at all.
   */
  static YamlTree read(String source, byte[] content, NonFinite nonFinite) {
    TreeReader r = new TreeReader(source, nonFinite);
    JsonNode root = r.read(content);
    return new YamlTree(source, root, r.problems, r.keyLocs, r.valueLocs, r.masked);
  }

  /** Whether the value at this path was replaced because it was refused. */
  boolean isMasked(DocPath at) {
    return masked.contains(at);
  }

  /**
   * The location of a path: of its key where it is a mapping entry, else of its value; for a
   * path inside an alias or not in the file, the nearest enclosing location.
   */
  Loc locate(DocPath at) {
    for (DocPath p = at; ; p = p.parent()) {
      Loc loc = keyLocs.get(p);
      if (loc == null) {
        loc = valueLocs.get(p);
      }
      if (loc != null) {
        return loc;
      }
      if (p.isRoot()) {
        return new Loc(0, 0);
      }
    }
  }

  /** A problem at a path. */
  Problem problem(DocPath at, String message) {
    Loc loc = locate(at);
    return new Problem(source, loc.line(), loc.column(), at.toString(), message);
  }

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES + 1);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowDuplicateKeys(true); // reported by the reader, with both locations
    return new Factory(YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNameLength(10_000)
            .maxStringLength(MAX_BYTES)
            .maxNumberLength(1000)
            .maxNestingDepth(MAX_DEPTH + 10)
            .build()));
  }

  /** Makes {@link Parser}s. */
  private static final class Factory extends YAMLFactory {
    Factory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  /** Jackson's YAML parser, which does not report the anchors of scalars, with an accessor. */
  private static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, int features, int yamlFeatures, LoaderOptions options,
        ObjectCodec codec, Reader reader) {
      super(ctxt, features, yamlFeatures, options, codec, reader);
    }

    /** The anchor of the current value (a list, mapping or scalar), or null. */
    String anchor() {
      return _lastEvent instanceof NodeEvent e && !(e instanceof AliasEvent) ? e.getAnchor() : null;
    }
  }

  /** Thrown inside the reader to stop at a fatal problem (already recorded). */
  private static final class Stop extends Exception {
    Stop() {
      super(null, null, false, false);
    }
  }

  private static final class TreeReader {
    final String source;
    final NonFinite nonFinite;
    final List<Problem> problems = new ArrayList<>();
    final Map<DocPath, Loc> keyLocs = new HashMap<>();
    final Map<DocPath, Loc> valueLocs = new HashMap<>();
    final Set<DocPath> masked = new HashSet<>();
    final Map<String, JsonNode> anchors = new HashMap<>();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    Parser parser;
    int collectionAliases;
    int expandedNodes;

    TreeReader(String source, NonFinite nonFinite) {
      this.source = source;
      this.nonFinite = nonFinite;
    }

    JsonNode read(byte[] content) {
      if (content.length > MAX_BYTES) {
        fileProblem(tooLarge(content.length));
        return null;
      }
      if (content.length == 0) {
        fileProblem("file is empty");
        return null;
      }
      String text = decode(content);
      if (text == null) {
        return null;
      }
      try (Parser p = (Parser) FACTORY.createParser(text)) {
        parser = p;
        JsonToken first = p.nextToken();
        if (first == null) {
          fileProblem("file is empty (it holds no YAML content, only blanks or comments)");
          return null;
        }
        JsonNode root = value(DocPath.ROOT, 0);
        JsonToken next = p.nextToken();
        if (next != null) {
          problem(here(), "a file may hold only one YAML document; a second one starts here");
          return null;
        }
        if (root.isNull()) {
          fileProblem("file is empty (its only document is empty)");
          return null;
        }
        return root;
      } catch (Stop stop) {
        return null;
      } catch (StreamConstraintsException e) {
        problem(loc(e.getLocation()),
            Text.clean(e.getOriginalMessage().replaceAll(", from `[^`]*`", "")));
        return null;
      } catch (JsonProcessingException e) {
        problem(yamlLocation(e), yamlMessage(e));
        return null;
      } catch (IOException | RuntimeException e) {
        problem(new Loc(0, 0), "could not read the YAML: " + Text.clean(e.getMessage()));
        return null;
      }
    }

    /** Decodes UTF-8, refusing NUL bytes and malformed sequences; strips a byte-order mark. */
    String decode(byte[] content) {
      int start = content.length >= 3 && (content[0] & 0xff) == 0xef
          && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
      int bad = -1;
      for (int i = start; i < content.length; i++) {
        if (content[i] == 0) {
          bad = i;
          break;
        }
      }
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
      CharBuffer out = CharBuffer.allocate(content.length);
      CoderResult result = decoder.decode(in, out, true);
      if (!result.isError()) {
        result = decoder.flush(out);
      }
      if (result.isError() && (bad < 0 || in.position() < bad)) {
        bad = in.position();
      }
      if (bad >= 0) {
        fileProblem(String.format(Locale.ROOT,
            "not a UTF-8 text file (invalid byte 0x%02x at offset %d)", content[bad] & 0xff, bad));
        return null;
      }
      String text = out.flip().toString();
      return printable(text) ? text : null;
    }

    /**
     * Whether the text holds only characters YAML allows; reports the first other one with its
     * line and column.
     */
    boolean printable(String text) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7e) || c == 0x85
            || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
            || (c >= 0x10000 && c <= 0x10ffff);
        if (!ok) {
          problem(new Loc(line, column), String.format(Locale.ROOT,
              "control character U+%04X is not allowed in a YAML file (write it as an escape in a"
                  + " double-quoted string)", c));
          return false;
        }
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
        i += Character.charCount(c);
      }
      return true;
    }

    /** Reads the value at the current token, and everything inside it. */
    JsonNode value(DocPath at, int depth) throws IOException, Stop {
      Loc loc = here();
      valueLocs.putIfAbsent(at, loc);
      if (parser.isCurrentAlias()) {
        return alias(at, loc);
      }
      String anchor = parser.anchor();
      JsonToken token = parser.currentToken();
      if (token == null) {
        problem(loc, at, "unexpected end of file");
        throw new Stop();
      }
      JsonNode node;
      switch (token) {
        case START_OBJECT -> {
          checkDepth(depth, loc);
          ObjectNode object = nodes.objectNode();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            DocPath child = at.key(key);
            Loc keyLoc = here();
            parser.nextToken();
            if (object.has(key)) {
              problem(keyLoc, child, "duplicate key " + Text.name(key)
                  + " (first at line " + keyLocs.get(child).line() + ")");
              value(child, depth + 1);
            } else {
              keyLocs.put(child, keyLoc);
              object.set(key, value(child, depth + 1));
            }
          }
          node = object;
        }
        case START_ARRAY -> {
          checkDepth(depth, loc);
          ArrayNode array = nodes.arrayNode();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(at.index(array.size()), depth + 1));
          }
          node = array;
        }
        case VALUE_STRING -> node = nodes.textNode(parser.getText());
        case VALUE_NUMBER_INT -> node = switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> node = floating(at, loc, parser.getText());
        case VALUE_TRUE -> node = nodes.booleanNode(true);
        case VALUE_FALSE -> node = nodes.booleanNode(false);
        case VALUE_NULL -> node = nodes.nullNode();
        default -> node = nodes.textNode(parser.getText());
      }
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    JsonNode alias(DocPath at, Loc loc) throws IOException, Stop {
      String name = parser.getText();
      JsonNode target = anchors.get(name);
      if (target == null) {
        problem(loc, at, "alias *" + Text.clean(name) + " refers to no anchor defined before it");
        throw new Stop();
      }
      if (target.isContainerNode()) {
        collectionAliases++;
        expandedNodes += count(target);
        if (collectionAliases > MAX_COLLECTION_ALIASES || expandedNodes > MAX_EXPANDED_NODES) {
          problem(loc, at, "too many aliases: more than " + MAX_COLLECTION_ALIASES
              + " aliases of lists or mappings, or more than " + MAX_EXPANDED_NODES
              + " values made by aliases");
          throw new Stop();
        }
      }
      return target.deepCopy();
    }

    /** A YAML float: decimal, or .inf / .nan in any of YAML's spellings. */
    JsonNode floating(DocPath at, Loc loc, String text) throws Stop {
      String t = text.replace("_", "");
      double v;
      switch (t.toLowerCase(Locale.ROOT)) {
        case ".inf", "+.inf" -> v = Double.POSITIVE_INFINITY;
        case "-.inf" -> v = Double.NEGATIVE_INFINITY;
        case ".nan" -> v = Double.NaN;
        default -> {
          try {
            v = Double.parseDouble(t);
          } catch (NumberFormatException e) {
            problem(loc, at, "malformed number " + Text.quote(text));
            throw new Stop();
          }
        }
      }
      if (Double.isFinite(v)) {
        return nodes.numberNode(v);
      }
      JsonNode replaced = nonFinite == null ? null : nonFinite.replace(at, v);
      if (replaced != null) {
        return replaced;
      }
      problem(keyLocs.getOrDefault(at, loc), at,
          Text.clean(text) + " is not allowed here: use a finite number");
      masked.add(at);
      return nodes.numberNode(0);
    }

    void checkDepth(int depth, Loc loc) throws Stop {
      if (depth >= MAX_DEPTH) {
        problem(loc, "lists and mappings nested deeper than " + MAX_DEPTH + " levels");
        throw new Stop();
      }
    }

    int count(JsonNode node) {
      int n = 1;
      for (JsonNode child : node) {
        n += count(child);
      }
      return n;
    }

    Loc here() {
      return loc(parser.currentTokenLocation());
    }

    static Loc loc(JsonLocation l) {
      return l == null ? new Loc(0, 0) : new Loc(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    static Loc yamlLocation(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark mark = m.getProblemMark();
        return new Loc(mark.getLine() + 1, mark.getColumn() + 1);
      }
      return loc(e.getLocation());
    }

    static String yamlMessage(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m) {
        String msg = m.getProblem() == null ? "malformed YAML" : m.getProblem();
        if (m.getContext() != null) {
          msg += " (" + m.getContext()
              + (m.getContextMark() != null ? " at line " + (m.getContextMark().getLine() + 1) : "")
              + ")";
        }
        return "malformed YAML: " + Text.clean(msg);
      }
      String msg = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : e.getOriginalMessage();
      msg = firstLine(msg);
      if (msg.startsWith("Expected a field name")) {
        return "malformed YAML: a key must be a plain value, not a list or a mapping";
      }
      return "malformed YAML: " + Text.clean(withoutClassNames(msg));
    }

    /** Cuts a library message before the first Java class name in it. */
    static String withoutClassNames(String msg) {
      return msg.replaceAll("[\\s:(<]*\\b(org|com|java|javax|sun)\\.[\\w.$]+.*$", "").strip();
    }

    static String firstLine(String s) {
      if (s == null) {
        return "";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }

    void fileProblem(String message) {
      problems.add(Problem.ofFile(source, message));
    }

    void problem(Loc loc, String message) {
      problems.add(new Problem(source, loc.line(), loc.column(), "", message));
    }

    void problem(Loc loc, DocPath at, String message) {
      problems.add(new Problem(source, loc.line(), loc.column(), at.toString(), message));
    }
  }

  static String tooLarge(long size) {
    return String.format(Locale.ROOT,
        "file is too large: %,d bytes, the limit is %,d bytes (4 MiB)", size, MAX_BYTES);
  }
}
