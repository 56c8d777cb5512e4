package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AlphaVilOptions;
import org.junit.jupiter.api.Test;

/** Each bad input gets an IllegalArgumentException that names the value and what is accepted. */
class ValidationTest {
  private final Task target = Synthetic.blobs("target", 100, 4, 3, 1, 1);
  private final Task aux = Synthetic.blobs("aux", 100, 4, 3, 1, 2);

  @Test
  void aForkMergeGridStepThatDoesNotDivideOneIsRefused() {
    assertThatThrownBy(() -> Method.forkMerge(f -> f.gridStep(0.3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid step 0.3 does not divide 1")
        .hasMessageContaining("1/n");
    org.assertj.core.api.Assertions.assertThat(Method.forkMerge(f -> f.gridStep(0.05)).options())
        .containsEntry("gridStep", "0.05");
    org.assertj.core.api.Assertions.assertThat(Method.forkMerge(f -> f.gridStep(1.0 / 3)).name())
        .startsWith("forkmerge");
  }

  @Test
  void aMissingPrecisionIsRefusedAndAChosenOneIsRecorded() {
    assertThatThrownBy(() -> Experiment.target(target).precision(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("precision must not be null")
        .hasMessageContaining("FLOAT64");
    Results r =
        Experiment.target(target)
            .epochs(1)
            .listener(dev.avil.train.TrainingListener.silent())
            .precision(Precision.FLOAT64)
            .method(Method.singleTask())
            .run();
    org.assertj.core.api.Assertions.assertThat(r.config()).containsEntry("precision", "float64");
  }

  @Test
  void theTargetCannotAlsoBeAnAuxiliaryTask() {
    assertThatThrownBy(() -> Experiment.target(target).aux(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'target' is the target");
    assertThatThrownBy(() -> Experiment.target(target).aux(aux.named("target")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'target' is the target");
  }

  @Test
  void taskNamesMustBeUnique() {
    assertThatThrownBy(() -> Experiment.target(target).aux(aux, aux))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate task name 'aux'");
  }

  @Test
  void methodsThatNeedAuxiliaryTasksSayWhenThereAreNone() {
    assertThatThrownBy(() -> Experiment.target(target).alphaVil().run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("avil needs at least one auxiliary task");
    assertThatThrownBy(
            () -> Experiment.target(target).compare(Method.singleTask(), Method.uniform()).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uniform needs at least one auxiliary task");
  }

  @Test
  void inputShapesMustMatchTheTrunkAndEachOther() {
    Task wide = Synthetic.blobs("wide", 100, 5, 3, 1, 3);
    assertThatThrownBy(() -> Experiment.target(target).aux(wide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5]")
        .hasMessageContaining("[4]");
    assertThatThrownBy(() -> Experiment.target(target).trunk(Trunks.lenet()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input shape [4]")
        .hasMessageContaining("[1, 28, 28]");
  }

  @Test
  void labelsMustBeWithinTheClasses() {
    float[][] x = {{1}, {2}, {3}};
    assertThatThrownBy(
            () ->
                Task.builder("t")
                    .classes(2)
                    .train(x, new int[] {0, 1, 2})
                    .dev(x, new int[] {0, 1, 1})
                    .test(x, new int[] {0, 1, 1})
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 2")
        .hasMessageContaining("[0, 2)");
    assertThatThrownBy(
            () ->
                Task.builder("t")
                    .classes(3)
                    .train(x, new int[] {0, -1, 2})
                    .dev(x, new int[] {0, 1, 1})
                    .test(x, new int[] {0, 1, 1})
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label -1");
  }

  @Test
  void devAndTestSplitsMustNotBeEmpty() {
    float[][] x = {{1}, {2}};
    int[] y = {0, 1};
    assertThatThrownBy(
            () -> Task.builder("t").train(x, y).dev(new float[0][], new int[0]).test(x, y).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty dev split");
    assertThatThrownBy(
            () -> Task.builder("t").train(x, y).dev(x, y).test(new float[0][], new int[0]).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty test split");
  }

  @Test
  void epochsAndBatchSizeMustBePositive() {
    assertThatThrownBy(() -> Experiment.target(target).epochs(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epochs 0 must be ≥ 1");
    assertThatThrownBy(() -> Experiment.target(target).batchSize(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch size -3 must be ≥ 1");
  }

  @Test
  void rhoMustBeInTheUnitInterval() {
    assertThatThrownBy(() -> Method.alphaVil(a -> a.rho(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rho 0.0 must be in (0, 1]");
    assertThatThrownBy(() -> AlphaVilOptions.defaults().rho(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rho 1.5");
  }

  @Test
  void inputsMustBeFinite() {
    float[][] x = {{1}, {Float.NaN}};
    float[][] ok = {{1}, {2}};
    int[] y = {0, 1};
    assertThatThrownBy(() -> Task.builder("t").train(x, y).dev(ok, y).test(ok, y).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("train input is not finite")
        .hasMessageContaining("NaN");
    float[][] inf = {{Float.POSITIVE_INFINITY}, {2}};
    assertThatThrownBy(() -> Task.builder("t").train(ok, y).dev(ok, y).test(inf, y).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity");
  }

  @Test
  void otherSettingsNameTheirValue() {
    assertThatThrownBy(() -> Experiment.target(target).devSplit(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dev split 1.0");
    assertThatThrownBy(() -> Experiment.target(target).learningRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learning rate NaN");
    assertThatThrownBy(() -> Experiment.target(target).compare(Method.uniform(), Method.uniform()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'uniform' appears twice");
    assertThatThrownBy(() -> Experiment.target(target).compare(Method.uniform()).seeds(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed 1 appears twice");
    assertThatThrownBy(() -> Method.alphaVil(a -> a.alphaSteps(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha steps -1");
    assertThatThrownBy(() -> Trunks.mlp(8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mlp layer size 0");
  }
}
