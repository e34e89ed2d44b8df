package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import spiral.JsonText;
import spiral.io.ParquetResults;
import spiral.store.StoredResult;

/**
 * A stored sweep result's points as Apache Parquet, for {@code GET
 * /api/results/{id}/points.parquet}: the columns of the command line's {@code results.parquet}
 * ({@code point}, each parameter, {@code seed}, each output), written by the same code ({@link
 * ParquetResults}), so that a file downloaded from the web app reads as one written by {@code
 * spiral sweep}. Cost: one pass over the points and one temporary file.
 */
final class SweepPoints {
  private SweepPoints() {}

  /** The Parquet file's bytes. */
  static byte[] parquet(StoredResult s) throws IOException {
    if (!s.info().kind().equals("sweep")) {
      throw ApiException.notFound("result " + s.info().id() + " is a " + s.info().kind()
          + " result: only a sweep result has points to download as Parquet");
    }
    JsonNode r = JsonText.MAPPER.readTree(s.body());
    List<String> header = new ArrayList<>();
    header.add("point");
    r.path("parameters").forEach(n -> header.add(n.asText()));
    header.add("seed");
    r.path("outputs").forEach(n -> header.add(n.asText()));
    String seed = Long.toString(r.path("seed").asLong());
    List<String[]> rows = new ArrayList<>();
    for (JsonNode p : r.path("points")) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(p.path("point").asInt()));
      p.path("values").forEach(v -> row.add(Double.toString(v.asDouble())));
      row.add(seed);
      p.path("outputs").forEach(v -> row.add(Double.toString(v.asDouble())));
      rows.add(row.toArray(String[]::new));
    }
    Path dir = Files.createTempDirectory("spiral-points");
    try {
      Path file = dir.resolve(ParquetResults.FILE);
      ParquetResults.write(header.toArray(String[]::new), rows, file, "result " + s.info().id());
      return Files.readAllBytes(file);
    } finally {
      try (Stream<Path> left = Files.walk(dir)) {
        for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
