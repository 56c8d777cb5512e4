package dev.avil.tools.setup;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.tukaani.xz.LZMA2InputStream;

/**
 * Reads the data objects of an installed R package without R: its lazy-load database, {@code
 * data/Rdata.rdb} with the index {@code data/Rdata.rdx}.
 *
 * <p>The index is a gzipped R serialization of a list whose {@code variables} map each object's
 * name to an (offset, length) pair in the {@code .rdb} file. Each record there is a 4-byte
 * big-endian length (of the uncompressed bytes) followed by the compressed bytes: zlib when the
 * index says {@code compressed = 1}; when it says 3, a type byte first, {@code Z} for a raw LZMA2
 * stream (read with {@code org.tukaani:xz}), {@code 1} for zlib, {@code 0} for none. The
 * uncompressed bytes are R's XDR serialization (format versions 2 and 3), which {@link
 * RSerialization} reads into plain Java values: atomic vectors become {@code int[]}, {@code
 * double[]}, {@code boolean[]} or {@code String[]}, lists become {@link RList}, and factors become
 * {@link Factor}.
 *
 * <pre>{@code
 * Rdata db = Rdata.open(Path.of("usr/lib/R/site-library/tidytext/data"));
 * Rdata.Frame lexicon = db.frame("sentiments");
 * String[] words = lexicon.strings("word");
 * }</pre>
 *
 * <p>This file and {@code RSerialization.java} depend on nothing else in the toolkit, so that the
 * data set-up can compile and run them before the toolkit is built.
 */
public final class Rdata {
  private static final int DICTIONARY =
      1 << 26; // R compresses with xz preset 9: a 64 MiB dictionary

  private final Path rdb;
  private final Map<String, long[]> index;
  private final int compression;

  private Rdata(Path rdb, Map<String, long[]> index, int compression) {
    this.rdb = rdb;
    this.index = index;
    this.compression = compression;
  }

