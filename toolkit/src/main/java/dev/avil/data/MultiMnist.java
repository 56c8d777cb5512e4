package dev.avil.data;

import dev.avil.task.Shuffle;
import dev.avil.task.Split;
import dev.avil.task.Task;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * MultiMNIST and MultiFashion (Sener &amp; Koltun 2018): each image overlays two items. One sits at
 * the top-left {@code [0:28, 0:28]} of a 36×36 canvas, a random partner at {@code [6:34, 6:34]};
 * the pixel-wise maximum is resized to 28×28 by nearest neighbour. The left task predicts the
 * top-left item, the right task its partner.
 *
 * <p>The composed images are shuffled and laid out once per seed: the first 2,000 are the test
 * split, the next 1,000 the dev split, and the rest the training pool shared by every task built
 * from this set. Use {@link Task#trainSize} and {@link Task#trainAfter} to give tasks disjoint
 * training images.
 *
 * <pre>{@code
 * MultiMnist mm = MultiMnist.load(0);
 * Task left  = mm.left().trainSize(1_000);                      // images 0 to 999
 * Task right = mm.right().trainAfter(1_000).trainSize(6_000);   // images 1,000 to 6,999
 * }</pre>
 */
public final class MultiMnist {
  /** Side of the composed images. */
  public static final int SIZE = 28;

  private static final int CANVAS = 36;
  private static final int OFFSET = 6;
  private static final int TEST = 2_000;
  private static final int DEV = 1_000;

  private final String prefix;
  private final float[] images;
  private final int[] left;
  private final int[] right;
  private final long seed;

  private MultiMnist(String prefix, float[] images, int[] left, int[] right, long seed) {
    this.prefix = prefix;
    this.images = images;
    this.left = left;
    this.right = right;
    this.seed = seed;
  }

  /** MultiMNIST from the digits in {@link Datasets#mnistDir()}, composed with {@code seed}. */
  public static MultiMnist load(long seed) {
    return compose("", ImageSet.read(Datasets.mnistDir()), seed);
  }

  /** MultiFashion from {@link Datasets#fashionDir()}, composed with {@code seed}. */
  public static MultiMnist fashion(long seed) {
    return compose("fashion-", ImageSet.read(Datasets.fashionDir()), seed);
  }

  /** Composes pairs from any directory of 28×28 IDX images. */
  public static MultiMnist fromDirectory(Path dir, long seed) {
    return compose("", ImageSet.read(dir), seed);
  }

  /**
   * Composes pairs from {@code source}: item {@code i} is overlaid with a random partner, and the
   * result is shuffled; both are fixed by {@code seed}.
   *
   * @param prefix prefix of the task names ({@code left}, {@code right})
   */
  public static MultiMnist compose(String prefix, ImageSet source, long seed) {
    if (source.height() != SIZE || source.width() != SIZE) {
      throw new IllegalArgumentException(
          "MultiMNIST needs 28×28 images, got " + source.height() + "×" + source.width());
    }
    int n = source.size();
    if (n < TEST + DEV + 1) {
      throw new IllegalArgumentException(
          "MultiMNIST needs more than " + (TEST + DEV) + " images, got " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] partner = Shuffle.permutation(n, rng);
    int[] order = Shuffle.permutation(n, rng);
    float[] out = new float[n * SIZE * SIZE];
    int[] left = new int[n];
    int[] right = new int[n];
    float[] canvas = new float[CANVAS * CANVAS];
    float[][][] src = source.pixels();
    for (int k = 0; k < n; k++) {
      int a = order[k];
      int b = partner[a];
      java.util.Arrays.fill(canvas, 0f);
      for (int r = 0; r < SIZE; r++) {
        for (int c = 0; c < SIZE; c++) {
          canvas[r * CANVAS + c] = src[a][r][c];
        }
      }
      for (int r = 0; r < SIZE; r++) {
        for (int c = 0; c < SIZE; c++) {
          int at = (r + OFFSET) * CANVAS + c + OFFSET;
          canvas[at] = Math.max(canvas[at], src[b][r][c]);
        }
      }
      for (int r = 0; r < SIZE; r++) {
        int cr = r * CANVAS / SIZE;
        for (int c = 0; c < SIZE; c++) {
          out[(k * SIZE + r) * SIZE + c] = canvas[cr * CANVAS + c * CANVAS / SIZE];
        }
      }
      left[k] = source.labels()[a];
      right[k] = source.labels()[b];
    }
    return new MultiMnist(prefix, out, left, right, seed);
  }

  /** The task of the top-left item. */
  public Task left() {
    return task(prefix + "left", left);
  }

  /** The task of the bottom-right partner. */
  public Task right() {
    return task(prefix + "right", right);
  }

  /** Number of composed images. */
  public int size() {
    return left.length;
  }

  /** The seed that composed and laid out the images. */
  public long seed() {
    return seed;
  }

  /** Pixel values of composed image {@code i}, 28×28 row-major (a copy). */
  public float[] image(int i) {
    return java.util.Arrays.copyOfRange(images, i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
  }

  /** Labels (left, right) of composed image {@code i}. */
  public int[] labels(int i) {
    return new int[] {left[i], right[i]};
  }

  private Task task(String name, int[] labels) {
    Split all = Split.of(images, labels, SIZE * SIZE);
    int classes = 1 + java.util.Arrays.stream(labels).max().orElse(1);
    return Task.of(
        name,
        Math.max(10, classes),
        new long[] {1, SIZE, SIZE},
        all.after(TEST + DEV),
        all.after(TEST).first(DEV),
        all.first(TEST));
  }
}
