package spiral.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import spiral.store.Database;

/**
 * Fuzzes the body of {@code POST /api/jobs}: {@link Bodies#object(byte[])} then {@link
 * JobSpec#read}, as the handler does, without HTTP. The catalog is the built-ins and, as {@code
 * 1}, a small stored scenario, in an in-memory H2 database.
 *
 * <p>Contract: a {@link JobSpec}, or an {@link ApiException} with a 4xx status (400 for a bad
 * body or job, 404 for an unknown scenario); nothing else escapes (see {@link BodyContract}).
 * Seeds: {@code JobSpecFuzzTestInputs/jobSpec}.
 */
@Tag("fuzz")
class JobSpecFuzzTest {
  static final String SMALL = """
      id: small
      ladder:
        id: tiny
        thresholds: {directWar: 3, nuclear: 4, strategic: 5}
        rungs:
          - {level: 0, name: status quo}
          - {level: 1, name: alert}
          - {level: 2, name: sanctions}
          - {level: 3, name: conventional strike}
          - {level: 4, name: nuclear demonstration}
          - {level: 5, name: strategic exchange}
      actors:
        - id: red
          side: initiator
        - id: blue
          side: responder
      targets:
        - id: depot
          owner: blue
      initiatingEvent:
        attacker: red
        targets: [depot]
        rung: 3
      """;

  private static final Catalog CATALOG = catalog();

  private static Catalog catalog() {
    Database db = Database.open("jdbc:h2:mem:fuzz-jobs;DB_CLOSE_DELAY=-1", null, null);
    if (db.scenarios().list().isEmpty()) {
      long owner = db.accounts()
          .create("fuzz", "not-a-hash", spiral.store.Role.FACILITATOR, 1).orElseThrow().id();
      db.scenarios().create(owner, "small", "small", SMALL, spiral.store.ScenarioFacts.UNKNOWN);
    }
    return new Catalog(db.scenarios());
  }

  @DictionaryEntries({"\"kind\"", "\"simulate\"", "\"options\"", "\"negotiate\"", "\"sweep\"",
      "\"scenario\"", "\"1\"", "\"rand-d-ports\"", "\"ukraine-2022-talks\"", "\"seed\"",
      "\"runs\"", "\"paths\"", "\"robust\"", "\"samples\"", "\"sampleRuns\"", "\"month\"",
      "\"window\"", "\"parameters\"", "\"design\"", "\"outputs\"", "\"path\"", "\"min\"",
      "\"max\"", "\"values\"", "\"type\"", "\"points\"", "\"levels\"", "\"lhs\"", "\"factorial\"",
      "\"saltelli\"", "\"nuclearUse\"", "\"actors.red.resolve\"", "null", "true", "1e400",
      "9223372036854775808", ": ", ", ", "{", "}", "[", "]"})
  @FuzzTest(maxDuration = "60s")
  void jobSpec(byte[] body) {
    BodyContract.acceptsOrRefuses(() -> JobSpec.read(Bodies.object(body), CATALOG,
        JobSpec.RunLimit.server(1_000_000_000_000L), new spiral.store.Visibility(0, true)));
  }
}
