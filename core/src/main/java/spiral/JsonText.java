package spiral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The one way Spiral writes its result records as JSON: Jackson's record mapping, indented, with
 * a final line end. The command line's {@code --format json} and the server's stored results both
 * use it, so that a result fetched from the server is the same text as the command's output but
 * for the {@code provenance} object the command line adds last ({@link Provenance}).
 *
 * <p>Cost: linear in the size of the result. Thread-safe.
 */
public final class JsonText {
  /** The mapper (indented output); shared, do not reconfigure. */
  public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonText() {}

  /** The value as indented JSON text ending in a line end. */
  public static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
