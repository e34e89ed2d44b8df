package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ownership, sharing, the admin's role, demotion and quotas against the real server: mixed into
 * each database's API test. The servers run with the quotas of {@link LiveServer}.
 */
interface OwnershipContract {
  Http anonymous();

  Http admin();

  /** A new account of {@code role}, made by the admin, logged in. */
  default Http account(String role) {
    String name = role.substring(0, 3) + "-" + System.nanoTime();
    Http.Res made = admin().post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"the account password\","
        + "\"role\":\"" + role + "\"}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return anonymous().login(name, "the account password");
  }

  default String name(Http h) {
    return h.get("/api/auth/me").json().get("name").asText();
  }

  @Test
  default void scenariosJobsAndResultsBelongToTheirCreatorAndAreSeenByOthersOnlyWhenShared() throws Exception {
    Http alice = account("facilitator");
    Http bob = account("facilitator");
    Http observer = account("observer");
    Http.Res stored = alice.post("/api/scenarios", "{\"yaml\":" + Http.quote(ApiContract.builtin("rand-b-depot")) + "}");
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    String sid = stored.json().get("id").asText();
    assertThat(stored.json().get("shared").asBoolean()).isFalse();
    Http.Res submitted = alice.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"" + sid + "\",\"runs\":500}");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
    long job = submitted.json().get("id").asLong();
    JsonNode done = alice.await(job, 120);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
    long result = done.get("resultId").asLong();

