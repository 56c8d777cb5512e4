package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.results.Metric;
import dev.avil.testing.NeedsData;
import dev.avil.train.TrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real path, small: the main job's setting ({@link Settings#mnistNegative}) at quick scale,
 * from the real digits, LeNet, αVIL, one short run.
 */
@Tag("slow")
@NeedsData
class RealMultiMnistTest {
  private static final int EPOCHS = 15;

  @Test
  void alphaVilRunsOnRealMultiMnistWithLenetAndLearnsSomething() {
    Results r =
        Settings.mnistNegative(Settings.Scale.QUICK)
            .epochs(EPOCHS)
            .listener(TrainingListener.silent())
            .alphaVil()
            .run();
    assertThat(r.config())
        .containsEntry("trunk", "lenet")
        .containsEntry("aux", "right noise")
        .containsEntry("task.left", "classes=10 input=[1,28,28] train=500 dev=1000 test=2000")
        .containsEntry("task.right", "classes=10 input=[1,28,28] train=1000 dev=1000 test=2000");
    assertThat(r.config().get("version.djl"))
        .as("the DJL version on the class path, which the build passes as avil.djl.version")
        .isEqualTo(System.getProperty("avil.djl.version"))
        .isNotNull();
    assertThat(r.epochs()).isEqualTo(EPOCHS);
    assertThat(r.value(EPOCHS, "left", Metric.TRAIN_LOSS))
        .isLessThan(r.value(1, "left", Metric.TRAIN_LOSS));
    // LeNet on 500 images sits at chance (0.1) for about eight epochs before it learns
    assertThat(r.testAtBest()).as("well above chance after %d epochs", EPOCHS).isGreaterThan(0.3);
  }
}
