package dev.avil.spark;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the driver writes finished cells: the study's layout, one folder per setting holding
 * {@code history.csv} and {@code config.csv} as {@link Results#writeAll} writes them, so {@code
 * Study --summarize} and {@link Comparison#read} read them unchanged.
 *
 * <p>The only class that knows the layout on disk. Each write rewrites its setting's pair through
 * temporary files renamed into place, history first: a job killed at any moment leaves every file
 * whole, and at worst one run without its configuration, which {@link #finished} does not count,
 * so it runs again and replaces it. A run is never written twice: a new run of a (method, seed)
 * replaces the old one.
 *
 * <pre>{@code
 * CellSink sink = new CellSink(Path.of("toolkit/study"));
 * Set<Cell> done = sink.finished(List.of("mnist-negative"));
 * sink.write("mnist-negative", results);
 * }</pre>
 */
public final class CellSink {
  private static final String HISTORY = "history.csv";
  private static final String CONFIG = "config.csv";
  private static final String TMP_PREFIX = ".writing-";

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
   * The cells of {@code settings} already written whole: records and configuration both. Removes
   * what a killed job left half-written.
   */
  public synchronized Set<Cell> finished(List<String> settings) {
    Set<Cell> done = new HashSet<>();
    for (String s : settings) {
      if (Files.isDirectory(dir(s))) {
        try (Stream<Path> files = Files.list(dir(s))) {
          files.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).forEach(CellSink::delete);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + dir(s), e);
        }
      }
      for (Results r : complete(s)) {
        done.add(new Cell(s, r.method(), r.seed()));
      }
    }
    return done;
  }

  /** Adds a finished run to its setting's files, replacing an earlier run of the same method and seed. */
  public synchronized void write(String setting, Results run) {
    List<Results> all = new ArrayList<>();
    for (Results r : complete(setting)) {
      if (!(r.method().equals(run.method()) && r.seed() == run.seed())) {
        all.add(r);
      }
    }
    all.add(run);
    Path dir = dir(setting);
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempDirectory(dir, TMP_PREFIX);
      Results.writeAll(tmp, all);
      Files.move(tmp.resolve(HISTORY), dir.resolve(HISTORY), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp.resolve(CONFIG), dir.resolve(CONFIG), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + run.method() + " seed " + run.seed() + " into " + dir, e);
    } finally {
      delete(tmp);
    }
  }

  private List<Results> complete(String setting) {
    Path dir = dir(setting);
    if (!Files.exists(dir.resolve(HISTORY))) {
      return List.of();
    }
    return Comparison.read(dir).runs().stream().filter(r -> !r.records().isEmpty() && !r.config().isEmpty()).toList();
  }

  private static void delete(Path tmp) {
    if (tmp == null || !Files.exists(tmp)) {
      return;
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + tmp, e);
    }
  }
}
