package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.Metric;
import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingListener;
import dev.avil.weighting.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole runs on small synthetic tasks: learning, determinism, failures that keep results. */
class RunBehaviourTest {
  private static final Task FULL = Synthetic.blobs("target", 2000, 8, 4, 1.0, 11);
  private static final Task TARGET = FULL.trainSize(100);
  private static final Task COPY = FULL.named("copy");
  private static final Task NOISE = Tasks.randomLabels("noise", FULL, 5);

  private static Experiment small() {
    return Experiment.target(TARGET).aux(COPY, NOISE).trunk(Trunks.mlp(16)).headHidden(8)
        .epochs(3).batchSize(16).learningRate(0.05).listener(TrainingListener.silent());
  }

  /**
   * The known answer of DESIGN §5: an auxiliary task that copies the target ends with a higher
   * weight than one with random labels. The α signal of one seed is noisy (a few hundred dev
   * examples, ten Adam steps), so the claim is checked on the mean over four seeds: the final
   * weight for the default (additive) rule, the summed α for it and the mean-normalised rule.
   */
  @Test
  void alphaVilEndsWithAHigherWeightForACopyOfTheTargetThanForRandomLabels() {
    for (Method m : List.of(Method.alphaVil(), Method.alphaVil(a -> a.update(dev.avil.weighting.AlphaVilOptions.Update.MEAN_NORMALISED)))) {
      double copy = 0;
      double noise = 0;
      double copyAlpha = 0;
      double noiseAlpha = 0;
      StringBuilder seen = new StringBuilder();
      for (long seed = 1; seed <= 4; seed++) {
        Results r = small().seed(seed).method(m).run();
        copy += r.value(r.epochs(), "copy", Metric.WEIGHT) / 4;
        noise += r.value(r.epochs(), "noise", Metric.WEIGHT) / 4;
        for (int e = 1; e <= r.epochs(); e++) {
          copyAlpha += r.value(e, "copy", Metric.ALPHA);
          noiseAlpha += r.value(e, "noise", Metric.ALPHA);
        }
        seen.append(r.weights().print()).append('\n');
      }
      if (m.name().equals("αVIL")) {
        assertThat(copy).as("%s: mean final weight of the copy vs random labels%n%s", m.name(), seen).isGreaterThan(noise);
      }
      assertThat(copyAlpha).as("%s: summed α of the copy vs random labels", m.name()).isGreaterThan(noiseAlpha);
    }
  }

  /**
   * The same known answer for the other target-aware methods: a copy of the target ends with more
   * influence than random labels (GCS: mean gate; OL-AUX: weight; ForkMerge: merge weight of its
   * branch), on the mean over four seeds.
   */
  @Test
  void targetAwareBaselinesGiveTheCopyMoreInfluenceThanRandomLabels() {
    for (Method m : List.of(Method.gcs(), Method.olAux(), Method.forkMerge())) {
      double copy = 0;
      double noise = 0;
      for (long seed = 1; seed <= 4; seed++) {
        Results r = small().seed(seed).method(m).run();
        for (int e = 1; e <= r.epochs(); e++) {
          copy += r.value(e, "copy", Metric.WEIGHT);
          noise += r.value(e, "noise", Metric.WEIGHT);
        }
      }
      assertThat(copy).as("%s: summed influence of the copy vs random labels", m.name()).isGreaterThan(noise);
    }
  }

  @Test
  void lossBalancersRunAndReportTheirWeights() {
    for (Method m : List.of(Method.dwa(), Method.uncertainty())) {
      Results r = small().method(m).run();
      assertThat(r.testAtBest()).as(m.name()).isGreaterThan(0.5);
      for (String task : List.of("target", "copy", "noise")) {
        assertThat(r.value(3, task, Metric.WEIGHT)).as("%s %s", m.name(), task).isPositive().isFinite();
      }
    }
    // uncertainty weighting learns a lower weight for the task whose loss stays high
    Results u = small().epochs(4).method(Method.uncertainty()).run();
    assertThat(u.value(4, "noise", Metric.WEIGHT)).isLessThan(u.value(4, "copy", Metric.WEIGHT));
  }

