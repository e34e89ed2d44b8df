package spiral.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable moves per second on an H2 file: {@link GameStore#addMove} from 1 and from 8 threads
 * (each on its own game) for {@value #SECONDS} s each; prints the rates. A measurement, not a
 * check: run it with {@code ./mvnw -B -pl store verify -Dtest=none -Dit.test=MoveThroughputTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class MoveThroughputTest {
  static final long SECONDS = 5;
  @TempDir Path tmp;

  @Test
  void durableMovesPerSecond() throws Exception {
    try (Database db = Database.open(Database.h2Url(tmp), null, null)) {
      long fac = db.accounts().create("fac", "not-a-hash", Role.FACILITATOR, 1).orElseThrow().id();
      for (int threads : new int[] {1, 8, 1, 8}) {
        long[] games = new long[threads];
        for (int t = 0; t < threads; t++) {
          Map<String, String> seats = new LinkedHashMap<>();
          seats.put("red", null);
          games[t] = db.games().create(new NewGame("g", "s", "S", "yaml: " + t, 1, "sides", fac, seats)).id();
        }
        AtomicLong moves = new AtomicLong();
        long syncs = db.syncs();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
          long game = games[t];
          ts[t] = new Thread(() -> {
            for (int turn = 0; System.nanoTime() < end; turn++) {
              db.games().addMove(game, turn, "red", "hold", null);
              moves.incrementAndGet();
            }
          });
          ts[t].start();
        }
        for (Thread th : ts) {
          th.join();
        }
        System.out.printf("MoveThroughputTest: %d thread(s): %.0f moves/s, %d fsyncs%n", threads,
            moves.get() / (double) SECONDS, db.syncs() - syncs);
        assertThat(moves.get()).isPositive();
      }
    }
  }
}
