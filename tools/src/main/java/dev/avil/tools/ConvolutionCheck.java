package dev.avil.tools;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.avil.model.ChannelsLast;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.Autograd;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whether this machine's convolution kernels give the same, finite gradient each time they are
 * asked the same question. LeNet's two convolutions (with the max pooling and ReLU between them)
 * run forward and backward {@code repeats} times on one fixed batch, and every pass's weight
 * gradient of the first convolution is compared with the first pass's, bit for bit. Kernels that
 * work give the same finite gradient every time.
 *
 * <pre>{@code
 * boolean ok = ConvolutionCheck.run(true, 300).stable(); // channels last, this thread's setting
 * }</pre>
 *
 * <p>It exists because one does not always work: see {@link KernelCheck}.
 */
public final class ConvolutionCheck {
  private static final int BATCH = 64;

  private ConvolutionCheck() {}

  /**
   * What the repeated passes gave.
   *
   * @param passes the passes compared with the first
   * @param differing how many gave a gradient that is not bit for bit the first pass's
   * @param nonFinite how many gave a gradient with a value that is not finite (the first pass
   *     included)
   * @param norm the Euclidean norm of the first pass's gradient: not 0, or nothing was checked
   */
  public record Outcome(int passes, int differing, int nonFinite, double norm) {
    /** Whether every pass gave the first pass's gradient and all of them were finite. */
    public boolean stable() {
      return differing == 0 && nonFinite == 0;
    }
  }

  /**
   * Runs the check on the calling thread, with its PyTorch thread setting.
   *
   * @param channelsLast lay the batch out channels last, as the toolkit's LeNet does, rather than
   *     channels first
   * @param repeats passes after the first, at least 1
   */
  public static Outcome run(boolean channelsLast, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats " + repeats + " must be ≥ 1");
    }
    SplittableRandom random = new SplittableRandom(1);
    try (NDManager manager = DjlRuntime.newManager()) {
      NDArray x = normal(manager, random, new Shape(BATCH, 1, 28, 28), 1);
      NDArray input = channelsLast ? ChannelsLast.of(x) : x;
      NDArray w1 = normal(manager, random, new Shape(10, 1, 5, 5), 0.2f);
      NDArray w2 = normal(manager, random, new Shape(20, 10, 5, 5), 0.06f);
      NDArray b1 = manager.zeros(new Shape(10));
      NDArray b2 = manager.zeros(new Shape(20));
      w1.setRequiresGradient(true);
      w2.setRequiresGradient(true);
      Object kind = List.of("kernel check", channelsLast);
      float[] first = gradient(kind, input, w1, b1, w2, b2);
      int differing = 0;
      int nonFinite = Double.isFinite(norm(first)) ? 0 : 1;
      for (int r = 0; r < repeats; r++) {
        float[] g = gradient(kind, input, w1, b1, w2, b2);
        differing += Arrays.equals(g, first) ? 0 : 1;
        nonFinite += Double.isFinite(norm(g)) ? 0 : 1;
      }
      return new Outcome(repeats, differing, nonFinite, norm(first));
    }
  }

  /** The first convolution's weight gradient of the mean squared output of the second. */
  private static float[] gradient(
      Object kind, NDArray x, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
    Shape one = new Shape(1, 1);
    Shape none = new Shape(0, 0);
    try (NDScope scope = new NDScope();
        Autograd ag = new Autograd(kind)) {
      NDArray c1 = Conv2d.conv2d(x, w1, b1, one, none, one, 1).singletonOrThrow();
      NDArray pooled =
          c1.getNDArrayInternal().maxPool(new Shape(2, 2), new Shape(2, 2), none, false);
      NDArray p1 = pooled.getNDArrayInternal().relu();
      NDArray c2 = Conv2d.conv2d(p1, w2, b2, one, none, one, 1).singletonOrThrow();
      ag.backward(c2.square().mean());
    }
    float[] out;
    try (NDArray g1 = w1.getGradient()) {
      out = g1.toFloatArray();
    }
    JniUtils.zeroGrad((PtNDArray) w1);
    JniUtils.zeroGrad((PtNDArray) w2);
    return out;
  }

  private static NDArray normal(NDManager manager, SplittableRandom random, Shape shape, float sd) {
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      // Box-Muller from the Java stream, so the batch and weights do not depend on the engine
      v[i] =
          (float)
              (sd
                  * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                  * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return manager.create(v, shape);
  }

  /** The Euclidean norm of {@code v}: finite exactly when every value is (a float squared fits). */
  private static double norm(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += (double) f * f;
    }
    return Math.sqrt(sum);
  }
}
