package dev.avil.api;

import dev.avil.train.Strategy;
import dev.avil.weighting.AlphaVil;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.SingleTask;
import dev.avil.weighting.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * }</pre>
 */
public final class Method {
  private final String name;
  private final LinkedHashMap<String, String> orderedOptions;
  private final Supplier<Strategy> strategy;
  private final boolean needsAux;

  private Method(String name, Map<String, String> options, Supplier<Strategy> strategy, boolean needsAux) {
    if (name == null || name.isBlank() || name.contains("\n")) {
      throw new IllegalArgumentException("method name '" + name + "' must be a non-blank single line");
    }
    this.name = name;
    this.orderedOptions = new LinkedHashMap<>(options);
    this.strategy = strategy;
    this.needsAux = needsAux;
  }

  /** Single-task learning: the target alone. */
  public static Method singleTask() {
    return new Method("single-task", Map.of(), SingleTask::new, false);
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
    AlphaVilOptions defaults = AlphaVilOptions.defaults();
    AlphaVilOptions o = configure.apply(defaults);
    if (o == null) {
      throw new IllegalArgumentException("the αVIL options function returned null; return the options it was given");
    }
    StringBuilder changed = new StringBuilder();
    Map<String, String> d = defaults.describe();
    o.describe().forEach((k, v) -> {
      if (!v.equals(d.get(k))) {
        changed.append(changed.length() == 0 ? "" : " ").append(k).append('=').append(v);
      }
    });
    String name = changed.length() == 0 ? "αVIL" : "αVIL(" + changed + ")";
    return new Method(name, o.describe(), () -> new AlphaVil(o), true);
  }

  /**
   * A method of your own: a strategy factory called once per run.
   *
   * @param options the resolved options, recorded with the results
   */
  public static Method custom(String name, Map<String, String> options, Supplier<Strategy> strategy, boolean needsAux) {
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
