package spiral.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads request bodies: at most a fixed number of bytes (413 beyond), strict UTF-8, JSON objects
 * nested at most {@value #MAX_DEPTH} deep with no duplicate keys, and typed fields with messages
 * that name the field and the offending value. Nothing of the parser's internals reaches a message.
 */
final class Bodies {
  /** The deepest nesting a request may have. */
  static final int MAX_DEPTH = 32;

  static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(2 << 20)
          .maxNumberLength(40)
          .build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final long limit;

  Bodies(long limit) {
    this.limit = limit;
  }

  /** The body's bytes, or 413 when it is larger than the limit. */
  byte[] bytes(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      if (declared <= DRAIN_FACTOR * limit) {
        drain(ctx);
      }
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (b.length > limit) {
        throw tooLarge();
      }
      return b;
    } catch (IOException e) {
      throw new ApiException(400, "bad_request", "the request body could not be read");
    }
  }

  /** Bodies up to this many times the limit are read and dropped before the 413. */
  static final long DRAIN_FACTOR = 8;

  /**
   * Reads and drops a refused body, so that the 413 is not lost: answering and closing while the
   * client is still writing can reach the client as a connection reset instead of the answer.
   */
  private static void drain(Context ctx) {
    try (InputStream in = ctx.bodyInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      // the answer is 413 either way
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "too_large",
        "the request body is larger than the limit of " + limit + " bytes");
  }

  /** The body as UTF-8 text. */
  String text(Context ctx) {
    return utf8(bytes(ctx));
  }

  static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("the request body is not UTF-8 text");
    }
  }

  /** The body as a JSON object. */
  ObjectNode object(Context ctx) {
    return object(bytes(ctx));
  }

  /**
   * A body's bytes as a JSON object.
   *
   * @throws ApiException 400 when the bytes are not UTF-8, not JSON, nested too deeply, have a
   *     duplicate key or a too long string or number, or hold a JSON value other than an object
   */
  static ObjectNode object(byte[] body) {
    String text = utf8(body);
    if (text.isBlank()) {
      throw ApiException.badRequest("the request body is empty: a JSON object was expected");
    }
    JsonNode n;
    try {
      n = READER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ApiException(400, "malformed_json", "malformed JSON" + where + ": " + reason(e));
    }
    if (!(n instanceof ObjectNode o)) {
      throw ApiException.badRequest("the request body must be a JSON object, was " + kind(n));
    }
    return o;
  }

  /** A parser's complaint in a few words, without class names or the input echoed. */
  private static String reason(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("Duplicate field")) {
      return "a key appears twice in one object";
    }
    if (m.contains("length") && m.contains("exceeds")) {
      return "a string or number is too long";
    }
    if (m.contains("end-of-input") || m.contains("Unexpected end")) {
      return "the text ends too early";
    }
    if (m.contains("Trailing token")) {
      return "more text follows the JSON value";
    }
    return "not valid JSON text";
  }

  static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "missing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "the number " + n.asText();
      case BOOLEAN -> n.asText();
      case NULL -> "null";
      default -> "not a JSON value";
    };
  }

  /** Fails with 400 when the object has a key outside {@code known}. */
  static void onlyKeys(ObjectNode o, String where, Set<String> known) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw ApiException.badRequest(where + "unknown key '" + clip(k) + "' (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  /** A required string field. */
  static String string(ObjectNode o, String key) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      throw ApiException.badRequest(key + ": missing");
    }
    if (!n.isTextual()) {
      throw ApiException.badRequest(key + ": expected a string, was " + kind(n));
    }
    return n.asText();
  }

  /** An optional integer field within [min, max]. */
  static long integer(ObjectNode o, String key, long dflt, long min, long max) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw ApiException.badRequest(key + ": expected an integer, was " + clip(kind(n)));
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw ApiException.badRequest(key + ": must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }

  /** An optional boolean field. */
  static boolean bool(ObjectNode o, String key) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ApiException.badRequest(key + ": expected true or false, was " + clip(kind(n)));
    }
    return n.asBoolean();
  }

  /** At most 60 characters of a value, for messages. */
  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }
}
