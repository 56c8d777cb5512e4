package dev.avil.api;

import dev.avil.train.Strategy;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.Arml;
import dev.avil.weighting.AutoLambda;
import dev.avil.weighting.CaGrad;
import dev.avil.weighting.Dwa;
import dev.avil.weighting.Famo;
import dev.avil.weighting.ForkMerge;
import dev.avil.weighting.Gcs;
import dev.avil.weighting.GradNorm;
import dev.avil.weighting.MetaTartan;
import dev.avil.weighting.MethodOptions;
import dev.avil.weighting.Mgda;
import dev.avil.weighting.NashMtl;
import dev.avil.weighting.OlAux;
import dev.avil.weighting.PcGrad;
import dev.avil.weighting.PriPcGrad;
import dev.avil.weighting.SingleTask;
import dev.avil.weighting.UncertaintyWeighting;
import dev.avil.weighting.WeightRate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A weighting method with its options resolved. Immutable; each run gets a fresh strategy. A method
 * has one name, used in tables, figures, files, the command line and the study alike: its catalogue
 * identifier ({@link Methods}), followed by the options that differ from that entry's, as in {@code
 * avil(rho=0.5 evidence=3)}; {@link Methods#parse} reads such a name back.
 *
 * <pre>{@code
 * Method.singleTask();
 * Method.uniform();
 * Method.alphaVil();
 * Method.alphaVil(a -> a.rho(0.5).alphaSteps(20));      // named avil(alphaSteps=20 rho=0.5)
 * Method.gcs(g -> g.form(Gcs.Form.WEIGHTED));               // and so for every catalogue entry
 * Method.autoLambda(a -> a.outer(AutoLambda.Outer.TUNING));  Method.mgda(m -> m.upperBound(true));
 * }</pre>
 */
public final class Method {
  private final String name;
  private final MethodRole role;
  private final MethodOptions options;
  private final Function<MethodOptions, Strategy> strategy;

  Method(
      String name,
      MethodRole role,
      MethodOptions options,
      Function<MethodOptions, Strategy> strategy) {
    if (name == null || name.isBlank() || name.contains("\n")) {
      throw new IllegalArgumentException(
          "method name '" + name + "' must be a non-blank single line");
    }
    if (role == null || options == null || strategy == null) {
      throw new IllegalArgumentException(
          "method " + name + " needs a role, options and a strategy; got " + role + ", " + options);
    }
    this.name = name;
    this.role = role;
    this.options = options;
    this.strategy = strategy;
  }

  /** Single-task learning: the target alone. */
  public static Method singleTask() {
    return singleTask(UnaryOperator.identity());
  }

  /** Single-task learning with options, e.g. {@code s -> s.passes(6)}. See {@link SingleTask}. */
  public static Method singleTask(UnaryOperator<SingleTask.Options> configure) {
    return Methods.SINGLE_TASK.with(configure);
  }

  /** Uniform multitask learning: every task weight 1, tasks interleaved batch by batch. */
  public static Method uniform() {
    return Methods.UNIFORM.with(UnaryOperator.identity());
  }

  /** αVIL with its default options (see {@link AlphaVilOptions}). */
  public static Method alphaVil() {
    return alphaVil(UnaryOperator.identity());
  }

  /** αVIL with options changed from the defaults, e.g. {@code a -> a.rho(0.5)}. */
  public static Method alphaVil(UnaryOperator<AlphaVilOptions> configure) {
    return Methods.AVIL.with(configure);
  }

  /** αVIL with the recipe recalled from the paper, {@link AlphaVilOptions#paper()}. */
  public static Method alphaVilPaper() {
    return alphaVilPaper(UnaryOperator.identity());
  }

  /** The paper's recipe with options changed from it, named by what differs. */
  public static Method alphaVilPaper(UnaryOperator<AlphaVilOptions> configure) {
    return Methods.AVIL_PAPER.with(configure);
  }

  /** Gradient cosine similarity (Du et al. 2018), gated. See {@link Gcs}. */
  public static Method gcs() {
    return gcs(UnaryOperator.identity());
  }

  /** GCS with options, e.g. {@code g -> g.form(Gcs.Form.WEIGHTED)}. */
  public static Method gcs(UnaryOperator<Gcs.Options> configure) {
    return Methods.GCS.with(configure);
  }

  /** Online learning of auxiliary weights (Lin et al. 2019). See {@link OlAux}. */
  public static Method olAux() {
    return olAux(UnaryOperator.identity());
  }

  /** OL-AUX with options, e.g. {@code o -> o.beta(0.1).horizon(10)}. */
  public static Method olAux(UnaryOperator<OlAux.Options> configure) {
    return Methods.OL_AUX.with(configure);
  }

  /** ForkMerge (Jiang et al. 2023). See {@link ForkMerge}. */
  public static Method forkMerge() {
    return forkMerge(UnaryOperator.identity());
  }

  /** ForkMerge with options, e.g. {@code f -> f.gridStep(0.05)}. */
  public static Method forkMerge(UnaryOperator<ForkMerge.Options> configure) {
    return Methods.FORKMERGE.with(configure);
  }

  /** Dynamic weight average (Liu et al. 2019). See {@link Dwa}. */
  public static Method dwa() {
    return dwa(UnaryOperator.identity());
  }

  /** DWA with options, e.g. {@code d -> d.temperature(1)}. */
  public static Method dwa(UnaryOperator<Dwa.Options> configure) {
    return Methods.DWA.with(configure);
  }

  /** Uncertainty weighting (Kendall et al. 2018). See {@link UncertaintyWeighting}. */
  public static Method uncertainty() {
    return uncertainty(UnaryOperator.identity());
  }

  /** Uncertainty weighting with options, e.g. {@code u -> u.learningRate(0.01)}. */
  public static Method uncertainty(UnaryOperator<WeightRate> configure) {
    return Methods.UNCERTAINTY.with(configure);
  }

  /**
   * PCGrad with the target first (ForkMerge's baseline): an auxiliary gradient that conflicts with
   * the target's loses its component along it. See {@link PriPcGrad}.
   */
  public static Method priPcGrad() {
    return Methods.PRIPCGRAD.with(UnaryOperator.identity());
  }

  /** Auto-λ (Liu, Johns &amp; Davison 2022). See {@link AutoLambda}. */
  public static Method autoLambda() {
    return autoLambda(UnaryOperator.identity());
  }

  /** Auto-λ with options, e.g. {@code a -> a.outer(AutoLambda.Outer.TUNING)}. */
  public static Method autoLambda(UnaryOperator<AutoLambda.Options> configure) {
    return Methods.AUTO_LAMBDA.with(configure);
  }

  /** META-TARTAN (Dery et al. 2022). See {@link MetaTartan}. */
  public static Method metaTartan() {
    return metaTartan(UnaryOperator.identity());
  }

  /** META-TARTAN with options, e.g. {@code t -> t.learningRate(1e-2)}. */
  public static Method metaTartan(UnaryOperator<MetaTartan.Options> configure) {
    return Methods.META_TARTAN.with(configure);
  }

  /** Auxiliary-task reweighting for minimum-data learning (Shi et al. 2020). See {@link Arml}. */
  public static Method arml() {
    return arml(UnaryOperator.identity());
  }

  /** ARML with options, e.g. {@code a -> a.learningRate(0.01)}. */
  public static Method arml(UnaryOperator<WeightRate> configure) {
    return Methods.ARML.with(configure);
  }

  /** Projecting conflicting gradients (Yu et al. 2020). See {@link PcGrad}. */
  public static Method pcGrad() {
    return pcGrad(UnaryOperator.identity());
  }

  /** PCGrad with options, e.g. {@code p -> p.reduction(PcGrad.Reduction.MEAN)}. */
  public static Method pcGrad(UnaryOperator<PcGrad.Options> configure) {
    return Methods.PCGRAD.with(configure);
  }

  /** The multiple gradient descent algorithm (Sener &amp; Koltun 2018). See {@link Mgda}. */
  public static Method mgda() {
    return mgda(UnaryOperator.identity());
  }

  /** MGDA with options, e.g. {@code m -> m.upperBound(true)} for MGDA-UB. */
  public static Method mgda(UnaryOperator<Mgda.Options> configure) {
    return Methods.MGDA.with(configure);
  }

  /** Conflict-averse gradient descent (Liu et al. 2021). See {@link CaGrad}. */
  public static Method caGrad() {
    return caGrad(UnaryOperator.identity());
  }

  /** CAGrad with options, e.g. {@code c -> c.calpha(0.5)}. */
  public static Method caGrad(UnaryOperator<CaGrad.Options> configure) {
    return Methods.CAGRAD.with(configure);
  }

  /** Fast adaptive multitask optimisation (Liu et al. 2023). See {@link Famo}. */
  public static Method famo() {
    return famo(UnaryOperator.identity());
  }

  /** FAMO with options, e.g. {@code f -> f.learningRate(0.01)}. */
  public static Method famo(UnaryOperator<Famo.Options> configure) {
    return Methods.FAMO.with(configure);
  }

  /** GradNorm (Chen et al. 2018). See {@link GradNorm}. */
  public static Method gradNorm() {
    return gradNorm(UnaryOperator.identity());
  }

  /** GradNorm with options, e.g. {@code g -> g.alpha(0.5)}. */
  public static Method gradNorm(UnaryOperator<GradNorm.Options> configure) {
    return Methods.GRADNORM.with(configure);
  }

  /** Nash-MTL (Navon et al. 2022). See {@link NashMtl}. */
  public static Method nashMtl() {
    return nashMtl(UnaryOperator.identity());
  }

  /** Nash-MTL with options, e.g. {@code n -> n.maxNorm(0)} for no clip. */
  public static Method nashMtl(UnaryOperator<NashMtl.Options> configure) {
    return Methods.NASH_MTL.with(configure);
  }

  /**
   * A method of your own: {@code strategy} makes a fresh strategy from {@code options} for every
   * run, and the options are recorded with the results.
   *
   * @param name the method's name: not blank, one line
   * @param role what it does with the auxiliary tasks ({@link MethodRole#SINGLE_TASK} needs none)
   * @param options its options, each with the value it runs with
   * @param strategy the strategy of one run
   * @throws IllegalArgumentException if an argument is missing or the name is not accepted
   */
  public static <O extends MethodOptions> Method custom(
      String name, MethodRole role, O options, Function<O, Strategy> strategy) {
    return new Method(name, role, options, CatalogueEntry.erase(strategy));
  }

  /** The same method under another name; its role and options stay. */
  public Method named(String newName) {
    return new Method(newName, role, options, strategy);
  }

  /** The method's name. */
  public String name() {
    return name;
  }

  /** What the method does with the auxiliary tasks. */
  public MethodRole role() {
    return role;
  }

  /** The method's options. */
  public MethodOptions settings() {
    return options;
  }

  /** The method's resolved options, in a stable order. */
  public Map<String, String> options() {
    return new LinkedHashMap<>(options.describe());
  }

  Strategy newStrategy() {
    return strategy.apply(options);
  }

  @Override
  public String toString() {
    return name + " " + options.describe();
  }
}
