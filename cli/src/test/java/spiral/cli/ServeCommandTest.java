package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spiral serve}: its options, and (black box, its own process) that it starts and answers. */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void badOptionsAreBadInput() {
    Cli r = Cli.run("serve", "--db", "jdbc:mysql://localhost/x", "--data", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--db").contains("jdbc:postgresql://");
    assertThat(Cli.run("serve", "--port", "70000").code()).isEqualTo(2);
    assertThat(Cli.run("serve", "--jobs", "0").code()).isEqualTo(2);
    assertThat(Cli.run("serve", "--signups-per-hour", "0").code()).isEqualTo(2);
    assertThat(Cli.run("serve", "--max-connections-per-address", "0").code()).isEqualTo(2);
    Cli proxy = Cli.run("serve", "--trusted-proxy", "127.0.0.1,proxy.example", "--data", tmp.toString());
    assertThat(proxy.code()).isEqualTo(2);
    assertThat(proxy.err()).contains("--trusted-proxy").contains("proxy.example");
    assertThat(Cli.run("serve", "--max-runs-per-job", "0").code()).isEqualTo(2);
    assertThat(Cli.run("serve", "--jobs-per-account", "0").code()).isEqualTo(2);
    assertThat(Cli.run("serve", "--facilitator-runs-per-job", "0").code()).isEqualTo(2);
    // jobs never take every core: one is left for requests
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores > 1) {
      assertThat(Cli.run("serve", "--threads", Integer.toString(cores)).code()).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableDatabaseIsARunTimeFailureWithoutAStackTrace() {
    Cli r = Cli.run("serve", "--port", "0", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--data", tmp.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot open the database jdbc:postgresql://127.0.0.1:1/none")
        .doesNotContain("\tat ");
  }

  @Test
  void helpNamesTheOptions() {
    Cli r = Cli.run("serve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--port", "--host", "--db", "--db-user", "--db-password", "--data", "--signups-per-hour", "/api/docs",
        "--max-connections-per-address", "--trusted-proxy", "X-Forwarded-For", "--max-runs-per-job",
        "--jobs-per-account", "--facilitator-runs-per-job");
  }

  @Test
  @Tag("slow")
  void servePortZeroStartsPrintsItsUrlAndAnswers() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path data = tmp.resolve("data");
    Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0", "--data", data.toString()))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)").matcher(String.valueOf(line));
      assertThat(m.find()).as(line).isTrue();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode j = Output.JSON.readTree(r.body());
      assertThat(j.get("name").asText()).isEqualTo("spiral");
      assertThat(Files.exists(data.resolve("spiral.mv.db"))).isTrue();
      // a first start creates the facilitator 'admin' and shows its generated password once
      String password = null;
      for (String l = out.readLine(); l != null && !l.startsWith("Press Ctrl-C"); l = out.readLine()) {
        Matcher pw = Pattern.compile("account 'admin' with the password (\\S+) ").matcher(l);
        if (pw.find()) {
          password = pw.group(1);
        }
      }
      assertThat(password).as("the generated admin password is shown").isNotNull();
      HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/scenarios"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/auth/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\"" + password + "\"}"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      HttpResponse<String> listed = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/scenarios"))
          .header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
