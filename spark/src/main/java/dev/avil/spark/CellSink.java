package dev.avil.spark;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.store.CellStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the driver writes finished cells: the study's layout, one {@link CellStore} per setting
 * folder, so {@code Study --summarize}, {@link Comparison#read} and the in-process study read and
 * resume them unchanged. Each cell is written atomically: a job killed at any moment leaves every
 * finished cell whole, and a half-written one is reported by name, removed and run again.
 *
 * <pre>{@code
 * CellSink sink = new CellSink(Path.of("studies"));
 * Set<Cell> done = sink.finished(List.of("mnist-negative"));
 * sink.write("mnist-negative", results);
 * }</pre>
 */
public final class CellSink {
  private final Path out;

  /** A sink writing under {@code out}, one folder per setting. */
  public CellSink(Path out) {
    if (out == null) {
      throw new IllegalArgumentException("the output folder must not be null");
    }
    this.out = out;
  }

  /** The folder of {@code setting}. */
  public Path dir(String setting) {
    return out.resolve(setting);
  }

  /**
   * The cells of {@code settings} already written whole. Damaged and half-written cells are
   * reported on standard output and removed, so that they run again.
   */
  public synchronized Set<Cell> finished(List<String> settings) {
    Set<Cell> done = new HashSet<>();
    for (String s : settings) {
      CellStore store = CellStore.at(dir(s));
      store
          .migrate()
          .forEach(d -> System.out.println("INCOMPLETE " + s + " " + d + "; it will run again"));
      CellStore.Scan scan = store.scan();
      for (CellStore.Damaged d : scan.damaged()) {
        System.out.println("DAMAGED " + s + " " + d + "; it will run again");
        store.discard(d);
      }
      scan.complete().forEach(r -> done.add(new Cell(s, r.method(), r.seed())));
    }
    return done;
  }

  /** Writes a finished run as its cell, replacing an earlier run of the same method and seed. */
  public synchronized void write(String setting, Results run) {
    CellStore.at(dir(setting)).write(run);
  }
}
