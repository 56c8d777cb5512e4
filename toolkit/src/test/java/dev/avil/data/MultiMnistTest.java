package dev.avil.data;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.task.Task;
import dev.avil.testing.NeedsData;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiMnistTest {
  /**
   * 3,100 synthetic 28×28 items: item i has label i (so a composed image's labels name its two
   * sources) and a few lit pixels at positions derived from i.
   */
  private static ImageSet dots() {
    int n = 3100;
    float[][][] img = new float[n][28][28];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i;
      for (int p = 0; p < 6; p++) {
        int r = (i * 7 + p * 11) % 28;
        int c = (i * 13 + p * 5) % 28;
        img[i][r][c] = 0.3f + ((i + p) % 7) / 10f;
      }
    }
    return new ImageSet(img, labels);
  }

  @Test
  void composesLeftAtTopLeftAndPartnerOffsetBySixThenResizesByNearestNeighbour() {
    ImageSet src = dots();
    MultiMnist mm = MultiMnist.compose("", src, 3);
    int[] index = new int[28];
    for (int i = 0; i < 28; i++) {
      index[i] = i * 36 / 28;
    }
    for (int k = 0; k < 50; k++) {
      int[] lab = mm.labels(k);
      assertThat(mm.image(k)).containsExactly(expected(src, lab[0], lab[1], index));
    }
    assertThat(index[27]).isEqualTo(34);
  }

  private static float[] expected(ImageSet s, int a, int b, int[] index) {
    float[] canvas = new float[36 * 36];
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        canvas[r * 36 + c] = s.pixels()[a][r][c];
      }
    }
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        int at = (r + 6) * 36 + c + 6;
        canvas[at] = Math.max(canvas[at], s.pixels()[b][r][c]);
      }
    }
    float[] out = new float[784];
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        out[r * 28 + c] = canvas[index[r] * 36 + index[c]];
      }
    }
    return out;
  }

  @Test
  void leftAndRightShareImagesAndSplitTheLayout() {
    MultiMnist mm = MultiMnist.compose("", dots(), 1);
    Task left = mm.left();
    Task right = mm.right();
    assertThat(left.test().size()).isEqualTo(2000);
    assertThat(left.dev().size()).isEqualTo(1000);
    assertThat(left.train().size()).isEqualTo(100);
    assertThat(left.inputShape()).containsExactly(1, 28, 28);
    assertThat(right.train().size()).isEqualTo(100);
    for (int i = 0; i < 100; i++) {
      assertThat(new int[] {left.train().label(i), right.train().label(i)})
          .containsExactly(mm.labels(3000 + i));
    }
  }

  @Test
  void theSameSeedComposesTheSameImagesAndAnotherSeedDoesNot() {
    MultiMnist a = MultiMnist.compose("", dots(), 5);
    MultiMnist b = MultiMnist.compose("", dots(), 5);
    MultiMnist c = MultiMnist.compose("", dots(), 6);
    Set<Boolean> sameAsC = new HashSet<>();
    for (int k = 0; k < 20; k++) {
      assertThat(a.image(k)).containsExactly(b.image(k));
      assertThat(a.labels(k)).containsExactly(b.labels(k));
      sameAsC.add(java.util.Arrays.equals(a.image(k), c.image(k)));
    }
    assertThat(sameAsC).contains(false);
  }

  @Test
  @NeedsData
  void composesTheRealDigitsWhenTheyAreThere() {
    MultiMnist mm = MultiMnist.load(0);
    assertThat(mm.size()).isGreaterThanOrEqualTo(10_000);
    // every composed image keeps pixel values in [0, 1] and both labels are digits
    for (int k = 0; k < 100; k++) {
      for (float v : mm.image(k)) {
        assertThat(v).isBetween(0f, 1f);
      }
      assertThat(java.util.Arrays.stream(mm.labels(k)).boxed().toList())
          .allSatisfy(l -> assertThat(l).isBetween(0, 9));
      assertThat(mm.left().classes()).isEqualTo(10);
    }
  }

  @Test
  void imagesFromArraysMustAllHaveOneSize() {
    float[][][] ragged = {new float[28][28], new float[27][28]};
    assertRefused(
        () -> new ImageSet(ragged, new int[] {0, 1}), "image 1 has 27 rows, image 0 has 28");
    assertRefused(() -> new ImageSet(new float[2][28][28], new int[] {0}), "2 images and 1 labels");
    ImageSet wide = new ImageSet(new float[3][2][5], new int[3]);
    assertThat(wide.height()).isEqualTo(2);
    assertThat(wide.width()).isEqualTo(5);
  }

  @Test
  void rejectsImagesThatAreNot28By28() {
    ImageSet small = new ImageSet(new float[4000][2][2], new int[4000]);
    assertRefused(() -> MultiMnist.compose("", small, 1), "28×28", "2×2");
  }
}
