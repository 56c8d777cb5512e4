package dev.avil.data;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class IdxTest {
  @Property(tries = 30)
  void writesAndReadsBackAnyArray(
      @ForAll @IntRange(min = 0, max = 6) int n,
      @ForAll @IntRange(min = 1, max = 5) int h,
      @ForAll @IntRange(min = 1, max = 5) int w,
      @ForAll boolean gzip,
      @ForAll long seed)
      throws IOException {
    int[] data = new java.util.Random(seed).ints(n * h * w, 0, 256).toArray();
    Idx.Array a = new Idx.Array(new int[] {n, h, w}, data);
    Path dir = Files.createTempDirectory("idx");
    Path f = dir.resolve(gzip ? "x-idx3-ubyte.gz" : "x-idx3-ubyte");
    Idx.write(f, a);
    assertThat(Idx.read(f)).isEqualTo(a);
  }

  @Test
  void readsTheStandardHeaderByteForByte() throws IOException {
    Path f = Files.createTempFile("labels", "-idx1-ubyte");
    Files.write(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 7, 0, (byte) 255});
    Idx.Array a = Idx.read(f);
    assertThat(a.dims()).containsExactly(3);
    assertThat(a.data()).containsExactly(7, 0, 255);
  }

  @Test
  void rejectsAFileThatIsNotUnsignedByteIdx() throws IOException {
    Path f = Files.createTempFile("bad", "-idx1-ubyte");
    readFails(f, new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0})
        .hasMessageContaining("not an unsigned-byte IDX file")
        .hasMessageContaining("0xd01");
  }

  @Test
  void namesTheOffsetWhereAFileIsCutOrOverlong() throws IOException {
    Path f = Files.createTempFile("short", "-idx1-ubyte");
    readFails(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2})
        .hasMessageContaining(f.toString())
        .hasMessageContaining("truncated at byte 10")
        .hasMessageContaining("declares 5 values in bytes 8 to 12");
    readFails(f, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0})
        .hasMessageContaining("truncated at byte 8: expected dimension 2 of 3");
    readFails(f, new byte[] {0, 0})
        .hasMessageContaining("truncated at byte 0: expected the 4-byte magic number");
    readFails(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7, 7})
        .hasMessageContaining("expected the file to end at byte 9");
    readFails(
            f,
            new byte[] {0, 0, 8, 2, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe})
        .hasMessageContaining("byte 8: dimension 2 is -2; expected a size ≥ 0");
  }

  @Test
  void namesACutOrBrokenGzipFile() throws IOException {
    Path dir = Files.createTempDirectory("gz");
    Path f = dir.resolve("train-images-idx3-ubyte.gz");
    Idx.write(f, new Idx.Array(new int[] {4, 8, 8}, new int[256]));
    byte[] all = Files.readAllBytes(f);
    readFails(f, java.util.Arrays.copyOf(all, all.length - 12))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("truncated");
    readFails(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7})
        .hasMessageContaining("not a valid gzip file");
  }

  @Test
  void imageSetNamesTheFilesThatDisagree() throws IOException {
    Path dir = Files.createTempDirectory("mnist");
    Idx.write(
        dir.resolve("train-images-idx3-ubyte"), new Idx.Array(new int[] {2, 2, 2}, new int[8]));
    Idx.write(dir.resolve("train-labels-idx1-ubyte"), new Idx.Array(new int[] {3}, new int[3]));
    assertThatThrownBy(() -> ImageSet.read(dir))
        .hasMessageContaining("train-labels-idx1-ubyte have dims [3]")
        .hasMessageContaining("dims [2]");
  }

  @Test
  void imageSetPoolsTrainAndTestFilesAndScalesPixels() throws IOException {
    Path dir = Files.createTempDirectory("mnist");
    Idx.write(
        dir.resolve("train-images-idx3-ubyte.gz"),
        new Idx.Array(new int[] {1, 2, 2}, new int[] {0, 255, 51, 102}));
    Idx.write(
        dir.resolve("train-labels-idx1-ubyte.gz"), new Idx.Array(new int[] {1}, new int[] {4}));
    Idx.write(
        dir.resolve("t10k-images-idx3-ubyte"),
        new Idx.Array(new int[] {1, 2, 2}, new int[] {255, 0, 0, 0}));
    Idx.write(dir.resolve("t10k-labels-idx1-ubyte"), new Idx.Array(new int[] {1}, new int[] {9}));
    ImageSet s = ImageSet.read(dir);
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.labels()).containsExactly(4, 9);
    float[][][] scaled = {{{0f, 1f}, {0.2f, 0.4f}}, {{1f, 0f}, {0f, 0f}}};
    assertThat(s.pixels()).isDeepEqualTo(scaled);
  }

  @Test
  void anEmptyDirectoryNamesTheExpectedFiles() throws IOException {
    Path dir = Files.createTempDirectory("empty");
    assertRefused(() -> ImageSet.read(dir), "train-images-idx3-ubyte");
  }

  @Test
  void missingDataPrintsTheCommandThatObtainsIt() {
    String old = System.getProperty("avil.mnist.dir");
    System.setProperty("avil.mnist.dir", "/nonexistent/avil-test-dir");
    try {
      assertThatThrownBy(Datasets::mnistDir)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/nonexistent/avil-test-dir");
    } finally {
      if (old == null) {
        System.clearProperty("avil.mnist.dir");
      } else {
        System.setProperty("avil.mnist.dir", old);
      }
    }
  }

  /**
   * Writes {@code bytes} to {@code f} and reads it back, which must fail with an {@link
   * IllegalArgumentException}; the assertion on its message follows.
   */
  private static AbstractThrowableAssert<?, ? extends Throwable> readFails(Path f, byte[] bytes)
      throws IOException {
    Files.write(f, bytes);
    return assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(IllegalArgumentException.class);
  }
}
