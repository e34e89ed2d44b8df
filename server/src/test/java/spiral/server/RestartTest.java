package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.store.JobStore;

/**
 * Kills a server process (SIGKILL, no shutdown hook) in the middle of a running job, starts a new
 * server on the same H2 file, and checks that the stored result is intact and the interrupted
 * jobs are marked so.
 */
@Tag("slow")
class RestartTest {
  @TempDir Path tmp;

  @Test
  void aKilledServerLosesNoStoredResultAndItsUnfinishedJobsAreMarkedInterrupted() throws Exception {
    Path data = tmp.resolve("data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ServerMain.class.getName(), data.toString())).redirectErrorStream(true).start();
    JsonNode first;
    long running;
    long queued;
    Http before;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the child server's first line").startsWith("port ");
      Http http = Http.on(Integer.parseInt(line.substring(5).trim())).admin();
      before = http;

      long done = submit(http, "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":2000,\"seed\":9}");
      JsonNode j = http.await(done, 120);
      assertThat(j.get("state").asText()).isEqualTo("done");
      first = http.get("/api/results/" + j.get("resultId").asLong()).json();

      running = submit(http, "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":1000000000}");
      queued = submit(http, "{\"kind\":\"options\",\"scenario\":\"rand-d-ports\",\"runs\":1000}");
      long end = System.nanoTime() + 60_000_000_000L;
      do {
        Thread.sleep(50);
        j = http.get("/api/jobs/" + running).json();
      } while (!(j.get("state").asText().equals("running") && j.get("progress").asDouble() > 0)
          && System.nanoTime() < end);
      assertThat(j.get("state").asText()).isEqualTo("running");
      assertThat(http.get("/api/jobs/" + queued).json().get("state").asText()).isEqualTo("queued");
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Server again = new Server();
    try {
      Http anonymous = Http.on(again.start(ServerConfig.local(0, data)));
      // the session opened before the kill is still good: sessions live in the database
      Http http = new Http(anonymous.base(), before.cookie(), before.csrf());
      assertThat(http.get("/api/auth/me").json().get("name").asText()).isEqualTo("admin");
      assertThat(again.generatedAdminPassword()).as("no second admin on restart").isEmpty();
      assertThat(again.interruptedAtStart()).isEqualTo(2);
      for (long id : new long[] {running, queued}) {
        JsonNode j = http.get("/api/jobs/" + id).json();
        assertThat(j.get("state").asText()).isEqualTo("failed");
        assertThat(j.get("error").asText()).isEqualTo(JobStore.INTERRUPTED);
        assertThat(j.get("resultId").isNull()).isTrue();
      }
      JsonNode results = http.get("/api/results").json().get("results");
      assertThat(results.size()).isEqualTo(1);
      JsonNode stored = http.get("/api/results/" + first.get("id").asLong()).json();
      assertThat(stored.get("intact").asBoolean()).isTrue();
      assertThat(stored).isEqualTo(first);

      Http.Res rerun = http.post("/api/results/" + first.get("id").asLong() + "/rerun", "");
      assertThat(rerun.status()).isEqualTo(202);
      JsonNode j = http.await(rerun.json().get("id").asLong(), 120);
      assertThat(j.get("state").asText()).isEqualTo("done");
      assertThat(http.get("/api/results/" + j.get("resultId").asLong()).json().get("result"))
          .isEqualTo(first.get("result"));
    } finally {
      again.stop();
    }
  }

  private static long submit(Http http, String body) {
    Http.Res r = http.post("/api/jobs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asLong();
  }
}
