package spiral.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the submit jars carry: Spiral's classes and, relocated under {@code spiral.shaded}, every
 * library they bring (Jackson, SnakeYAML, the schema validator, Commons Math), so that none can
 * clash with the versions a Spark cluster ships; never Spark or Scala. Tagged slow only because
 * it reads the jars the package phase builds (it takes a second).
 */
@Tag("slow")
class SubmitJarsTest {
  /** The submit jars of each Spark line, built by the spark, spark35 and spark35-scala213 modules. */
  static List<Path> jars() {
    Path root = Path.of("").toAbsolutePath().getParent();
    return List.of(
        root.resolve("spark/target/spiral-spark-spark4_"
            + System.getProperty("scala.binary.version", "2.13") + ".jar"),
        root.resolve("spark35/target/spiral-spark-spark35_"
            + System.getProperty("spark35.scala.binary.version", "2.12") + ".jar"),
        root.resolve("spark35-scala213/target/spiral-spark-spark35_2.13.jar"));
  }

  /** Names of libraries a Spark distribution also ships, as they appear in class files. */
  static final List<String> SHIPPED_BY_SPARK = List.of("com/fasterxml/jackson", "org/yaml/snakeyaml",
      "org/apache/commons/math3", "com.fasterxml.jackson", "org.yaml.snakeyaml", "org.apache.commons.math3");

  /**
   * Texts in the libraries' classes that name a library but are no reference to its classes: an
   * error message of Jackson's, and the path of a data file Commons Math reads, bundled as it is.
   */
  static final List<String> HARMLESS = List.of(
      "'com.fasterxml.jackson.databind.ser.std.StdSerializer'",
      "/assets/org/apache/commons/math3/");

  @ParameterizedTest
  @MethodSource("jars")
  void everyClassIsSpiralsOrRelocated(Path jar) throws IOException {
    assertThat(jar).as("built in the package phase").isRegularFile();
    List<String> outside = new ArrayList<>();
    List<String> unrelocated = new ArrayList<>();
    try (JarFile f = new JarFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(f.entries())) {
        String name = e.getName();
        if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
          String service = name.substring("META-INF/services/".length());
          if (!service.startsWith("spiral.")) {
            outside.add(name);
          }
        }
        if (name.startsWith("META-INF/versions/")) {
          outside.add(name);
        }
        if (!name.endsWith(".class")) {
          continue;
        }
        if (!name.startsWith("spiral/")) {
          outside.add(name);
          continue;
        }
        String text;
        try (InputStream in = f.getInputStream(e)) {
          text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String harmless : HARMLESS) {
          text = text.replace(harmless, "");
        }
        for (String lib : SHIPPED_BY_SPARK) {
          String relocated = lib.contains("/") ? "spiral/shaded/" + lib : "spiral.shaded." + lib;
          if (count(text, lib) > count(text, relocated)) {
            unrelocated.add(name + " names " + lib);
          }
        }
      }
      assertThat(f.getEntry("spiral/spark/SweepJob.class")).isNotNull();
      assertThat(f.getEntry("spiral/shaded/com/fasterxml/jackson/databind/ObjectMapper.class")).isNotNull();
      assertThat(f.getEntry("spiral/shaded/com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class")).isNotNull();
      assertThat(f.getEntry("spiral/shaded/org/yaml/snakeyaml/Yaml.class")).isNotNull();
    }
    assertThat(outside).as("classes and services outside spiral/ (unrelocated, or Spark's)").isEmpty();
    assertThat(unrelocated).as("classes that refer to a library Spark ships by its own name").isEmpty();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
