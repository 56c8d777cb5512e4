package dev.avil.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Vectors on disk, keyed by the encoder's {@link TextEncoder#id} and the text: one append-only file
 * per encoder in a folder, each record the SHA-256 of the text followed by its vector. Several
 * processes may share a folder: appends hold a file lock, and each reader picks up what others
 * appended. A record cut short (a process killed while writing) is dropped on the next append.
 *
 * <p>The default folder is {@code text-vectors} in the system property {@code avil.cache.dir}, the
 * environment variable {@code AVIL_CACHE_DIR}, or {@code ~/.cache/avil}.
 */
public final class VectorCache {
  private static final byte[] MAGIC = "AVILVEC1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Integer.BYTES;
  private static final int KEY = 32;
  private static final Map<Path, VectorCache> OPEN = new HashMap<>();

  private final Path file;
  private final Map<Key, float[]> vectors = new HashMap<>();
  private int dimension = -1;
  private long readUpTo = HEADER;

  private record Key(long a, long b, long c, long d) {}

  private VectorCache(Path file) {
    this.file = file;
  }

  /** The default folder (see the class comment). */
  public static Path defaultDirectory() {
    String dir = System.getProperty("avil.cache.dir");
    if (dir == null) {
      dir = System.getenv("AVIL_CACHE_DIR");
    }
    Path base =
        dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "avil");
    return base.resolve("text-vectors");
  }

  /** The cache of {@code encoderId}'s vectors in {@code dir}; one instance per file and process. */
  static synchronized VectorCache of(Path dir, String encoderId) {
    String readable = encoderId.replaceAll("[^A-Za-z0-9.-]+", "-");
    readable = readable.substring(0, Math.min(24, readable.length()));
    String name =
        readable + "-" + HexFormat.of().formatHex(sha256(encoderId)).substring(0, 16) + ".vectors";
    Path file = dir.toAbsolutePath().normalize().resolve(name);
    return OPEN.computeIfAbsent(file, VectorCache::new);
  }

  /** The file this cache reads and appends to. */
  Path file() {
    return file;
  }

  /** The cached vector of each text, or null where there is none (a copy per call). */
  synchronized float[][] lookup(List<String> texts) {
    refresh();
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      float[] v = vectors.get(key(texts.get(i)));
      out[i] = v == null ? null : v.clone();
    }
    return out;
  }

  /** Appends the vectors of texts not cached yet. */
  synchronized void put(List<String> texts, float[][] v) {
    if (texts.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (ch.size() < HEADER) {
          ByteBuffer h =
              ByteBuffer.allocate(HEADER)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .put(MAGIC)
                  .putInt(v[0].length);
          ch.truncate(0);
          ch.write(h.flip(), 0);
        }
        read(ch);
        if (v[0].length != dimension) {
          throw new IllegalStateException(
              file + " holds vectors of " + dimension + " numbers, not " + v[0].length);
        }
        int record = KEY + Float.BYTES * dimension;
        long end = HEADER + (ch.size() - HEADER) / record * record;
        ch.truncate(end);
        ByteBuffer out = ByteBuffer.allocate(record * texts.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < texts.size(); i++) {
          Key k = key(texts.get(i));
          if (vectors.containsKey(k)) {
            continue;
          }
          out.putLong(k.a()).putLong(k.b()).putLong(k.c()).putLong(k.d());
          for (float x : v[i]) {
            out.putFloat(x);
          }
          vectors.put(k, v[i].clone());
        }
        out.flip();
        while (out.hasRemaining()) {
          end += ch.write(out, end);
        }
        ch.force(false);
        readUpTo = end;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the vector cache " + file, e);
    }
  }

  private void refresh() {
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      read(ch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the vector cache " + file, e);
    }
  }

  /** Reads the whole records appended since the last read. */
  private void read(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < HEADER) {
      return;
    }
    if (dimension < 0) {
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(h, 0);
      h.flip();
      byte[] magic = new byte[MAGIC.length];
      h.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IllegalStateException(
            file + " is not a vector cache of this toolkit; delete it or choose another folder");
      }
      dimension = h.getInt();
      readUpTo = HEADER;
    }
    int record = KEY + Float.BYTES * dimension;
    long whole = (size - readUpTo) / record;
    if (whole <= 0) {
      return;
    }
    ByteBuffer in = ByteBuffer.allocate((int) (whole * record)).order(ByteOrder.LITTLE_ENDIAN);
    while (in.hasRemaining()) {
      if (ch.read(in, readUpTo + in.position()) < 0) {
        break;
      }
    }
    in.flip();
    for (long r = 0; r < whole; r++) {
      Key k = new Key(in.getLong(), in.getLong(), in.getLong(), in.getLong());
      float[] v = new float[dimension];
      for (int j = 0; j < dimension; j++) {
        v[j] = in.getFloat();
      }
      vectors.putIfAbsent(k, v);
    }
    readUpTo += whole * record;
  }

  private static Key key(String text) {
    ByteBuffer b = ByteBuffer.wrap(sha256(text));
    return new Key(b.getLong(), b.getLong(), b.getLong(), b.getLong());
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
