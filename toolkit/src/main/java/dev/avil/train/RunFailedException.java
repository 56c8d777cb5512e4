package dev.avil.train;

import dev.avil.results.Record;
import java.util.List;

/** A run stopped early; it carries every record computed before it stopped. */
public final class RunFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient List<Record> records;

  RunFailedException(String message, List<Record> records, Throwable cause) {
    super(message, cause);
    this.records = List.copyOf(records);
  }

  /** The records of the epochs that finished. */
  public List<Record> records() {
    return records;
  }
}
