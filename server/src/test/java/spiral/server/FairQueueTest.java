package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting jobs are served round-robin across accounts: with one job thread, an account that queued
 * three jobs does not hold back another account's one.
 */
class FairQueueTest {
  @TempDir Path tmp;
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void queuedJobsAreServedInTurnAcrossAccounts() throws Exception {
    server = new Server();
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 1, 100)
        .withAdminPassword(Http.ADMIN_PASSWORD).withMaxRunsPerJob(JobSpec.MAX_RUNS).withQuotas(10, JobSpec.MAX_RUNS)));
    Http admin = anonymous.admin();
    for (String name : new String[] {"fac-a", "fac-b"}) {
      assertThat(admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"the account password\","
          + "\"role\":\"facilitator\"}").status()).isEqualTo(201);
    }
    Http a = anonymous.login("fac-a", "the account password");
    Http b = anonymous.login("fac-b", "the account password");
    // the only job thread is busy until the blocker is cancelled
    long blocker = admin.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-a-satellite\",\"runs\":1000000000}")
        .json().get("id").asLong();
    long end = System.nanoTime() + 60_000_000_000L;
    while (!admin.get("/api/jobs/" + blocker).json().get("state").asText().equals("running") && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    String small = "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":200}";
    long a1 = a.post("/api/jobs", small).json().get("id").asLong();
    long a2 = a.post("/api/jobs", small).json().get("id").asLong();
    long a3 = a.post("/api/jobs", small).json().get("id").asLong();
    long b1 = b.post("/api/jobs", small).json().get("id").asLong();
    assertThat(admin.delete("/api/jobs/" + blocker).status()).isEqualTo(200);
    // one job thread: results are stored in the order the jobs ran
    long ra1 = result(a, a1);
    long rb1 = result(b, b1);
    long ra2 = result(a, a2);
    long ra3 = result(a, a3);
    assertThat(ra1).isLessThan(rb1);
    assertThat(rb1).as("b's one job runs before a's second").isLessThan(ra2);
    assertThat(ra2).isLessThan(ra3);
  }

  private static long result(Http owner, long job) {
    JsonNode j = owner.await(job, 120);
    assertThat(j.get("state").asText()).as(j.toString()).isEqualTo("done");
    return j.get("resultId").asLong();
  }
}
