package dev.avil.api;

import dev.avil.train.Strategy;
import dev.avil.weighting.MethodOptions;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One entry of the method catalogue: the identifier, the role, the options' defaults and how a
 * run's strategy is made from options. Every factory of {@link Method} and every name {@link
 * Methods} parses goes through one.
 */
record CatalogueEntry<O extends MethodOptions>(
    String id, MethodRole role, O defaults, Function<O, Strategy> make) {

  /** The entry's method with its defaults changed by {@code configure}, named by what differs. */
  Method with(UnaryOperator<O> configure) {
    O o = configure.apply(defaults);
    if (o == null) {
      throw new IllegalArgumentException(
          "the " + id + " options function returned null; return the options it was given");
    }
    return method(o);
  }

  /** The entry's method with {@code options} (which must be of the entry's type), named by them. */
  Method method(MethodOptions options) {
    return new Method(nameOf(options), role, options, erase(make));
  }

  /** The identifier, then in parentheses the options of {@code o} that differ from the defaults. */
  String nameOf(MethodOptions o) {
    StringBuilder changed = new StringBuilder();
    Map<String, String> d = defaults.describe();
    o.describe()
        .forEach(
            (k, v) -> {
              if (!v.equals(d.get(k))) {
                changed.append(changed.length() == 0 ? "" : " ").append(k).append('=').append(v);
              }
            });
    return changed.length() == 0 ? id : id + "(" + changed + ")";
  }

  /** {@code f} taking any options (null for null); the caller guarantees their type. */
  @SuppressWarnings("unchecked")
  static <O extends MethodOptions> Function<MethodOptions, Strategy> erase(
      Function<O, Strategy> f) {
    return f == null ? null : o -> f.apply((O) o);
  }
}
