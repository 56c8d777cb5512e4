package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.model.Trunks;
import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.Optimizer;
import dev.avil.train.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's optimiser as an option of the experiment: AdamW beside SGD, for every method. */
class OptimizerTest {
  private static Experiment experiment(Optimizer o, double lr, int epochs) {
    Task target = Synthetic.blobs("target", 240, 4, 3, 1.2, 5);
    return Experiment.target(target)
        .aux(Tasks.randomLabels("noise", target, 1))
        .trunk(Trunks.mlp(8))
        .headHidden(4)
        .epochs(epochs)
        .patience(0)
        .batchSize(32)
        .optimizer(o)
        .learningRate(lr)
        .listener(TrainingListener.silent());
  }

  @Test
  void adamWTrainsTheTargetAndIsRecorded() {
    Results r = experiment(Optimizer.adamW(), 3e-2, 10).method(Method.singleTask()).run();
    double first = r.value(1, "target", Metric.TRAIN_LOSS);
    double last = r.value(10, "target", Metric.TRAIN_LOSS);
    assertThat(last).as("training loss after 10 epochs against the first").isLessThan(0.8 * first);
    assertThat(r.testAtBest()).as("3 classes: chance is 1/3").isGreaterThan(0.55);
    assertThat(r.config())
        .containsEntry("optimizer", "adamw beta1=0.9 beta2=0.999 weightDecay=0.01");
    Results sgd = experiment(Optimizer.sgd(), 0.05, 1).method(Method.singleTask()).run();
    assertThat(sgd.config()).containsEntry("optimizer", "sgd momentum=0.9");
  }

  @Test
  void everyCatalogueMethodRunsUnderAdamW() {
    List<Method> all = Methods.ids().stream().map(Methods::parse).toList();
    Comparison c =
        experiment(Optimizer.adamW().weightDecay(0), 1e-2, 2)
            .compare(all.toArray(Method[]::new))
            .seeds(1)
            .run();
    assertThat(c.failures()).isEmpty();
    assertThat(c.runs()).hasSize(all.size());
    for (Results r : c.runs()) {
      assertThat(r.config())
          .as(r.method())
          .containsEntry("optimizer", "adamw beta1=0.9 beta2=0.999 weightDecay=0.0");
      assertThat(Double.isFinite(r.value(2, "target", Metric.TRAIN_LOSS))).as(r.method()).isTrue();
    }
  }

  @Test
  void settingsThatDoNotApplyAreRefusedByName() {
    assertThatThrownBy(() -> Optimizer.adamW().momentum(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("momentum 0.5 must be 0: it is not an option here");
    assertThatThrownBy(() -> Optimizer.sgd().weightDecay(0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight decay 0.1 must be 0 for SGD");
    assertThatThrownBy(() -> Optimizer.adamW().betas(1, 0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta1 1.0 must be in [0, 1)");
    assertThatThrownBy(() -> Optimizer.sgd().momentum(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("momentum 1.0 must be in [0, 1)");
  }
}
