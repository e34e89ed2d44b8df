package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import spiral.store.Database;

class JobSpecTest {
  private static JobSpec read(String body, Catalog catalog) {
    return JobSpec.read(Bodies.object(body.getBytes(StandardCharsets.UTF_8)), catalog,
        JobSpec.RunLimit.server(Long.MAX_VALUE), new spiral.store.Visibility(0, true));
  }

  /**
   * Found while writing the job fuzz target: a sweep job's points were all made (up to 10^7
   * values, seconds and hundreds of megabytes) before their number was compared with the limit.
   */
  @Test
  void aSweepJobOverThePointLimitIsRefusedByCountingItsPoints() {
    try (Database db = Database.open("jdbc:h2:mem:jobspec-test;DB_CLOSE_DELAY=-1", null, null)) {
      Catalog catalog = new Catalog(db.scenarios());
      String sweep = "{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"parameters\":"
          + "[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5}],"
          + "\"design\":{\"type\":\"sobol-sequence\",\"points\":POINTS},\"outputs\":[\"nuclearUse\"]}";
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> read(sweep.replace("POINTS", "10000000"), catalog))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(400))
          .hasMessageContaining("design: 10000000 points; a sweep job may have at most 100000");
      assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
      assertThat(read(sweep.replace("POINTS", "100000"), catalog).kind()).isEqualTo("sweep");
    }
  }
}
