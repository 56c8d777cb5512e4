package dev.avil.store;

import dev.avil.results.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs kept one folder per (method, seed) cell, so that a study written run by run never loses or
 * half-records a run. Each cell is a folder {@code cells/METHOD__seed-N/} holding its own {@code
 * history.csv} and {@code config.csv}. A cell is written into a hidden temporary folder and renamed
 * into place only when both files are on disk, so a process killed at any point leaves the cell
 * whole or absent (or a hidden leftover, which {@link #scan} reports).
 *
 * <p>Reading checks every cell: both files parse line by line, they name the same run as the
 * folder, and the run has every epoch up to its configured number, each with every task's dev and
 * test accuracy. A cell that fails is reported by name with the reason, never used.
 *
 * <p>Several processes may write different cells of one store at the same time (each write has its
 * own temporary folder); two writers of the same cell at once are not supported.
 *
 * <pre>{@code
 * CellStore store = CellStore.at(Path.of("study/mnist-negative"));
 * store.write(results);                      // atomic
 * CellStore.Scan s = store.scan();
 * s.complete();                              // every whole, consistent run
 * s.damaged();                               // cells to re-run, by name, with the reason
 * s.damaged().forEach(store::discard);
 * }</pre>
 */
public final class CellStore {
  /** The folder of cells inside the store's folder. */
  public static final String CELLS = "cells";

  private static final String SEED = "__seed-";

  private final Path dir;

  private CellStore(Path dir) {
    this.dir = dir;
  }

  /**
   * The store in {@code dir} (its cells are in {@code dir/cells}); nothing is created until a
   * write.
   */
  public static CellStore at(Path dir) {
    return new CellStore(dir);
  }

  /** Whether {@code dir} holds a cell store. */
  public static boolean isStore(Path dir) {
    return Files.isDirectory(dir.resolve(CELLS));
  }

  /** The store's folder. */
  public Path dir() {
    return dir;
  }

  /**
   * A cell that cannot be used.
   *
   * @param name the cell's name: method and seed, as in {@code "αVIL seed 3"}
   * @param path the cell's folder (or the leftover temporary folder)
   * @param reason what is wrong, naming the file and line where one is damaged
   */
  public record Damaged(String name, Path path, String reason) {
    @Override
    public String toString() {
      return name + " (" + path.getFileName() + "): " + reason;
    }
  }

  /**
   * What the store holds.
   *
   * @param complete every whole, consistent run, by method and then seed
   * @param damaged every cell that is damaged or was left half-written
   */
  public record Scan(List<Run> complete, List<Damaged> damaged) {
    /** Copies the lists. */
    public Scan {
      complete = List.copyOf(complete);
      damaged = List.copyOf(damaged);
    }

    /** Whether a complete run of {@code method} with {@code seed} is present. */
    public boolean has(String method, long seed) {
      return complete.stream().anyMatch(r -> r.method().equals(method) && r.seed() == seed);
    }
  }

  /** The folder name of a cell: the method name with unsafe characters %-escaped, then the seed. */
  static String cellName(String method, long seed) {
    StringBuilder s = new StringBuilder();
    for (byte b : method.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (safe && !(s.length() == 0 && c == '.')) {
        s.append(c);
      } else {
        s.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return s.append(SEED).append(seed).toString();
  }

  /** The method name and seed of a cell folder, or null if the name is not one. */
  private static Object[] parse(String folder) {
    int at = folder.lastIndexOf(SEED);
    if (at <= 0) {
      return null;
    }
    try {
      long seed = Long.parseLong(folder.substring(at + SEED.length()));
      String enc = folder.substring(0, at);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < enc.length(); i++) {
        char c = enc.charAt(i);
        if (c == '%') {
          bytes.write(Integer.parseInt(enc.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.write(c);
        }
      }
      return new Object[] {bytes.toString(StandardCharsets.UTF_8), seed};
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Writes one run as its cell, replacing a cell of the same method and seed. Atomic: the cell
   * appears whole or not at all.
   */
  public void write(Run r) {
    Path target = dir.resolve(CELLS).resolve(cellName(r.method(), r.seed()));
    AtomicFiles.writeFolder(target, tmp -> RunFiles.write(tmp, List.of(r)));
  }

  /** Reads and checks every cell. */
  public Scan scan() {
    Path cells = dir.resolve(CELLS);
    List<Run> complete = new ArrayList<>();
    List<Damaged> damaged = new ArrayList<>();
    if (!Files.isDirectory(cells)) {
      return new Scan(complete, damaged);
    }
    List<Path> folders;
    try (Stream<Path> s = Files.list(cells)) {
      folders = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + cells, e);
    }
    for (Path f : folders) {
      String folder = f.getFileName().toString();
      if (folder.startsWith(AtomicFiles.TMP)) {
        String cell = folder.substring(AtomicFiles.TMP.length()).replaceFirst("^old-", "");
        Object[] id = parse(cell.substring(0, Math.max(0, cell.lastIndexOf('-'))));
        String name = id == null ? cell : id[0] + " seed " + id[1];
        damaged.add(
            new Damaged(
                name,
                f,
                "a write that never finished (the process stopped while writing this cell)"));
        continue;
      }
      if (folder.startsWith(".")) {
        continue;
      }
      Object[] id = parse(folder);
      if (id == null || !Files.isDirectory(f)) {
        damaged.add(
            new Damaged(folder, f, "not a cell; expected a folder named METHOD" + SEED + "N"));
        continue;
      }
      String method = (String) id[0];
      long seed = (Long) id[1];
      String name = method + " seed " + seed;
      try {
        RunFiles.Contents c = RunFiles.read(f);
        if (!c.problems().isEmpty()) {
          damaged.add(new Damaged(name, f, c.problems().get(0)));
        } else if (c.complete().size() != 1) {
          damaged.add(
              new Damaged(name, f, "holds " + c.complete().size() + " runs; expected exactly one"));
        } else if (!c.complete().get(0).method().equals(method)
            || c.complete().get(0).seed() != seed) {
          Run r = c.complete().get(0);
          damaged.add(
              new Damaged(
                  name,
                  f,
                  "the files hold "
                      + r.method()
                      + " seed "
                      + r.seed()
                      + ", not the run the folder names"));
        } else if (!Files.exists(f.resolve(RunFiles.CONFIG))) {
          damaged.add(new Damaged(name, f, "no " + RunFiles.CONFIG));
        } else {
          complete.add(c.complete().get(0));
        }
      } catch (IllegalArgumentException | UncheckedIOException e) {
        damaged.add(new Damaged(name, f, e.getMessage()));
      }
    }
    complete.sort(
        Comparator.comparing((Run r) -> cellName(r.method(), 0)).thenComparingLong(Run::seed));
    return new Scan(complete, damaged);
  }

  /** Deletes a damaged cell's folder, so that its run can be made again. */
  public void discard(Damaged d) {
    try {
      AtomicFiles.deleteTree(d.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + d.path(), e);
    }
  }

  /**
   * Moves the runs of an older layout, one {@code history.csv} and {@code config.csv} for the whole
   * folder, into cells, and deletes the two files. Complete runs become cells; incomplete ones are
   * returned as damaged and dropped, so that a study runs them again.
   *
   * @return the runs that could not be moved; empty if there was nothing to move
   * @throws IllegalArgumentException naming the file and line, if a line is damaged
   */
  public List<Damaged> migrate() {
    Path history = dir.resolve(RunFiles.HISTORY);
    if (!Files.exists(history)) {
      return List.of();
    }
    RunFiles.Contents c = RunFiles.read(dir);
    for (Run r : c.complete()) {
      write(r);
    }
    List<Damaged> dropped = new ArrayList<>();
    for (int i = 0; i < c.incomplete().size(); i++) {
      Run r = c.incomplete().get(i);
      dropped.add(new Damaged(r.method() + " seed " + r.seed(), history, c.problems().get(i)));
    }
    try {
      Files.deleteIfExists(history);
      Files.deleteIfExists(dir.resolve(RunFiles.CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the old files in " + dir, e);
    }
    return dropped;
  }
}
