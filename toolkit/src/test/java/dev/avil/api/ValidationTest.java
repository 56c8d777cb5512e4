package dev.avil.api;

import static dev.avil.testing.Refusals.assertRefused;

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
    assertRefused(
        () -> Method.forkMerge(f -> f.gridStep(0.3)), "grid step 0.3 does not divide 1", "1/n");
    org.assertj.core.api.Assertions.assertThat(Method.forkMerge(f -> f.gridStep(0.05)).options())
        .containsEntry("gridStep", "0.05");
    org.assertj.core.api.Assertions.assertThat(Method.forkMerge(f -> f.gridStep(1.0 / 3)).name())
        .startsWith("forkmerge");
  }

  @Test
  void aMissingPrecisionIsRefusedAndAChosenOneIsRecorded() {
    assertRefused(() -> Experiment.target(target).precision(null), "precision null", "FLOAT64");
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
    assertRefused(() -> Experiment.target(target).aux(target), "'target' is the target");
    assertRefused(
        () -> Experiment.target(target).aux(aux.named("target")), "'target' is the target");
  }

  @Test
  void taskNamesMustBeUnique() {
    assertRefused(() -> Experiment.target(target).aux(aux, aux), "duplicate task name 'aux'");
  }

  @Test
  void methodsThatNeedAuxiliaryTasksSayWhenThereAreNone() {
    assertRefused(
        () -> Experiment.target(target).alphaVil().run(), "avil needs at least one auxiliary task");
    assertRefused(
        () -> Experiment.target(target).compare(Method.singleTask(), Method.uniform()).run(),
        "uniform needs at least one auxiliary task");
  }

  @Test
  void inputShapesMustMatchTheTrunkAndEachOther() {
    Task wide = Synthetic.blobs("wide", 100, 5, 3, 1, 3);
    assertRefused(() -> Experiment.target(target).aux(wide), "[5]", "[4]");
    assertRefused(
        () -> Experiment.target(target).trunk(Trunks.lenet()), "input shape [4]", "[1, 28, 28]");
  }

  @Test
  void labelsMustBeWithinTheClasses() {
    float[][] x = {{1}, {2}, {3}};
    assertRefused(
        () ->
            Task.builder("t")
                .classes(2)
                .train(x, new int[] {0, 1, 2})
                .dev(x, new int[] {0, 1, 1})
                .test(x, new int[] {0, 1, 1})
                .build(),
        "label 2",
        "[0, 2)");
    assertRefused(
        () ->
            Task.builder("t")
                .classes(3)
                .train(x, new int[] {0, -1, 2})
                .dev(x, new int[] {0, 1, 1})
                .test(x, new int[] {0, 1, 1})
                .build(),
        "label -1");
  }

  @Test
  void devAndTestSplitsMustNotBeEmpty() {
    float[][] x = {{1}, {2}};
    int[] y = {0, 1};
    assertRefused(
        () -> Task.builder("t").train(x, y).dev(new float[0][], new int[0]).test(x, y).build(),
        "empty dev split");
    assertRefused(
        () -> Task.builder("t").train(x, y).dev(x, y).test(new float[0][], new int[0]).build(),
        "empty test split");
  }

  @Test
  void epochsAndBatchSizeMustBePositive() {
    assertRefused(() -> Experiment.target(target).epochs(0), "epochs 0 must be ≥ 1");
    assertRefused(() -> Experiment.target(target).batchSize(-3), "batch size -3 must be ≥ 1");
  }

  @Test
  void rhoMustBeInTheUnitInterval() {
    assertRefused(() -> Method.alphaVil(a -> a.rho(0)), "rho 0.0 must be in (0, 1]");
    assertRefused(() -> AlphaVilOptions.defaults().rho(1.5), "rho 1.5");
  }

  @Test
  void inputsMustBeFinite() {
    float[][] x = {{1}, {Float.NaN}};
    float[][] ok = {{1}, {2}};
    int[] y = {0, 1};
    assertRefused(
        () -> Task.builder("t").train(x, y).dev(ok, y).test(ok, y).build(),
        "train input is not finite",
        "NaN");
    float[][] inf = {{Float.POSITIVE_INFINITY}, {2}};
    assertRefused(() -> Task.builder("t").train(ok, y).dev(ok, y).test(inf, y).build(), "Infinity");
  }

  @Test
  void otherSettingsNameTheirValue() {
    assertRefused(() -> Experiment.target(target).devSplit(1.0), "dev split 1.0");
    assertRefused(() -> Experiment.target(target).learningRate(Double.NaN), "learning rate NaN");
    assertRefused(() -> Experiment.target(target).patienceGrowth(-1), "patience growth -1.0");
    assertRefused(
        () -> Experiment.target(target).compare(Method.uniform(), Method.uniform()),
        "'uniform' appears twice");
    assertRefused(
        () -> Experiment.target(target).compare(Method.uniform()).seeds(1, 1),
        "seed 1 appears twice");
    assertRefused(() -> Method.alphaVil(a -> a.alphaSteps(-1)), "alpha steps -1");
    assertRefused(() -> Trunks.mlp(8, 0), "mlp layer size 0");
  }
}