  /**
   * Opens the lazy-load database in {@code dataDir} (the package's {@code data} folder, holding
   * {@code Rdata.rdb} and {@code Rdata.rdx}).
   *
   * @throws IllegalArgumentException if the files are missing or not an R lazy-load database
   */
  public static Rdata open(Path dataDir) {
    Path rdx = dataDir.resolve("Rdata.rdx");
    Path rdb = dataDir.resolve("Rdata.rdb");
    if (!Files.isRegularFile(rdx) || !Files.isRegularFile(rdb)) {
      throw new IllegalArgumentException(
          "no R lazy-load database in " + dataDir + ": expected Rdata.rdb and Rdata.rdx there");
    }
    Object top;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(rdx))) {
      top = new RSerialization(in.readAllBytes()).read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rdx, e);
    }
    if (!(top instanceof RList list) || !(list.get("variables") instanceof RList vars)) {
      throw new IllegalArgumentException(
          rdx + " is not an R lazy-load index (no 'variables' list)");
    }
    Map<String, long[]> index = new LinkedHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      index.put(vars.name(i), offsetAndLength(vars.value(i), rdx));
    }
    Object c = list.get("compressed");
    int compression = 1;
    if (c instanceof boolean[] b) {
      compression = b[0] ? 1 : 0;
    } else if (c instanceof int[] n) {
      compression = n[0];
    } else if (c instanceof double[] d) {
      compression = (int) d[0];
    }
    return new Rdata(rdb, index, compression);
  }

  private static long[] offsetAndLength(Object v, Path rdx) {
    if (v instanceof int[] n && n.length == 2) {
      return new long[] {n[0], n[1]};
    }
    if (v instanceof double[] d && d.length == 2) {
      return new long[] {(long) d[0], (long) d[1]};
    }
    throw new IllegalArgumentException(rdx + ": an index entry is not an (offset, length) pair");
  }

  /** The names of the objects in the database, in its order. */
  public List<String> objects() {
    return List.copyOf(index.keySet());
  }

  /**
   * The object named {@code name}, unserialized: a vector, an {@link RList} or a {@link Factor}.
   *
   * @throws IllegalArgumentException if there is no such object
   */
  public Object read(String name) {
    long[] at = index.get(name);
    if (at == null) {
      throw new IllegalArgumentException(
          "no object '" + name + "' in " + rdb + "; it holds " + index.keySet());
    }
    byte[] record = new byte[(int) at[1]];
    try (FileChannel ch = FileChannel.open(rdb, StandardOpenOption.READ)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(record);
      while (buf.hasRemaining()) {
        if (ch.read(buf, at[0] + buf.position()) < 0) {
          throw new EOFException(rdb + " ends inside object '" + name + "'");
        }
      }
      return new RSerialization(decompress(record)).read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read object '" + name + "' from " + rdb, e);
    }
  }

  /**
   * The data frame named {@code name}.
   *
   * @throws IllegalArgumentException if there is no such object or it is not a list of columns
   */
  public Frame frame(String name) {
    if (!(read(name) instanceof RList list)) {
      throw new IllegalArgumentException(
          "object '" + name + "' in " + rdb + " is not a data frame");
    }
    return new Frame(name, list);
  }

  private byte[] decompress(byte[] record) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
    int length = in.readInt();
    InputStream body;
    if (compression == 3) {
      int type = in.read();
      body =
          switch (type) {
            case 'Z' -> new LZMA2InputStream(in, DICTIONARY);
            case '1' -> new InflaterInputStream(in);
            case '0' -> in;
            default ->
                throw new IOException(
                    "R record compression type '"
                        + (char) type
                        + "' is not supported (Z, 1 and 0 are)");
          };
    } else if (compression == 1) {
      body = new InflaterInputStream(in);
    } else {
      throw new IOException(
          "R lazy-load compression " + compression + " is not supported (1 and 3 are)");
    }
    byte[] out = new byte[length];
    int n = body.readNBytes(out, 0, length);
    if (n != length) {
      throw new IOException("R record should hold " + length + " bytes, got " + n);
    }
    return out;
  }

  /** An R list (or pairlist) with its element names; names are empty strings where R has none. */
  public static final class RList {
    private final List<String> names;
    private final List<Object> values;
    private final Map<String, Object> attributes;

    RList(List<String> names, List<Object> values, Map<String, Object> attributes) {
      this.names = names;
      this.values = values;
      this.attributes = attributes;
    }

    /** Number of elements. */
    public int size() {
      return values.size();
    }

    /** The name of element {@code i}. */
    public String name(int i) {
      return names.get(i);
    }

    /** Element {@code i}. */
    public Object value(int i) {
      return values.get(i);
    }

    /** The first element named {@code name}, or null. */
    public Object get(String name) {
      int i = names.indexOf(name);
      return i < 0 ? null : values.get(i);
    }

    /** The element names. */
    public List<String> names() {
      return List.copyOf(names);
    }

    /** The attribute named {@code name} (e.g. {@code class}), or null. */
    public Object attribute(String name) {
      return attributes.get(name);
    }
  }

  /**
   * An R factor: one code per element (0-based, -1 for NA) into its levels.
   *
   * @param codes the codes
   * @param levels the level labels
   */
  public record Factor(int[] codes, String[] levels) {
    /** The labels, one per element (null for NA). */
    public String[] labels() {
      String[] out = new String[codes.length];
      for (int i = 0; i < codes.length; i++) {
        out[i] = codes[i] < 0 ? null : levels[codes[i]];
      }
      return out;
    }
  }

  /** A data frame: named columns of equal length. */
  public static final class Frame {
    private final String name;
    private final RList columns;

    Frame(String name, RList columns) {
      this.name = name;
      this.columns = columns;
    }

    /** The column names. */
    public List<String> columnNames() {
      return columns.names();
    }

    /** Number of rows (the length of the first column). */
    public int rowCount() {
      return columns.size() == 0 ? 0 : length(columns.value(0));
    }

    /**
     * A column as strings: character columns as they are, factors as their labels, numbers in
     * Java's decimal form; NA is null.
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public String[] strings(String column) {
      Object v = columns.get(column);
      if (v == null) {
        throw new IllegalArgumentException(
            "data frame '"
                + name
                + "' has no column '"
                + column
                + "'; its columns are "
                + columns.names());
      }
      if (v instanceof String[] s) {
        return s.clone();
      }
      if (v instanceof Factor f) {
        return f.labels();
      }
      if (v instanceof int[] n) {
        return Arrays.stream(n)
            .mapToObj(x -> x == Integer.MIN_VALUE ? null : Integer.toString(x))
            .toArray(String[]::new);
      }
      if (v instanceof double[] d) {
        return Arrays.stream(d)
            .mapToObj(x -> Double.isNaN(x) ? null : Double.toString(x))
            .toArray(String[]::new);
      }
      if (v instanceof boolean[] b) {
        String[] out = new String[b.length];
        for (int i = 0; i < b.length; i++) {
          out[i] = Boolean.toString(b[i]);
        }
        return out;
      }
      throw new IllegalArgumentException(
          "column '"
              + column
              + "' of data frame '"
              + name
              + "' is a "
              + v.getClass().getSimpleName()
              + ", not a vector of strings, numbers or factor levels");
    }

    private static int length(Object v) {
      if (v instanceof String[] s) {
        return s.length;
      }
      if (v instanceof Factor f) {
        return f.codes().length;
      }
      if (v instanceof int[] n) {
        return n.length;
      }
      if (v instanceof double[] d) {
        return d.length;
      }
      if (v instanceof boolean[] b) {
        return b.length;
      }
      if (v instanceof RList l) {
        return l.size();
      }
      return 0;
    }
  }
}
