package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.api.Method;
import dev.avil.weighting.AlphaVilOptions.Update;
import org.junit.jupiter.api.Test;

/** Every method's options refuse a bad value with one message: option, value, what is accepted. */
class MethodOptionsTest {
  @Test
  void aBadOptionIsRefusedWithItsNameItsValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> Dwa.Options.defaults().temperature(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DWA temperature 0.0 must be a finite number > 0");
    assertThatThrownBy(() -> OlAux.Options.defaults().beta(Double.NaN))
        .hasMessage("OL-AUX beta NaN must be a finite number > 0");
    assertThatThrownBy(() -> OlAux.Options.defaults().horizon(0))
        .hasMessage("OL-AUX horizon 0 must be ≥ 1");
    assertThatThrownBy(() -> OlAux.Options.defaults().maxWeight(Double.POSITIVE_INFINITY))
        .hasMessage("OL-AUX max weight Infinity must be a finite number > 0");
    assertThatThrownBy(() -> SingleTask.Options.defaults().passes(0))
        .hasMessage("single-task passes 0 must be ≥ 1");
    assertThatThrownBy(() -> WeightRate.defaults().learningRate(-1))
        .hasMessage(
            "weights' learning rate -1.0 must be a finite number > 0 (or NaN for the model's)");
    assertThatThrownBy(() -> ForkMerge.Options.defaults().gridStep(0.75))
        .hasMessage("ForkMerge grid step 0.75 must be in (0, 0.5]");
    assertThatThrownBy(() -> Gcs.Options.defaults().form(null))
        .hasMessage("GCS form null must be gated or weighted");
    assertThatThrownBy(() -> PcGrad.Options.defaults().reduction(null))
        .hasMessage("PCGrad reduction null must be sum or mean");
    assertThatThrownBy(() -> Mgda.Options.defaults().normalization(null))
        .hasMessage("MGDA normalization null must be none, l2, loss or loss-plus");
    assertThatThrownBy(() -> GradNorm.Options.defaults().alpha(-1))
        .hasMessage("GradNorm alpha -1.0 must be a finite number ≥ 0");
    assertThatThrownBy(() -> GradNorm.Options.defaults().learningRate(0))
        .hasMessage(
            "weights' learning rate 0.0 must be a finite number > 0 (or NaN for the model's)");
    assertThatThrownBy(() -> NashMtl.Options.defaults().maxNorm(Double.NaN))
        .hasMessage("Nash-MTL max norm NaN must be a finite number ≥ 0 (0 for no clip)");
    assertThatThrownBy(() -> Famo.Options.defaults().weightDecay(-1))
        .hasMessage("FAMO weight decay -1.0 must be a finite number ≥ 0");
    assertThatThrownBy(() -> CaGrad.Options.defaults().calpha(-0.1))
        .hasMessage("CAGrad calpha -0.1 must be a finite number ≥ 0");
    assertThatThrownBy(() -> CaGrad.Options.defaults().rescale(null))
        .hasMessage("CAGrad rescale null must be none, one-plus-alpha-squared or one-plus-alpha");
    assertThatThrownBy(() -> AlphaVilOptions.defaults().initialWeight(0))
        .hasMessage("initial weight 0.0 must be a finite number > 0");
    assertThatThrownBy(() -> AlphaVilOptions.defaults().minWeight(-1))
        .hasMessage("minimum weight -1.0 must be ≥ 0");
    assertThatThrownBy(() -> AlphaVilOptions.defaults().maxWeight(0.01))
        .hasMessage(
            "maximum weight 0.01 must be ≥ the minimum weight 0.05"
                + " (to lower both, set minWeight first)");
  }

  @Test
  void everyAlphaVilDefaultCanBeRestored() {
    AlphaVilOptions changed = AlphaVilOptions.defaults().maxWeight(8).update(Update.ADDITIVE);
    assertThat(changed.describe()).containsEntry("maxWeight", "8");
    AlphaVilOptions restored = changed.maxWeight(Double.NaN).update(Update.MULTIPLICATIVE);
    assertThat(restored).isEqualTo(AlphaVilOptions.defaults());
    assertThat(restored.describe()).containsEntry("maxWeight", "auto");
    assertThat(restored.weights().resolvedMaxWeight()).as("no task above the target").isEqualTo(1);
  }

  @Test
  void theDefaultsAndTheValuesJustInsideTheLimitsAreAccepted() {
    assertThat(WeightRate.defaults().learningRate()).isNaN();
    assertThat(ForkMerge.Options.defaults().gridStep(0.5).gridStep()).isEqualTo(0.5);
    assertThat(OlAux.Options.defaults().horizon(1).maxWeight(1e-9).horizon()).isEqualTo(1);
    assertThat(SingleTask.Options.defaults().passes(1).describe()).containsEntry("passes", "1");
    assertThat(CaGrad.Options.defaults().calpha(0).describe()).containsEntry("calpha", "0");
    assertThat(Mgda.Options.defaults().describe())
        .containsEntry("normalization", "loss-plus")
        .containsEntry("upperBound", "false");
    assertThat(AlphaVilOptions.defaults().minWeight(0).maxWeight(0).describe())
        .containsEntry("minWeight", "0")
        .containsEntry("maxWeight", "0");
  }

  @Test
  void onlySingleTaskLearningRunsWithoutAuxiliaryTasks() {
    assertThat(Method.singleTask().role().needsAux()).isFalse();
    assertThat(Method.singleTask(s -> s.passes(6)).role().needsAux()).isFalse();
    assertThat(Method.singleTask(s -> s.passes(6)).name()).isEqualTo("single-task(passes=6)");
    for (Method m :
        new Method[] {
          Method.uniform(),
          Method.alphaVil(),
          Method.gcs(),
          Method.olAux(),
          Method.forkMerge(),
          Method.dwa(),
          Method.uncertainty(),
          Method.pcGrad(),
          Method.mgda(),
          Method.caGrad(),
          Method.priPcGrad(),
          Method.arml(),
          Method.gradNorm(),
          Method.nashMtl(),
          Method.famo()
        }) {
      assertThat(m.role().needsAux()).as(m.name()).isTrue();
    }
  }
}