  @Test
  void trainingLearnsTheTarget() {
    Results r = small().epochs(6).uniform().run();
    assertThat(r.testAtBest()).as("uniform MTL on separable blobs").isGreaterThan(0.8);
    assertThat(r.value(1, "target", Metric.TRAIN_LOSS)).isGreaterThan(r.value(6, "target", Metric.TRAIN_LOSS));
    Results single = small().epochs(6).singleTask().run();
    assertThat(single.value(6, "copy", Metric.TRAIN_LOSS)).isNaN();
    assertThat(single.value(6, "copy", Metric.WEIGHT)).isZero();
  }

  @Test
  void theSameSeedGivesIdenticalNumbersAndAnotherSeedDoesNot() {
    Results a = small().seed(9).alphaVil().run();
    Results b = small().seed(9).alphaVil().run();
    Results c = small().seed(10).alphaVil().run();
    assertThat(withoutTimes(a)).isEqualTo(withoutTimes(b));
    assertThat(withoutTimes(a)).isNotEqualTo(withoutTimes(c));
  }

  private static List<dev.avil.train.Record> withoutTimes(Results r) {
    return r.records().stream().filter(x -> x.metric() != Metric.SECONDS).toList();
  }

  @Test
  void recordsEveryTaskEveryEpochAndTheResolvedConfiguration() {
    List<TrainingListener.EpochProgress> seen = new ArrayList<>();
    Results r = small().epochs(2).listener(seen::add).alphaVil(a -> a.rho(0.5)).run();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).alphas()).hasSize(3);
    assertThat(r.method()).isEqualTo("αVIL(rho=0.5)");
    for (String task : List.of("target", "copy", "noise")) {
      for (Metric m : List.of(Metric.DEV_ACCURACY, Metric.TEST_ACCURACY, Metric.WEIGHT, Metric.ALPHA, Metric.TRAIN_LOSS)) {
        assertThat(r.value(2, task, m)).as("%s %s", task, m).isFinite();
      }
    }
    assertThat(r.config()).containsEntry("method.rho", "0.5").containsEntry("method.alphaSteps", "10")
        .containsEntry("epochs", "2").containsEntry("target", "target").containsEntry("aux", "copy noise")
        .containsKey("task.copy").containsKey("version.djl");
    assertThat(r.summary().rowCount()).isEqualTo(3);
    assertThat(r.weights().rowCount()).isEqualTo(6);
  }

  @Test
  void aNonFiniteLossStopsTheRunNamingTaskAndEpochAndKeepsTheFinishedEpochs() {
    Method poisoned = Method.custom("poisoned", Map.of(), () -> new Strategy() {
      final Uniform uniform = new Uniform();

      @Override
      public EpochWeights trainEpoch(dev.avil.train.TrainingRun run) {
        if (run.epoch() == 3) {
          try (ParamVector p = run.parameters(); ParamVector nan = p.axpy(Double.NaN, p)) {
            run.setParameters(nan);
          }
        }
        return uniform.trainEpoch(run);
      }
    }, true);
    assertThatThrownBy(() -> small().method(poisoned).run())
        .isInstanceOf(TrainingFailedException.class)
        .hasMessageContaining("task 'target'")
        .hasMessageContaining("epoch 3")
        .satisfies(e -> {
          Results partial = ((TrainingFailedException) e).partialResults();
          assertThat(partial.epochs()).isEqualTo(2);
          assertThat(partial.testAtBest()).isFinite();
        });
  }

  @Test
  void aComparisonKeepsEverySeedThatFinished() {
    Method failsOnSeed2 = Method.custom("fragile", Map.of(), () -> new Strategy() {
      final Uniform uniform = new Uniform();

      @Override
      public EpochWeights trainEpoch(dev.avil.train.TrainingRun run) {
        if (run.spec().seed() == 2 && run.epoch() == 2) {
          throw new IllegalStateException("boom");
        }
        return uniform.trainEpoch(run);
      }
    }, true);
    Comparison c = small().epochs(2).compare(Method.singleTask(), failsOnSeed2).seeds(1, 2, 3).run();
    assertThat(c.runs()).hasSize(5);
    assertThat(c.runs("fragile")).extracting(Results::seed).containsExactly(1L, 3L);
    assertThat(c.failures()).singleElement().asString().contains("fragile seed 2").contains("boom");
    assertThat(c.partialRuns()).singleElement().satisfies(p -> assertThat(p.epochs()).isEqualTo(1));
    assertThat(c.pairedDifferences("fragile", "single-task")).hasSize(2);
  }
}
