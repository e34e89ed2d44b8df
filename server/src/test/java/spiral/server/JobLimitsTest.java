package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with the default limits refuses, up front and with a 400 JSON error, a job asking for
 * more runs than {@code --max-runs-per-job} and a sweep design larger than a job may have, the
 * latter without building the design.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobLimitsTest {
  @TempDir static Path tmp;
  private Server server;
  private Http http;

  @BeforeAll
  void start() {
    server = new Server();
    http = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 1, 10)
        .withAdminPassword(Http.ADMIN_PASSWORD))).admin();
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  private double seconds;

  private Http.Res refused(String body, String... says) {
    long t0 = System.nanoTime();
    Http.Res r = http.post("/api/jobs", body);
    seconds = (System.nanoTime() - t0) / 1e9;
    ApiContract.cleanError(r, 400);
    assertThat(r.json().get("error").asText()).isEqualTo("bad_request");
    assertThat(r.json().get("message").asText()).contains(says);
    System.out.printf("JobLimitsTest: refused in %.3f s: %s%n", seconds, r.json().get("message").asText());
    return r;
  }

  @Test
  void aJobAskingForMoreRunsThanTheLimitIsRefused() {
    refused("{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":1000000000}",
        "runs: 1000000000", "at most 1000000 per job");
    refused("{\"kind\":\"options\",\"scenario\":\"rand-d-ports\",\"runs\":1000001}", "at most 1000000 per job");
    refused("{\"kind\":\"options\",\"scenario\":\"rand-d-ports\",\"runs\":100,\"robust\":true,\"samples\":1000,"
        + "\"sampleRuns\":10000}", "sampleRuns: 1000 samples × 10000 runs");
    refused("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":1000,\"parameters\":"
        + "[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5}],\"design\":{\"type\":\"lhs\",\"points\":2000},\"outputs\":[\"nuclearUse\"]}",
        "2000 points × 1000 runs");
    assertThat(http.get("/api/jobs").json().get("jobs")).as("nothing was queued").isEmpty();
    Http.Res ok = http.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":1000000}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    assertThat(http.delete("/api/jobs/" + ok.json().get("id").asLong()).status()).isIn(200, 409);
  }

  @Test
  void anOversizedSweepDesignIsRefusedBeforeItIsBuilt() {
    // 5,000,000 Latin-hypercube points of 2 parameters: within a sweep file's limit (10^7 values),
    // far beyond a job's (100,000 points); building them took 2.3 s here (14.7 s elsewhere) before
    // the check, which now reads the size off the design's parameters. Warmed up first.
    refused("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":1,\"parameters\":"
        + "[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5}],"
        + "\"design\":{\"type\":\"lhs\",\"points\":100001},\"outputs\":[\"nuclearUse\"]}", "at most 100000");
    Http.Res r = refused("{\"kind\":\"sweep\",\"scenario\":\"rand-d-ports\",\"runs\":1,\"parameters\":"
        + "[{\"path\":\"actors.russia.rationality\",\"min\":1,\"max\":5},"
        + "{\"path\":\"alliances.nato-alliance.commitmentCredibility\",\"min\":0.6,\"max\":1.0}],"
        + "\"design\":{\"type\":\"lhs\",\"points\":5000000},\"outputs\":[\"nuclearUse\"]}", "design: 5000000 points", "at most 100000");
    assertThat(r.status()).isEqualTo(400);
    assertThat(seconds).as("seconds to refuse a design of 10^7 values").isLessThan(1.0);
  }
}
