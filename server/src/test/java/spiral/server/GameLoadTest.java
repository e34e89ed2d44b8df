package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test on loopback, bounded in time: 50 tables of 4 human seats play games of
 * rand-b-depot seated by faction, 200 player sessions polling their seats and moving, without
 * pause, from a pool of client threads with {@link java.net.http.HttpClient}; when a table's game
 * ends, the facilitator opens the next one and the four claim their seats again. Small simulation
 * jobs are submitted and polled meanwhile, one at a time. For {@value #PLAY_SECONDS} s every
 * answer must be a success (zero errors); the throughput and the latency quantiles are printed
 * and written to {@code target/game-load.txt}. The driver ({@link GameLoad}) is also the load
 * benchmark command, which plays at a human pace.
 */
@Tag("slow")
class GameLoadTest {
  static final int GAMES = 50;
  static final int CLIENT_THREADS = 48;
  static final long PLAY_SECONDS = 30;

  @TempDir Path tmp;

  @Test
  void fiftyGamesOfFourSeatsAndJobsRunWithZeroErrors() throws Exception {
    Server server = new Server();
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 2, 100)
        .withAdminPassword(Http.ADMIN_PASSWORD)));
    try {
      // one client thread polls the single job account's job (5,000 runs) every 100 ms; the others play
      GameLoad.Report report = new GameLoad(anonymous.admin(),
          new GameLoad.Options(GAMES, PLAY_SECONDS, 0, CLIENT_THREADS - 1, 1, 1, 5000, 100)).run();
      String text = report.text();
      System.out.print(text);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "game-load.txt"), text, StandardCharsets.UTF_8);
      assertThat(report.errors()).as("errors: " + report.errorSamples()).isEmpty();
      assertThat(report.gamesFinished()).as("games finished").isGreaterThanOrEqualTo(GAMES);
      assertThat(report.jobsDone()).as("jobs done").isGreaterThan(0);
    } finally {
      server.stop();
    }
  }
}
