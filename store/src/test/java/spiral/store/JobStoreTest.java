package spiral.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job life cycle on an H2 file: state changes are conditional, a result is all or nothing. */
class JobStoreTest {
  @TempDir Path tmp;
  Database db;
  long owner;

  @BeforeEach
  void open() {
    db = Database.open(Database.h2Url(tmp), null, null);
    owner = db.accounts().create("owner", "not-a-hash", Role.FACILITATOR, 1).orElseThrow().id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Job job() {
    return db.jobs().create(new NewJob("simulate", "x", "id: x\n", 7, "{\"runs\":10}", owner));
  }

  @Test
  void aFinishedJobHasItsResultAndTheScenarioTextIsKeptByHash() {
    Job j = job();
    assertThat(db.jobs().start(j.id())).isTrue();
    assertThat(db.jobs().start(j.id())).isFalse();
    ResultInfo r = db.jobs().finish(j.id(), "1.0", "{\"a\":1}\n").orElseThrow();
    Job done = db.jobs().get(j.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.resultId()).isEqualTo(r.id());
    StoredResult s = db.results().get(r.id()).orElseThrow();
    assertThat(s.body()).isEqualTo("{\"a\":1}\n");
    assertThat(s.intact()).isTrue();
    assertThat(s.info().seed()).isEqualTo(7);
    assertThat(db.results().scenarioText(s.info().scenarioHash())).hasValue("id: x\n");
    assertThat(db.jobs().cancel(j.id())).isFalse();
    // a second job on the same text shares the stored text
    assertThat(job().scenarioHash()).isEqualTo(j.scenarioHash());
  }

  @Test
  void aCancelledJobStoresNoResult() {
    Job j = job();
    db.jobs().start(j.id());
    assertThat(db.jobs().cancel(j.id())).isTrue();
    assertThat(db.jobs().finish(j.id(), "1.0", "{}")).isEmpty();
    assertThat(db.results().list(10, Visibility.of(owner))).isEmpty();
    assertThat(db.jobs().get(j.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void unfinishedJobsAreMarkedInterruptedAndThenStayFailed() {
    Job queued = job();
    Job running = job();
    db.jobs().start(running.id());
    Job finished = job();
    db.jobs().start(finished.id());
    db.jobs().finish(finished.id(), "1.0", "{}");
    assertThat(db.jobs().interruptUnfinished()).isEqualTo(2);
    for (Job j : new Job[] {queued, running}) {
      Job now = db.jobs().get(j.id()).orElseThrow();
      assertThat(now.state()).isEqualTo(JobState.FAILED);
      assertThat(now.error()).isEqualTo(JobStore.INTERRUPTED);
    }
    assertThat(db.jobs().finish(running.id(), "1.0", "{}")).isEmpty();
    assertThat(db.results().list(10, Visibility.of(owner))).hasSize(1);
  }

  @Test
  void migrationsRunOnceAndReopeningKeepsTheData() {
    Job j = job();
    db.close();
    db = Database.open(Database.h2Url(tmp), null, null);
    assertThat(db.jobs().get(j.id())).isPresent();
  }

  @Test
  void onlyH2AndPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://");
  }
}
