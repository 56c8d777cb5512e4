package dev.avil.api;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.AutoLambda;
import dev.avil.weighting.CaGrad;
import dev.avil.weighting.Gcs;
import dev.avil.weighting.MethodOptions;
import dev.avil.weighting.Mgda;
import dev.avil.weighting.PcGrad;
import dev.avil.weighting.Uniform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One name per method: what a method is called reads back into the same method. */
class MethodsTest {
  @Test
  void everyCatalogueNameReadsBackIntoTheSameMethod() {
    List<Method> methods =
        List.of(
            Method.singleTask(s -> s.passes(6)),
            Method.alphaVil(a -> a.rho(0.5).evidence(3).update(AlphaVilOptions.Update.ADDITIVE)),
            Method.alphaVilPaper(a -> a.alphaSteps(4)),
            Method.gcs(g -> g.form(Gcs.Form.WEIGHTED)),
            Method.olAux(o -> o.beta(0.1).horizon(10)),
            Method.forkMerge(f -> f.gridStep(0.05)),
            Method.dwa(d -> d.temperature(1)),
            Method.uncertainty(u -> u.learningRate(0.01)),
            Method.pcGrad(p -> p.reduction(PcGrad.Reduction.MEAN)),
            Method.mgda(m -> m.upperBound(true).normalization(Mgda.Normalization.NONE)),
            Method.caGrad(c -> c.calpha(0.5).rescale(CaGrad.Rescale.ONE_PLUS_ALPHA)),
            Method.priPcGrad(),
            Method.arml(a -> a.learningRate(0.01)),
            Method.gradNorm(g -> g.alpha(0.5).learningRate(0.01)),
            Method.nashMtl(n -> n.maxNorm(0)),
            Method.famo(f -> f.learningRate(0.01).weightDecay(0)),
            Method.autoLambda(a -> a.outer(AutoLambda.Outer.TUNING)),
            Method.metaTartan(t -> t.headSteps(3)));
    for (Method m : methods) {
      Method back = Methods.parse(m.name());
      assertThat(back.name()).isEqualTo(m.name());
      assertThat(back.settings()).as(m.name()).isEqualTo(m.settings());
      assertThat(back.role()).isEqualTo(m.role());
    }
    for (String id : Methods.ids()) {
      assertThat(Methods.parse(id).name()).isEqualTo(id);
    }
    assertThat(Methods.parse("mgda(upperBound=true)").settings())
        .isEqualTo(Method.mgda(m -> m.upperBound(true)).settings());
    assertThat(Methods.parse("cagrad(rescale=none calpha=0.5)").name())
        .isEqualTo("cagrad(calpha=0.5 rescale=none)");
    assertThat(Methods.parse("avil(evidence=3 rho=0.5)").name())
        .as("options in any order, named in the options' order")
        .isEqualTo("avil(evidence=3 rho=0.5)");
  }

  @Test
  void everyOptionAMethodDescribesCanBeSetFromItsText() {
    for (String id : Methods.ids()) {
      MethodOptions o = Methods.parse(id).settings();
      for (Map.Entry<String, String> e : o.describe().entrySet()) {
        assertThat(o.with(e.getKey(), e.getValue()).describe())
            .as("%s %s=%s", id, e.getKey(), e.getValue())
            .isEqualTo(o.describe());
      }
    }
  }

  @Test
  void aListSplitsAtCommasOutsideParentheses() {
    assertThat(Methods.parseList("single-task, uniform,avil(rho=0.5 evidence=3)"))
        .extracting(Method::name)
        .containsExactly("single-task", "uniform", "avil(evidence=3 rho=0.5)");
    assertThat(Methods.studyDefaults().stream().map(Methods::parse).map(Method::name))
        .containsExactlyElementsOf(Methods.studyDefaults());
  }

  @Test
  void badNamesAreRefusedWithWhatIsAccepted() {
    assertRefused(() -> Methods.parse("alphavil"), "unknown method 'alphavil'", "avil-paper");
    assertThatThrownBy(() -> Methods.parse("avil(rho=0.5"))
        .hasMessageContaining("does not close them");
    assertThatThrownBy(() -> Methods.parse("avil(speed=3)"))
        .hasMessageContaining("unknown option 'speed'")
        .hasMessageContaining("stepLimit");
    assertThatThrownBy(() -> Methods.parse("avil(update=sideways)"))
        .hasMessageContaining("option update 'sideways' is not accepted")
        .hasMessageContaining("multiplicative");
    assertThatThrownBy(() -> Methods.parse("avil(rho=2)")).hasMessageContaining("rho 2.0 must be");
    assertThatThrownBy(() -> Methods.parse("mgda(normalization=loss+)"))
        .hasMessageContaining("option normalization 'loss+' is not accepted")
        .hasMessageContaining("loss-plus");
  }

  @Test
  void theBaselineIsTheSingleTaskRoleWhateverItsName() {
    Comparison c =
        TinyComparison.run("noise", 1, Method.uniform(), Method.singleTask().named("ST"));
    assertThat(c.baseline()).isEqualTo("ST");
    assertThat(c.table().stringColumn("method").asList()).containsExactly("uniform", "ST");
    assertThat(c.runs("ST").get(0).config()).containsEntry("role", "single-task");
  }

  @Test
  void aCustomMethodWithoutARoleOrStrategyIsRefusedByName() {
    assertThatThrownBy(() -> Method.custom("mine", null, Uniform.OPTIONS, o -> new Uniform()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method mine needs a role, options and a strategy");
    assertThatThrownBy(() -> Method.custom("mine", MethodRole.MULTITASK, Uniform.OPTIONS, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            Method.custom("mine", MethodRole.MULTITASK, Uniform.OPTIONS, o -> new Uniform())
                .role()
                .needsAux())
        .isTrue();
  }
}