    // not shared: others see nothing of it, as if it did not exist
    for (Http other : List.of(bob, observer)) {
      ApiContract.cleanError(other.get("/api/scenarios/" + sid), 404);
      ApiContract.cleanError(other.get("/api/jobs/" + job), 404);
      ApiContract.cleanError(other.get("/api/results/" + result), 404);
      assertThat(ids(other.get("/api/scenarios?limit=1000").json().get("scenarios"))).doesNotContain(sid);
      assertThat(ids(other.get("/api/jobs").json().get("jobs"))).doesNotContain(Long.toString(job));
      assertThat(ids(other.get("/api/results").json().get("results"))).doesNotContain(Long.toString(result));
    }
    ApiContract.cleanError(bob.put("/api/scenarios/" + sid, "{\"yaml\":" + Http.quote(ApiContract.builtin("rand-b-depot")) + "}"), 404);
    ApiContract.cleanError(bob.delete("/api/scenarios/" + sid), 404);
    ApiContract.cleanError(bob.delete("/api/jobs/" + job), 404);
    ApiContract.cleanError(bob.post("/api/results/" + result + "/rerun", ""), 404);
    ApiContract.cleanError(bob.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"" + sid + "\",\"runs\":500}"), 404);
    ApiContract.cleanError(bob.post("/api/scenarios/" + sid + "/share", "{\"shared\":true}"), 404);
    // the admin sees everything
    assertThat(admin().get("/api/scenarios/" + sid).status()).isEqualTo(200);
    assertThat(admin().get("/api/results/" + result).status()).isEqualTo(200);

    // shared: others read it and run it, but only the owner changes it
    assertThat(alice.post("/api/scenarios/" + sid + "/share", "{\"shared\":true}").json().get("shared").asBoolean()).isTrue();
    assertThat(alice.post("/api/jobs/" + job + "/share", "{\"shared\":true}").json().get("shared").asBoolean()).isTrue();
    ApiContract.cleanError(alice.post("/api/jobs/" + job + "/share", "{\"shared\":\"yes\"}"), 400);
    for (Http other : List.of(bob, observer)) {
      assertThat(other.get("/api/scenarios/" + sid).status()).isEqualTo(200);
      assertThat(other.get("/api/jobs/" + job).status()).isEqualTo(200);
      assertThat(other.get("/api/results/" + result).json().get("shared").asBoolean()).isTrue();
      assertThat(ids(other.get("/api/scenarios?limit=1000").json().get("scenarios"))).contains(sid);
    }
    ApiContract.cleanError(bob.put("/api/scenarios/" + sid, "{\"yaml\":" + Http.quote(ApiContract.builtin("rand-b-depot")) + "}"), 403);
    ApiContract.cleanError(bob.delete("/api/scenarios/" + sid), 403);
    ApiContract.cleanError(bob.post("/api/scenarios/" + sid + "/share", "{\"shared\":false}"), 403);
    ApiContract.cleanError(bob.post("/api/results/" + result + "/share", "{\"shared\":false}"), 403);
    Http.Res rerun = bob.post("/api/results/" + result + "/rerun", "");
    assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
    // the re-run is bob's, not shared
    ApiContract.cleanError(alice.get("/api/jobs/" + rerun.json().get("id").asLong()), 404);
    ApiContract.cleanError(observer.post("/api/scenarios/" + sid + "/share", "{\"shared\":false}"), 403);

    // unshared again: gone for the others
    assertThat(alice.post("/api/results/" + result + "/share", "{\"shared\":false}").status()).isEqualTo(200);
    ApiContract.cleanError(bob.get("/api/results/" + result), 404);
    assertThat(alice.delete("/api/scenarios/" + sid).status()).isEqualTo(204);
  }

  @Test
  default void onlyTheAdminManagesAccountsAndNobodyDemotesIt() {
    Http facilitator = account("facilitator");
    String other = name(account("observer"));
    ApiContract.cleanError(facilitator.get("/api/users"), 403);
    ApiContract.cleanError(facilitator.post("/api/users", "{\"name\":\"made-by-fac\",\"password\":\"a long password 1\","
        + "\"role\":\"facilitator\"}"), 403);
    ApiContract.cleanError(facilitator.put("/api/users/" + other, "{\"role\":\"facilitator\"}"), 403);
    ApiContract.cleanError(facilitator.put("/api/users/admin", "{\"role\":\"player\"}"), 403);
    ApiContract.cleanError(facilitator.post("/api/users/admin/disable", ""), 403);
    ApiContract.cleanError(facilitator.post("/api/users/" + other + "/disable", ""), 403);
    // the admin itself cannot give its role away, nor hand it out
    for (String role : List.of("facilitator", "player", "observer")) {
      ApiContract.cleanError(admin().put("/api/users/admin", "{\"role\":\"" + role + "\"}"), 409);
    }
    ApiContract.cleanError(admin().put("/api/users/" + other, "{\"role\":\"admin\"}"), 400);
    ApiContract.cleanError(admin().post("/api/users", "{\"name\":\"second-admin\",\"password\":\"a long password 1\","
        + "\"role\":\"admin\"}"), 400);
    assertThat(admin().get("/api/auth/me").json().get("role").asText()).isEqualTo("admin");
  }

  @Test
  default void aDemotedFacilitatorLosesItsGamesAndSessionsAtOnce() {
    Http facilitator = account("facilitator");
    String name = name(facilitator);
    JsonNode opened = GamePlay.open(facilitator, "{\"scenario\":\"rand-b-depot\",\"seating\":\"sides\",\"seed\":11}");
    long game = opened.get("id").asLong();
    JsonNode before = facilitator.get("/api/games/" + game).json();
    assertThat(before.get("seed").asLong()).isEqualTo(11);
    assertThat(before.has("truth")).isTrue();

    Http.Res demoted = admin().put("/api/users/" + name, "{\"role\":\"player\"}");
    assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
    assertThat(demoted.json().get("sessionsEnded").asInt()).isGreaterThanOrEqualTo(1);
    // its session ended with the change
    ApiContract.cleanError(facilitator.get("/api/games/" + game), 401);
    ApiContract.cleanError(facilitator.post("/api/games/" + game + "/advance", ""), 401);
    // logged in again as a player: no truth, no seed, no control of the game it opened
    Http player = anonymous().login(name, "the account password");
    Http.Res view = player.get("/api/games/" + game);
    ApiContract.cleanError(view, 404);
    assertThat(view.body()).doesNotContain("truth").doesNotContain("\"seed\"");
    ApiContract.cleanError(player.post("/api/games/" + game + "/advance", ""), 404);
    assertThat(player.get("/api/games").json().get("games")).isEmpty();
    // and disabling ends the sessions too
    Http again = account("facilitator");
    assertThat(admin().post("/api/users/" + name(again) + "/disable", "").status()).isEqualTo(200);
    ApiContract.cleanError(again.get("/api/auth/me"), 401);
  }

  @Test
  default void jobsAreBoundedPerAccountAndByTheRolesRunLimit() {
    Http facilitator = account("facilitator");
    // the cost is refused up front, before anything is queued, with the reason
    Http.Res big = facilitator.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-a-satellite\",\"runs\":"
        + (LiveServer.FACILITATOR_RUNS + 1) + "}");
    ApiContract.cleanError(big, 400);
    assertThat(big.json().get("message").asText()).contains("--facilitator-runs-per-job")
        .contains(Long.toString(LiveServer.FACILITATOR_RUNS));
    assertThat(facilitator.get("/api/jobs").json().get("jobs")).isEmpty();
    // the admin's limit is the server's
    Http.Res adminBig = admin().post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-a-satellite\",\"runs\":"
        + (LiveServer.FACILITATOR_RUNS + 1) + "}");
    assertThat(adminBig.status()).as(adminBig.body()).isEqualTo(202);
    admin().delete("/api/jobs/" + adminBig.json().get("id").asLong());

    // at most JOBS_PER_ACCOUNT queued or running at once; the next is 429 and nothing is stored
    String slow = "{\"kind\":\"simulate\",\"scenario\":\"rand-a-satellite\",\"runs\":" + LiveServer.FACILITATOR_RUNS + "}";
    List<Long> mine = new ArrayList<>();
    Http.Res refused = null;
    for (int i = 0; i < LiveServer.JOBS_PER_ACCOUNT + 1; i++) {
      Http.Res r = facilitator.post("/api/jobs", slow);
      if (r.status() == 202) {
        mine.add(r.json().get("id").asLong());
      } else {
        refused = r;
        break;
      }
    }
    assertThat(refused).as("the job over the quota").isNotNull();
    ApiContract.cleanError(refused, 429);
    assertThat(refused.json().get("message").asText()).contains("jobs queued or running");
    assertThat(mine).hasSizeGreaterThanOrEqualTo(1);
    // another account is not held back by it
    Http other = account("facilitator");
    assertThat(other.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":100}").status())
        .isEqualTo(202);
    // cancelling frees the quota at once
    for (long id : mine) {
      facilitator.delete("/api/jobs/" + id);
    }
    Http.Res again = facilitator.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":100}");
    assertThat(again.status()).as(again.body()).isEqualTo(202);
  }

  private static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").asText()));
    return out;
  }
}
