package dev.avil.api;

import dev.avil.train.Strategy;
import dev.avil.weighting.AlphaVil;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.Dwa;
import dev.avil.weighting.ForkMerge;
import dev.avil.weighting.Gcs;
import dev.avil.weighting.MethodOptions;
import dev.avil.weighting.OlAux;
import dev.avil.weighting.SingleTask;
import dev.avil.weighting.UncertaintyWeighting;
import dev.avil.weighting.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A weighting method with its options resolved. Immutable; each run gets a fresh strategy.
 *
 * <pre>{@code
 * Method.singleTask();
 * Method.uniform();
 * Method.alphaVil();
 * Method.alphaVil(a -> a.rho(0.5).alphaSteps(20)).named("αVIL ρ=.5");
 * Method.gcs(g -> g.form(Gcs.Form.WEIGHTED));
 * Method.olAux();  Method.forkMerge();  Method.dwa();  Method.uncertainty();
 * }</pre>
 */
public final class Method {
  private final String name;
  private final LinkedHashMap<String, String> orderedOptions;
  private final Supplier<Strategy> strategy;
  private final boolean needsAux;

  private Method(
      String name, Map<String, String> options, Supplier<Strategy> strategy, boolean needsAux) {
    if (name == null || name.isBlank() || name.contains("\n")) {
      throw new IllegalArgumentException(
          "method name '" + name + "' must be a non-blank single line");
    }
    this.name = name;
    this.orderedOptions = new LinkedHashMap<>(options);
    this.strategy = strategy;
    this.needsAux = needsAux;
  }

  /** Single-task learning: the target alone. */
  public static Method singleTask() {
    return singleTask(UnaryOperator.identity());
  }

  /**
   * Single-task learning with options, e.g. {@code s -> s.passes(6)}: a baseline that takes at
   * least as many target steps per epoch as the methods that take more than one pass's worth (GCS
   * and OL-AUX, about 4 passes' worth in the image settings). See {@link SingleTask}.
   */
  public static Method singleTask(UnaryOperator<SingleTask.Options> configure) {
    SingleTask.Options defaults = SingleTask.Options.defaults();
    return configured("single-task", defaults, configure, SingleTask::new, false);
  }

  /** Uniform multitask learning: every task weight 1, tasks interleaved batch by batch. */
  public static Method uniform() {
    return new Method("uniform", Map.of(), Uniform::new, true);
  }

  /** αVIL with its default options (see {@link AlphaVilOptions}). */
  public static Method alphaVil() {
    return alphaVil(UnaryOperator.identity());
  }

  /**
   * αVIL with options changed from the defaults, e.g. {@code a -> a.rho(0.5)}. The name lists the
   * options that differ from the defaults, so variants can be compared side by side.
   */
  public static Method alphaVil(UnaryOperator<AlphaVilOptions> configure) {
    return configured("αVIL", AlphaVilOptions.defaults(), configure, AlphaVil::new, true);
  }

  /**
   * αVIL with the recipe recalled from the paper ({@link AlphaVilOptions#paper()}), named "αVIL
   * (paper)": for reproducing it beside the default.
   */
  public static Method alphaVilPaper() {
    return alphaVil(a -> AlphaVilOptions.paper()).named("αVIL (paper)");
  }

  /** Gradient cosine similarity (Du et al. 2018), gated. See {@link Gcs}. */
  public static Method gcs() {
    return gcs(UnaryOperator.identity());
  }

  /** GCS with options, e.g. {@code g -> g.form(Gcs.Form.WEIGHTED)}. */
  public static Method gcs(UnaryOperator<Gcs.Options> configure) {
    return configured("GCS", Gcs.Options.defaults(), configure, Gcs::new, true);
  }

  /** Online learning of auxiliary weights (Lin et al. 2019). See {@link OlAux}. */
  public static Method olAux() {
    return olAux(UnaryOperator.identity());
  }

  /** OL-AUX with options, e.g. {@code o -> o.beta(0.1).horizon(10)}. */
  public static Method olAux(UnaryOperator<OlAux.Options> configure) {
    return configured("OL-AUX", OlAux.Options.defaults(), configure, OlAux::new, true);
  }

  /** ForkMerge (Jiang et al. 2023). See {@link ForkMerge}. */
  public static Method forkMerge() {
    return forkMerge(UnaryOperator.identity());
  }

  /** ForkMerge with options, e.g. {@code f -> f.gridStep(0.05)}. */
  public static Method forkMerge(UnaryOperator<ForkMerge.Options> configure) {
    return configured("ForkMerge", ForkMerge.Options.defaults(), configure, ForkMerge::new, true);
  }

  /** Dynamic weight average (Liu et al. 2019). See {@link Dwa}. */
  public static Method dwa() {
    return dwa(UnaryOperator.identity());
  }

  /** DWA with options, e.g. {@code d -> d.temperature(1)}. */
  public static Method dwa(UnaryOperator<Dwa.Options> configure) {
    return configured("DWA", Dwa.Options.defaults(), configure, Dwa::new, true);
  }

  /** Uncertainty weighting (Kendall et al. 2018). See {@link UncertaintyWeighting}. */
  public static Method uncertainty() {
    return uncertainty(UnaryOperator.identity());
  }

  /** Uncertainty weighting with options, e.g. {@code u -> u.learningRate(0.01)}. */
  public static Method uncertainty(UnaryOperator<UncertaintyWeighting.Options> configure) {
    UncertaintyWeighting.Options defaults = UncertaintyWeighting.Options.defaults();
    return configured("uncertainty", defaults, configure, UncertaintyWeighting::new, true);
  }

  /**
   * A method from its defaults and the user's changes to them; the name lists what differs from the
   * defaults.
   */
  private static <O extends MethodOptions> Method configured(
      String base,
      O defaults,
      UnaryOperator<O> configure,
      Function<O, Strategy> strategy,
      boolean needsAux) {
    O o = configure.apply(defaults);
    if (o == null) {
      throw new IllegalArgumentException(
          "the " + base + " options function returned null; return the options it was given");
    }
    StringBuilder changed = new StringBuilder();
    Map<String, String> d = defaults.describe();
    o.describe()
        .forEach(
            (k, v) -> {
              if (!v.equals(d.get(k))) {
                changed.append(changed.length() == 0 ? "" : " ").append(k).append('=').append(v);
              }
            });
    String name = changed.length() == 0 ? base : base + "(" + changed + ")";
    return new Method(name, o.describe(), () -> strategy.apply(o), needsAux);
  }

  /**
   * A method of your own: a strategy factory called once per run.
   *
   * @param options the resolved options, recorded with the results
   */
  public static Method custom(
      String name, Map<String, String> options, Supplier<Strategy> strategy, boolean needsAux) {
    return new Method(name, options, strategy, needsAux);
  }

  /** The same method under another name. */
  public Method named(String newName) {
    return new Method(newName, orderedOptions, strategy, needsAux);
  }

  /** The method's name. */
  public String name() {
    return name;
  }

  /** The method's resolved options, in a stable order. */
  public Map<String, String> options() {
    return new LinkedHashMap<>(orderedOptions);
  }

  /** Whether the method needs at least one auxiliary task. */
  public boolean needsAux() {
    return needsAux;
  }

  Strategy newStrategy() {
    return strategy.get();
  }

  @Override
  public String toString() {
    return name + (orderedOptions.isEmpty() ? "" : " " + orderedOptions);
  }
}
