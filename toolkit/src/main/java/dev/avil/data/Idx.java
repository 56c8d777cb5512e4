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
 * Reader and writer for the IDX format of MNIST and Fashion-MNIST: unsigned bytes with a
 * dimension header. Files ending in {@code .gz} are gzipped.
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
   * Reads an IDX file of unsigned bytes, plain or gzipped.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not an unsigned-byte IDX file
   */
  public static Array read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(maybeGunzip(file, raw)))) {
      int magic = in.readInt();
      int type = (magic >> 8) & 0xff;
      int rank = magic & 0xff;
      if ((magic >>> 16) != 0 || type != UBYTE || rank == 0) {
        throw new IllegalArgumentException(
            "not an unsigned-byte IDX file: "
                + file
                + " (magic 0x"
                + Integer.toHexString(magic)
                + "; accepted: 0x0000080N with N dimensions)");
      }
      int[] dims = new int[rank];
      long n = 1;
      for (int i = 0; i < rank; i++) {
        dims[i] = in.readInt();
        n *= dims[i];
      }
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("IDX file " + file + " is too large: " + n + " values");
      }
      byte[] bytes = new byte[(int) n];
      in.readFully(bytes);
      int[] data = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        data[i] = bytes[i] & 0xff;
      }
      return new Array(dims, data);
    } catch (EOFException e) {
      throw new IllegalArgumentException("IDX file " + file + " is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX file " + file, e);
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
        OutputStream maybeGz =
            file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
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
