package dev.avil.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.testing.NeedsData;
import dev.avil.train.TrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The text setting, small (at most 60 examples per split, a few hundred texts: the vectors are
 * cached after the first run), through the engine: single-task, uniform and αVIL.
 */
@Tag("slow")
@NeedsData
class FineFoodSentimentTest {
  private static final FineFoodSentiment SMALL = FineFoodSentiment.atMost(60);

  @Test
  void smallSettingHasFiveTasksOfSentenceVectors() {
    assertThat(SMALL.target().name()).isEqualTo("review");
    assertThat(SMALL.auxiliary())
        .extracting(Task::name)
        .containsExactly("review-aux", "review-noise", "word-polarity", "tweet-device");
    for (Task t : SMALL.auxiliary()) {
      assertThat(t.inputShape()).containsExactly(384);
      assertThat(t.classes()).isEqualTo(2);
      assertThat(t.train().size()).isEqualTo(60);
    }
    assertThat(SMALL.target().dev().size()).isEqualTo(60);
    assertThat(SMALL.target().test().size()).isEqualTo(60);
  }

  @Test
  void textComparisonRunsThroughTheEngine() {
    Comparison c =
        Experiment.target(SMALL.target())
            .aux(SMALL.auxiliary())
            .epochs(2)
            .listener(TrainingListener.silent())
            .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
            .seeds(1)
            .run();
    assertThat(c.failures()).isEmpty();
    assertThat(c.methods()).hasSize(3);
    Results avil = c.runs(Method.alphaVil().name()).get(0);
    for (String task :
        new String[] {"review", "review-aux", "review-noise", "word-polarity", "tweet-device"}) {
      assertThat(avil.value(2, task, Metric.WEIGHT))
          .as("weight of %s", task)
          .isFinite()
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(avil.testAtBest()).isBetween(0.0, 1.0);
  }

  @Test
  void theFineTunedSettingsExamplesAreTextIndicesThatItsTrunkReads() {
    FineFoodSentiment.FineTuned tuned = FineFoodSentiment.fineTuned(30, 1);
    FineFoodSentiment t = tuned.tasks();
    assertThat(t.target().inputShape()).containsExactly(1);
    assertThat(t.target().train().size()).isEqualTo(30);
    // the same review has the same index in every task that holds it
    assertThat(t.otherReviews().dev().features()).containsExactly(t.target().dev().features());
    assertThat(tuned.trunk().name()).isEqualTo("minilm-top1");
    Comparison c =
        Experiment.target(t.target())
            .aux(t.auxiliary())
            .trunk(tuned.trunk())
            .optimizer(dev.avil.train.Optimizer.adamW())
            .learningRate(1e-4)
            .epochs(2)
            .listener(TrainingListener.silent())
            .compare(Method.singleTask(), Method.alphaVil())
            .seeds(1)
            .run();
    assertThat(c.failures()).isEmpty();
    Results avil = c.runs(Method.alphaVil().name()).get(0);
    assertThat(avil.config()).containsEntry("trunk", "minilm-top1");
    assertThat(avil.value(2, "review", Metric.TRAIN_LOSS)).isFinite();
  }
}
