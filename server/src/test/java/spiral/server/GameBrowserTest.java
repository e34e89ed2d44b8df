package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Two players play a wargame turn from two browser sessions (two headless Chromiums, two
 * cookies): each opens its invitation link, signs up, takes its seat and moves when its turn
 * comes; each sees the turn advance, and neither page ever shows the other side's candidates.
 * Skips where Chromium or chromedriver is missing.
 */
@Tag("browser")
@Tag("slow")
class GameBrowserTest extends LiveServer {
  static final String PASSWORD = "player-password-1";
  static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeEach
  void needsBrowser() {
    Browser.assumeAvailable();
  }

  /** Opens an invitation link logged out, signs up on the login page, and takes the seat. */
  private void join(Browser b, String token, String name) {
    b.open(base + "/#/join/" + token);
    b.waitFor("#register-form");
    b.type("#register-form input[name=name]", name);
    b.type("#register-form input[name=password]", PASSWORD);
    b.click("#register-form button[type=submit]");
    b.waitFor("#take-seat", WAIT);
    b.click("#take-seat");
    b.waitFor("#game-status", WAIT);
  }

  /** Waits for the move form, picks the first candidate that is not hold or de-escalate, submits. */
  private String move(Browser b) {
    b.waitFor("#move-form", WAIT);
    // each move says what the side would do, in words from its own side; the status names the actor
    assertThat(b.text("#candidates tbody tr:first-child td.act")).isNotBlank();
    assertThat(b.text("#game-status")).containsAnyOf("Russia to move", "United States to move");
    WebAppBrowserTest.accessible(b, "a seat's move form");
    // outside a teaching game a player chooses without the engine's utilities
    assertThat(b.text("#candidates thead")).doesNotContainIgnoringCase("utility");
    List<WebElement> radios = b.driver().findElements(By.cssSelector("#move-form input[name=option]"));
    assertThat(radios).isNotEmpty();
    WebElement pick = radios.stream()
        .filter(r -> !List.of("hold", "deescalate").contains(r.getAttribute("value")))
        .findFirst().orElse(radios.get(0));
    String option = pick.getAttribute("value");
    pick.click();
    b.click("#submit-move");
    b.waitFor("#moved, #waiting, #game-status.ok", WAIT);
    return option;
  }

  /** The ids and names of a seat's candidates, as its holder's API session sees them. */
  private static List<String> candidates(Http player, long game, String seat) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : GamePlay.seat(player, game, seat).path("view").path("choices")) {
      String id = c.path("id").asText();
      if (!id.equals("hold") && !id.equals("deescalate")) {
        out.add(id);
        if (c.hasNonNull("name")) {
          out.add(c.get("name").asText());
        }
      }
    }
    return out;
  }

  @Test
  void aFacilitatorOpensAGameAndCopiesTheInvitationLinks() {
    try (Browser b = new Browser()) {
      b.open(base + "/");
      b.type("#login-form input[name=name]", "admin");
      b.type("#login-form input[name=password]", Http.ADMIN_PASSWORD);
      b.click("#login-form button[type=submit]");
      b.waitForText("#account .who", "admin", WAIT);
      b.open(base + "/#/games/new");
      b.waitFor("#game-seats table", WAIT);
      assertThat(b.driver().findElement(org.openqa.selenium.By.id("game-teaching")).isSelected()).isFalse();
      b.click("#create-game");
      b.waitFor("#invites", WAIT);
      WebAppBrowserTest.accessible(b, "a new game's invitations");
      assertThat(b.count("#invites input.invite-link")).isEqualTo(2);
      assertThat(b.count("#invites button.copy-link")).isEqualTo(2);
      b.click("#invites button.copy-link");
      b.waitFor("#invites button.copy-link[data-copied]", WAIT);
      assertThat(b.text("#invites button.copy-link[data-copied]")).isIn("Copied", "Select and copy");
      assertThat(b.consoleErrors()).isEmpty();
    }
  }

  @Test
  void twoPlayersPlayATurnEachFromTheirOwnBrowsers() throws Exception {
    Http admin = anonymous.admin();
    JsonNode opened = GamePlay.open(admin, "{\"scenario\":\"rand-b-depot\",\"seating\":\"sides\","
        + "\"seed\":3,\"title\":\"Browser game\"}");
    long id = opened.get("id").asLong();
    try (Browser blue = new Browser(); Browser red = new Browser()) {
      join(blue, GamePlay.token(opened, "usa"), "blue-browser");
      join(red, GamePlay.token(opened, "russia"), "red-browser");
      Http blueApi = anonymous.login("blue-browser", PASSWORD);
      Http redApi = anonymous.login("red-browser", PASSWORD);
      JsonNode g = admin.get("/api/games/" + id).json();
      int turn = g.get("turn").asInt();
      // the side to move plays first, the other waits and then sees the turn advance
      boolean blueFirst = g.get("awaiting").get(0).asText().equals("usa");
      Browser first = blueFirst ? blue : red;
      Browser second = blueFirst ? red : blue;
      List<String> blueSecrets = new ArrayList<>();
      List<String> redSecrets = new ArrayList<>();
      second.waitFor("#waiting", WAIT);
      (blueFirst ? blueSecrets : redSecrets).addAll(candidates(blueFirst ? blueApi : redApi, id,
          blueFirst ? "usa" : "russia"));
      move(first);
      second.waitForText("#game-status", "Turn " + (turn + 1), WAIT);
      (blueFirst ? redSecrets : blueSecrets).addAll(candidates(blueFirst ? redApi : blueApi, id,
          blueFirst ? "russia" : "usa"));
      move(second);
      first.waitForText("#game-status", "Turn " + (turn + 2), WAIT);
      second.waitForText("#game-status", "Turn " + (turn + 2), WAIT);
      assertThat(admin.get("/api/games/" + id).json().get("turn").asInt()).isEqualTo(turn + 2);
      // neither page shows the other side's candidates (Blue's are fixed for the game: its options)
      // (the ladder is public: a move is told by its rung's act, which may share words with an
      // option id, "grey-zone hostility against the opponent")
      String redPage = withoutLadderActs(red.driver().getPageSource());
      String bluePage = withoutLadderActs(blue.driver().getPageSource());
      for (String s : blueSecrets) {
        assertThat(redPage).as("Red's page shows Blue's %s", s).doesNotContain(s);
      }
      for (String s : redSecrets) {
        assertThat(bluePage).as("Blue's page shows Red's %s", s).doesNotContain(s);
      }
      assertThat(red.consoleErrors()).isEmpty();
      assertThat(blue.consoleErrors()).isEmpty();
    }
  }

  /** The page without the ladder's public act texts. */
  private static String withoutLadderActs(String page) throws Exception {
    spiral.ladder.Ladder ladder = spiral.scenario.ScenarioLoader.resolve("rand-b-depot").ladder();
    for (int r = 0; r <= ladder.top(); r++) {
      page = page.replace(ladder.rung(r).act(), "");
    }
    return page;
  }
}
