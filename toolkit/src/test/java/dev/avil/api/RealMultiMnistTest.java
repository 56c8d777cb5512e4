package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.data.MultiMnist;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.train.TrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real path, small: MultiMNIST from the real digits, LeNet, αVIL, one short run. */
@Tag("slow")
class RealMultiMnistTest {
  @Test
  void alphaVilRunsOnRealMultiMnistWithLenetAndLearnsSomething() {
    MultiMnist mm = MultiMnist.load(0);
    Task left = mm.left().trainSize(500);
    Task right = mm.right().trainSlice(500, 1500);
    Task noise = Tasks.randomLabels("noise", right, 0);
    Results r = Experiment.target(left).aux(right, noise).epochs(3).listener(TrainingListener.silent()).alphaVil().run();
    assertThat(r.config()).containsEntry("trunk", "lenet").containsEntry("task.left", "classes=10 input=[1,28,28] train=500 dev=1000 test=2000");
    assertThat(r.epochs()).isEqualTo(3);
    assertThat(r.value(3, "left", dev.avil.results.Metric.TRAIN_LOSS)).isLessThan(r.value(1, "left", dev.avil.results.Metric.TRAIN_LOSS));
    assertThat(r.value(3, "right", dev.avil.results.Metric.TRAIN_LOSS)).isLessThan(r.value(1, "right", dev.avil.results.Metric.TRAIN_LOSS));
    assertThat(r.testAtBest()).as("no worse than chance after 3 short epochs").isGreaterThan(0.1);
  }
}
