package dev.avil.text;

import dev.avil.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link TokenStates} on disk: one file per model, layer, token limit and list of texts, named by
 * their hash, in the folder {@code token-states} beside {@link VectorCache#defaultDirectory()}. A
 * file is written whole and atomically, so processes that compute the same states side by side
 * leave one complete file; a file that does not read back whole is computed again.
 */
final class TokenStateCache {
  private static final byte[] MAGIC = "AVILTOK1".getBytes(StandardCharsets.US_ASCII);

  private TokenStateCache() {}

  /** The file of the states of {@code texts} after {@code frozen} layers, cut to {@code max}. */
  static Path file(String modelId, List<String> texts, int frozen, int max) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((modelId + "\0" + frozen + "\0" + max + "\0").getBytes(StandardCharsets.UTF_8));
      for (String t : texts) {
        d.update(t.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      String name =
          "after-" + frozen + "-max-" + max + "-" + HexFormat.of().formatHex(d.digest(), 0, 12);
      return VectorCache.defaultDirectory()
          .resolveSibling("token-states")
          .resolve(name + ".states");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The rows stored in {@code file}, or null if there is none or it does not read back whole. */
  static short[][] read(Path file, int texts) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC) || b.getInt() != texts) {
        return null;
      }
      short[][] rows = new short[texts][];
      for (int i = 0; i < texts; i++) {
        rows[i] = new short[b.getInt()];
        b.asShortBuffer().get(rows[i]);
        b.position(b.position() + 2 * rows[i].length);
      }
      return b.hasRemaining() ? null : rows;
    } catch (IOException | RuntimeException e) {
      return null; // cut short or damaged: computed again
    }
  }

  /** Writes {@code rows} to {@code file}, whole or not at all. */
  static void write(Path file, short[][] rows) {
    long size = MAGIC.length + Integer.BYTES;
    for (short[] r : rows) {
      size += Integer.BYTES + 2L * r.length;
    }
    if (size > Integer.MAX_VALUE) {
      return; // too large for one file: the states stay in memory only
    }
    ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putInt(rows.length);
    for (short[] r : rows) {
      b.putInt(r.length);
      b.asShortBuffer().put(r);
      b.position(b.position() + 2 * r.length);
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the cache folder " + file.getParent(), e);
    }
    AtomicFiles.write(file, b.array());
  }
}
