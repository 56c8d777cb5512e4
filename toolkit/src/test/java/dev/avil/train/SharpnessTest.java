package dev.avil.train;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The temperature fit of αVIL's calibrated tuning loss, on logits with a known answer. */
class SharpnessTest {
  private static final int CLASSES = 5;

  /** Mean cross-entropy of s·logits, written out here independently of the code under test. */
  private static double loss(float[] z, int[] y, double s) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CLASSES; c++) {
        max = Math.max(max, s * z[i * CLASSES + c]);
      }
      double lse = 0;
      for (int c = 0; c < CLASSES; c++) {
        lse += Math.exp(s * z[i * CLASSES + c] - max);
      }
      sum += max + Math.log(lse) - s * z[i * CLASSES + y[i]];
    }
    return sum / y.length;
  }

  /** Labels drawn from softmax(trueSharpness · z), for standard normal z. */
  private static int[] sample(float[] z, double trueSharpness, Random r) {
    int n = z.length / CLASSES;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double[] p = new double[CLASSES];
      double total = 0;
      for (int c = 0; c < CLASSES; c++) {
        p[c] = Math.exp(trueSharpness * z[i * CLASSES + c]);
        total += p[c];
      }
      double u = r.nextDouble() * total;
      int c = 0;
      while (c < CLASSES - 1 && (u -= p[c]) > 0) {
        c++;
      }
      y[i] = c;
    }
    return y;
  }

  private static float[] normal(int n, Random r) {
    float[] z = new float[n * CLASSES];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) r.nextGaussian();
    }
    return z;
  }

  @Test
  void recoversTheSharpnessTheLabelsWereDrawnAt() {
    Random r = new Random(7);
    for (double truth : new double[] {0.5, 2.0}) {
      float[] z = normal(20_000, r);
      int[] y = sample(z, truth, r);
      assertThat(Losses.sharpness(z, y, CLASSES)).isCloseTo(truth, within(0.08 * truth));
    }
  }

  @Test
  void theFitMinimisesTheLossAndItsSlopeIsTheLossDerivative() {
    Random r = new Random(3);
    float[] z = normal(500, r);
    int[] y = sample(z, 1.3, r);
    double s = Losses.sharpness(z, y, CLASSES);
    assertThat(loss(z, y, s)).isLessThan(loss(z, y, s * 1.05)).isLessThan(loss(z, y, s * 1.1));
    assertThat(loss(z, y, s)).isLessThan(loss(z, y, s / 1.05));
    for (double at : new double[] {0.3, 1.0, 4.0}) {
      double h = 1e-5;
      double numeric = (loss(z, y, at + h) - loss(z, y, at - h)) / (2 * h);
      assertThat(Losses.slope(z, y, CLASSES, at)).isCloseTo(numeric, within(1e-6));
    }
  }

  @Test
  void separableLogitsGoToTheTopOfTheRangeAndWrongOnesToTheBottom() {
    float[] z = {3, 0, 0, 0, 0, 0, 3, 0, 0, 0};
    assertThat(Losses.sharpness(z, new int[] {0, 1}, CLASSES)).isEqualTo(Losses.MAX_SHARPNESS);
    assertThat(Losses.sharpness(z, new int[] {1, 0}, CLASSES)).isEqualTo(Losses.MIN_SHARPNESS);
  }

  @Test
  void logitsThatDoNotMatchTheLabelsAreRefused() {
    assertRefused(
        () -> Losses.sharpness(new float[7], new int[] {0, 1}, CLASSES),
        "7 logits do not make 2 rows of 5");
  }
}
