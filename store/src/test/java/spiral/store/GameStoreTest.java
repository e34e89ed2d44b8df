package spiral.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Games on an H2 file: seats and invitations, one move per seat and turn, the report kept once. */
class GameStoreTest {
  @TempDir Path tmp;
  Database db;

  /** The database under test: an H2 file here, PostgreSQL in {@link GameStorePostgresTest}. */
  Database database() throws Exception {
    return Database.open(Database.h2Url(tmp), null, null);
  }

  void closed() throws Exception {}

  /** Account ids: a[k] is the k-th account created (k = 1..9; 1 runs the games). */
  final long[] a = new long[10];

  @BeforeEach
  void open() throws Exception {
    db = database();
    for (int k = 1; k < a.length; k++) {
      a[k] = db.accounts().create("user-" + k, "not-a-hash", k == 1 ? Role.FACILITATOR : Role.PLAYER,
          System.currentTimeMillis()).orElseThrow().id();
    }
  }

  @AfterEach
  void close() throws Exception {
    db.close();
    closed();
  }

  private int games;

  private StoredGame game() {
    String suffix = games++ == 0 ? "" : "-" + games;
    Map<String, String> seats = new LinkedHashMap<>();
    seats.put("red", Hashes.sha256("token-red" + suffix));
    seats.put("blue", Hashes.sha256("token-blue" + suffix));
    seats.put("green", null);
    return db.games().create(new NewGame("A game", "x", "x", "id: x\n", 7, "sides", a[1], seats));
  }

  @Test
  void aGameKeepsItsScenarioTextAndSeats() {
    StoredGame g = game();
    StoredGame read = db.games().get(g.id()).orElseThrow();
    assertThat(read).isEqualTo(g);
    assertThat(db.results().scenarioText(g.scenarioHash())).hasValue("id: x\n");
    assertThat(db.games().seats(g.id())).extracting(GameSeat::seat, GameSeat::engine, GameSeat::invited)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("blue", false, true),
            org.assertj.core.groups.Tuple.tuple("green", true, false),
            org.assertj.core.groups.Tuple.tuple("red", false, true));
    assertThat(db.games().listFor(a[1], 10)).containsExactly(g);
    assertThat(db.games().listFor(a[2], 10)).isEmpty();
    // a second game on the same text shares it
    assertThat(game().scenarioHash()).isEqualTo(g.scenarioHash());
  }

  @Test
  void anInvitationWorksOnceAndAnAccountHoldsOneSeatPerGame() {
    StoredGame g = game();
    assertThat(db.games().claim(Hashes.sha256("nothing"), a[2])).isEmpty();
    GameSeat red = db.games().claim(Hashes.sha256("token-red"), a[2]).orElseThrow();
    assertThat(red.seat()).isEqualTo("red");
    assertThat(db.games().claim(Hashes.sha256("token-red"), a[3])).isEmpty();
    assertThatThrownBy(() -> db.games().claim(Hashes.sha256("token-blue"), a[2]))
        .isInstanceOf(ConflictException.class);
    assertThat(db.games().claim(Hashes.sha256("token-blue"), a[3])).isPresent();
    assertThat(db.games().listFor(a[2], 10)).extracting(StoredGame::id).containsExactly(g.id());
    assertThat(db.games().reinvite(g.id(), "red", Hashes.sha256("again"))).isFalse();
    assertThat(db.games().reinvite(g.id(), "green", Hashes.sha256("again"))).isFalse();
  }

  @Test
  void ofConcurrentMovesForOneSeatAndTurnExactlyOneLands() throws Exception {
    StoredGame g = game();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String option = "o" + i;
        tries.add(() -> db.games().addMove(g.id(), 1, "red", option, a[2]));
      }
      int landed = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        landed += f.get() ? 1 : 0;
      }
      assertThat(landed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.games().moves(g.id())).hasSize(1);
    assertThat(db.games().addMove(g.id(), 1, "blue", "@engine", null)).isTrue();
    assertThat(db.games().moves(g.id())).extracting(GameMove::seat).containsExactly("red", "blue");
  }

  @Test
  void aFacilitatorClaimsOnlyInItsOwnGamesAndASeatIsHeldWhileTheGameRuns() {
    StoredGame g = game(); // run by a[1]
    assertThat(db.games().claim(Hashes.sha256("token-red"), a[4], true)).isEmpty();
    assertThat(db.games().claim(Hashes.sha256("token-red"), a[1], true)).isPresent();
    assertThat(db.games().holdsRunningSeat(a[1])).isTrue();
    assertThat(db.games().holdsRunningSeat(a[4])).isFalse();
    assertThat(db.games().claim(Hashes.sha256("token-blue"), a[4], false)).isPresent();
    assertThat(db.games().holdsRunningSeat(a[4])).isTrue();
    assertThat(db.games().markOver(g.id())).isTrue();
    assertThat(db.games().holdsRunningSeat(a[4])).isFalse();
  }

  @Test
  void theReportIsStoredOnceAndTheGameMarkedOverOnce() {
    StoredGame g = game();
    assertThat(db.games().report(g.id())).isEmpty();
    assertThat(db.games().markOver(g.id())).isTrue();
    assertThat(db.games().markOver(g.id())).isFalse();
    GameStore.Report r = db.games().storeReport(g.id(), "{\"a\":1}", "<svg/>");
    assertThat(db.games().storeReport(g.id(), "{\"a\":2}", "<svg/>")).isEqualTo(r);
    assertThat(r.intact()).isTrue();
    StoredGame read = db.games().get(g.id()).orElseThrow();
    assertThat(read.over()).isTrue();
    assertThat(read.hasReport()).isTrue();
    assertThat(db.games().addObserver(g.id(), a[9])).isTrue();
    assertThat(db.games().addObserver(g.id(), a[9])).isFalse();
    assertThat(db.games().observes(g.id(), a[9])).isTrue();
    assertThat(db.games().listFor(a[9], 10)).extracting(StoredGame::id).containsExactly(g.id());
  }
}
