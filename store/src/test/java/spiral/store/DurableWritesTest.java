package spiral.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On H2 a write returns only after the file was synced; concurrent writers share the syncs. */
class DurableWritesTest {
  @TempDir Path tmp;

  @Test
  void everyWriteIsFollowedByASyncOfTheFile() {
    try (Database db = Database.open(Database.h2Url(tmp), null, null)) {
      long before = db.syncs();
      long facilitator = db.accounts().create("fac", "not-a-hash", Role.FACILITATOR, 1).orElseThrow().id();
      assertThat(db.syncs()).isEqualTo(before + 1);
      db.scenarios().create(facilitator, "s", "S", "x: 1", ScenarioFacts.UNKNOWN);
      db.jobs().interruptUnfinished();
      assertThat(db.syncs()).isEqualTo(before + 3);
      // reads do not sync
      db.accounts().get(facilitator);
      db.scenarios().list();
      assertThat(db.syncs()).isEqualTo(before + 3);
    }
  }

  @Test
  void concurrentWritersAreAllDurableWithFewerSyncsThanWrites() throws Exception {
    try (Database db = Database.open(Database.h2Url(tmp), null, null)) {
      long owner = db.accounts().create("owner", "not-a-hash", Role.FACILITATOR, 1).orElseThrow().id();
      long before = db.syncs();
      int threads = 8;
      int each = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int tt = t;
          fs.add(pool.submit(() -> {
            for (int i = 0; i < each; i++) {
              db.scenarios().create(owner, "s" + tt + "-" + i, "S", "x: " + i, ScenarioFacts.UNKNOWN);
            }
          }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      long syncs = db.syncs() - before;
      assertThat(db.scenarios().list()).hasSize(threads * each);
      assertThat(syncs).isBetween(1L, (long) threads * each);
    }
  }
}
