package dev.avil.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reader and writer for the IDX format of MNIST and Fashion-MNIST: unsigned bytes with a dimension
 * header. Files ending in {@code .gz} are gzipped.
 *
 * <pre>{@code
 * Idx.Array images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));
 * images.dims();  // [60000, 28, 28]
 * }</pre>
 */
public final class Idx {
  private static final int UBYTE = 0x08;

  private Idx() {}

  /**
   * An IDX array of unsigned bytes.
   *
   * @param dims the dimensions, outermost first
   * @param data the values, row-major, each in [0, 255]
   */
  public record Array(int[] dims, int[] data) {
    /** Checks that the data fills the dimensions exactly. */
    public Array {
      long n = 1;
      for (int d : dims) {
        if (d < 0) {
          throw new IllegalArgumentException("IDX dimension " + d + " is negative");
        }
        n *= d;
      }
      if (n != data.length) {
        throw new IllegalArgumentException(
            "IDX dims " + Arrays.toString(dims) + " need " + n + " values, got " + data.length);
      }
    }

    /** Number of items along the outermost dimension. */
    public int count() {
      return dims.length == 0 ? 0 : dims[0];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Array a && Arrays.equals(dims, a.dims) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Idx.Array" + Arrays.toString(dims);
    }
  }

  /**
   * Reads an IDX file of unsigned bytes, plain or gzipped. Offsets in messages count bytes of the
   * IDX data (after gunzipping).
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not an unsigned-byte IDX file, is cut short, or has
   *     bytes after the values its header declares; the message names the file, the byte offset and
   *     what was expected there
   */
  public static Array read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(maybeGunzip(file, raw)))) {
      int magic = readInt(in, file, 0, "the 4-byte magic number 0x0000080N");
      int type = (magic >> 8) & 0xff;
      int rank = magic & 0xff;
      if ((magic >>> 16) != 0 || type != UBYTE || rank == 0) {
        throw new IllegalArgumentException(
            "not an unsigned-byte IDX file: "
                + file
                + " (byte 0: magic 0x"
                + Integer.toHexString(magic)
                + "; accepted: 0x0000080N with N dimensions)");
      }
      int[] dims = new int[rank];
      long n = 1;
      for (int i = 0; i < rank; i++) {
        long at = 4 + 4L * i;
        dims[i] = readInt(in, file, at, "dimension " + (i + 1) + " of " + rank);
        if (dims[i] < 0) {
          throw new IllegalArgumentException(
              "IDX file "
                  + file
                  + " byte "
                  + at
                  + ": dimension "
                  + (i + 1)
                  + " is "
                  + dims[i]
                  + "; expected a size ≥ 0");
        }
        n *= dims[i];
        if (n > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "IDX file "
                  + file
                  + " is too large: dims "
                  + Arrays.toString(Arrays.copyOf(dims, i + 1))
                  + " need more than "
                  + Integer.MAX_VALUE
                  + " values");
        }
      }
      long header = 4 + 4L * rank;
      byte[] bytes = new byte[(int) n];
      int got = in.readNBytes(bytes, 0, bytes.length);
      if (got < bytes.length) {
        throw new IllegalArgumentException(
            "IDX file "
                + file
                + " is truncated at byte "
                + (header + got)
                + ": its header (dims "
                + Arrays.toString(dims)
                + ") declares "
                + n
                + " values in bytes "
                + header
                + " to "
                + (header + n - 1)
                + "; the data ends after "
                + got
                + " of them");
      }
      if (in.read() >= 0) {
        throw new IllegalArgumentException(
            "IDX file "
                + file
                + " has more bytes than its header declares: expected the file to end at byte "
                + (header + n)
                + " after "
                + n
                + " values (dims "
                + Arrays.toString(dims)
                + ")");
      }
      int[] data = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        data[i] = bytes[i] & 0xff;
      }
      return new Array(dims, data);
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(
          "IDX file "
              + file
              + " is not a valid gzip file ("
              + e.getMessage()
              + "); a name ending in .gz means gzipped data, so rename a plain IDX file without .gz",
          e);
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          "IDX file " + file + " is truncated inside its gzip data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX file " + file, e);
    }
  }

  private static int readInt(DataInputStream in, Path file, long at, String what)
      throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          "IDX file " + file + " is truncated at byte " + at + ": expected " + what, e);
    }
  }

  /** Writes an IDX file of unsigned bytes; gzipped when the name ends in {@code .gz}. */
  public static void write(Path file, Array array) {
    for (int v : array.data()) {
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException("IDX value " + v + " is outside [0, 255]");
      }
    }
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream maybeGz = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(maybeGz))) {
      out.writeInt((UBYTE << 8) | array.dims().length);
      for (int d : array.dims()) {
        out.writeInt(d);
      }
      for (int v : array.data()) {
        out.writeByte(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write IDX file " + file, e);
    }
  }

  private static InputStream maybeGunzip(Path file, InputStream raw) throws IOException {
    return file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
  }
}
