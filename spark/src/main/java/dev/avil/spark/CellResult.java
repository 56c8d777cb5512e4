package dev.avil.spark;

import dev.avil.api.Results;
import dev.avil.results.Record;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task sends back to the driver for one cell: plain, serialisable data. A finished cell
 * carries every record and the resolved configuration of its run; a failed one carries the reason
 * and the records of the epochs it finished.
 *
 * <pre>{@code
 * if (r.failed()) System.out.println(r.cell() + " failed: " + r.failure());
 * else Results results = r.results();
 * }</pre>
 *
 * @param cell the cell
 * @param records the run's records (for a failed cell, those of its finished epochs)
 * @param config the run's resolved configuration (empty if the run never started)
 * @param failure why the cell failed, or null if it finished
 * @param seconds wall-clock seconds the task spent on the cell, data loading excluded
 * @param threads the PyTorch intra-op thread setting the cell ran with
 * @param executor the executor that ran it
 * @param attempt Spark's attempt number of the task: 0 unless Spark retried it after a lost
 *     executor
 */
public record CellResult(
    Cell cell,
    List<Record> records,
    Map<String, String> config,
    String failure,
    double seconds,
    int threads,
    String executor,
    int attempt)
    implements Serializable {
  /** Copies the collections into serialisable ones. */
  public CellResult {
    records = new ArrayList<>(records);
    config = new LinkedHashMap<>(config);
  }

  /** Whether the run stopped with an error. */
  public boolean failed() {
    return failure != null;
  }

  /**
   * The cell's results, as the in-process run returns them (for a failed cell: its finished
   * epochs).
   */
  public Results results() {
    return Results.of(cell.method(), cell.seed(), records, config);
  }
}
