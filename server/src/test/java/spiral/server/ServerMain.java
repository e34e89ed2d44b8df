package spiral.server;

import java.nio.file.Path;

/** Runs a server in its own process for {@link RestartTest}: prints "port N", then serves until killed. */
final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Server server = new Server();
    int port = server.start(ServerConfig.local(0, Path.of(args[0])).withJobs(1, 1, 10)
        .withAdminPassword(Http.ADMIN_PASSWORD));
    System.out.println("port " + port);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
