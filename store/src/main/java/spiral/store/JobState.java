package spiral.store;

import java.util.Locale;

/** Where a job stands. A job moves queued → running → done, failed or cancelled, and no further. */
public enum JobState {
  /** Waiting for a worker. */
  QUEUED,
  /** Running on a worker. */
  RUNNING,
  /** Finished; its result is stored. */
  DONE,
  /** Stopped by an error, or interrupted by a server stop. */
  FAILED,
  /** Cancelled by a user. */
  CANCELLED;

  /** The lower-case name used in the database and the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the job can still change (queued or running). */
  public boolean active() {
    return this == QUEUED || this == RUNNING;
  }

  static JobState of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
