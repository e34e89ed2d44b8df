package spiral.server;

import java.nio.file.Path;

/**
 * Runs a server in its own process for {@link RestartTest} and {@link KillDuringPlayTest}: prints
 * "port N", then serves until killed. Arguments: the data folder, then optionally a JDBC URL and
 * its user (the H2 file in the data folder otherwise).
 */
final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Server server = new Server();
    ServerConfig config = ServerConfig.local(0, Path.of(args[0])).withJobs(1, 1, 10)
        .withAdminPassword(Http.ADMIN_PASSWORD).withMaxRunsPerJob(JobSpec.MAX_RUNS);
    if (args.length > 1) {
      config = config.withDatabase(args[1], args.length > 2 ? args[2] : null, null);
    }
    int port = server.start(config);
    System.out.println("port " + port);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
