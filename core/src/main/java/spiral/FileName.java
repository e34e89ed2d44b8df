package spiral;

/**
 * An enum constant with its spelling in scenario files ({@code titForTat} for {@code
 * TIT_FOR_TAT}).
 */
public interface FileName {
  /** The scenario-file spelling. */
  String fileName();

  /**
   * The constant of {@code type} spelled {@code text} in scenario files.
   *
   * @param what what the constants are, for the message ("policy")
   * @throws IllegalArgumentException naming the text when no constant has that spelling
   */
  static <E extends Enum<E> & FileName> E parse(Class<E> type, String text, String what) {
    for (E e : type.getEnumConstants()) {
      if (e.fileName().equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + text + "'");
  }
}
