package dev.avil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes that a killed process cannot leave half done: a file or a folder is made under a hidden
 * temporary name beside its place, forced to disk, and renamed into place, so a reader finds the
 * old one or the new one, never part of either. Every file the toolkit writes goes through here.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("summary.md"), text);
 * AtomicFiles.writeFolder(cells.resolve("avil__seed-1"), tmp -> RunFiles.write(tmp, run));
 * }</pre>
 *
 * <p>This class uses nothing but the JDK, so the project's set-up can compile it on its own.
 */
public final class AtomicFiles {
  /** The prefix of a temporary file or folder: a reader of a folder passes over such names. */
  public static final String TMP = ".tmp-";

  private AtomicFiles() {}

  /** What fills a temporary folder. */
  @FunctionalInterface
  public interface Filler {
    /** Writes the folder's files into {@code tmp}. */
    void fill(Path tmp) throws IOException;
  }

  /**
   * Writes {@code text} as UTF-8 to {@code file}, replacing it atomically.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(Path file, CharSequence text) {
    write(file, StandardCharsets.UTF_8.encode(CharBuffer.wrap(text)));
  }

  /**
   * Writes {@code bytes} to {@code file}, replacing it atomically.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(Path file, byte[] bytes) {
    write(file, ByteBuffer.wrap(bytes));
  }

  private static void write(Path file, ByteBuffer b) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, TMP + file.getFileName(), "");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      move(tmp, file, true);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Makes the folder {@code target} from what {@code filler} writes into a temporary folder beside
   * it, replacing a folder of that name: the folder appears whole or not at all.
   *
   * @throws UncheckedIOException naming the folder if it cannot be written
   */
  public static void writeFolder(Path target, Filler filler) {
    Path parent = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, TMP + target.getFileName() + "-");
      filler.fill(tmp);
      sync(tmp);
      Path old = null;
      if (Files.exists(target)) {
        old = parent.resolve(TMP + "old-" + target.getFileName() + "-" + System.nanoTime());
        move(target, old, false);
      }
      move(tmp, target, false);
      tmp = null;
      sync(parent);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Deletes {@code p} and everything below it, if it exists. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  /** Renames {@code from} to {@code to}: atomically where the file system can. */
  public static void move(Path from, Path to, boolean replace) throws IOException {
    try {
      if (replace) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      if (replace) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to);
      }
    }
  }

  /** Forces a folder's entries to disk where the platform allows it (Linux does). */
  private static void sync(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every platform can open a folder; the rename is still atomic
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      deleteTree(p);
    } catch (IOException ignored) {
      // a leftover is hidden by its name, and the next write makes a new one
    }
  }
}
