package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.store.JobStore;

/** The bounded job queue, and what a graceful stop does to unfinished jobs. */
class JobQueueTest {
  @TempDir Path tmp;

  @Test
  void aFullQueueIsRefusedWith503AndAStopMarksUnfinishedJobsInterrupted() throws Exception {
    Server server = new Server();
    long running;
    long queued;
    try {
      Http http = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 1, 1)
          .withAdminPassword(Http.ADMIN_PASSWORD).withMaxRunsPerJob(JobSpec.MAX_RUNS))).admin();
      String big = "{\"kind\":\"simulate\",\"scenario\":\"rand-a-satellite\",\"runs\":1000000000}";
      running = http.post("/api/jobs", big).json().get("id").asLong();
      long end = System.nanoTime() + 60_000_000_000L;
      while (!http.get("/api/jobs/" + running).json().get("state").asText().equals("running")
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      Http.Res second = http.post("/api/jobs", big);
      assertThat(second.status()).isEqualTo(202);
      queued = second.json().get("id").asLong();
      Http.Res third = http.post("/api/jobs", big);
      ApiContract.cleanError(third, 503);
      assertThat(third.json().get("error").asText()).isEqualTo("busy");
      JsonNode refused = http.get("/api/jobs?limit=1").json().get("jobs").get(0);
      assertThat(refused.get("state").asText()).isEqualTo("failed");
    } finally {
      server.stop();
    }
    Server again = new Server();
    try {
      Http http = Http.on(again.start(ServerConfig.local(0, tmp))).admin();
      assertThat(again.interruptedAtStart()).isZero();
      for (long id : new long[] {running, queued}) {
        JsonNode j = http.get("/api/jobs/" + id).json();
        assertThat(j.get("state").asText()).isEqualTo("failed");
        assertThat(j.get("error").asText()).isEqualTo(JobStore.INTERRUPTED);
      }
    } finally {
      again.stop();
    }
  }
}
