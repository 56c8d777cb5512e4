package dev.avil.weighting;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options of a weighting method: immutable, each with a default, and listed for provenance. Every
 * key {@link #describe()} prints is the name of a wither a user can call, and {@link #with(String,
 * String)} calls it from text, so a method's name (such as {@code avil(rho=0.5)}) reads back into
 * the same options.
 */
public interface MethodOptions {
  /**
   * Every option, resolved, in a stable order, each as its wither takes it back. For options that
   * are a record, its components by name, each the name of its wither.
   */
  default Map<String, String> describe() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    java.lang.reflect.RecordComponent[] components = getClass().getRecordComponents();
    for (java.lang.reflect.RecordComponent c :
        components == null ? new java.lang.reflect.RecordComponent[0] : components) {
      try {
        Object v = c.getAccessor().invoke(this);
        m.put(
            c.getName(),
            v instanceof Double d
                ? format(d)
                : v instanceof Enum<?> e ? format(e) : String.valueOf(v));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }

  /**
   * These options with the one called {@code key} set from {@code value}, as {@link #describe()}
   * writes it: a number, {@code true}/{@code false}, or an enum constant in lower case with dashes.
   *
   * @throws IllegalArgumentException naming the key and what is accepted, if there is no such
   *     option or the value does not fit it
   */
  default MethodOptions with(String key, String value) {
    for (Method m : getClass().getMethods()) {
      if (m.getName().equals(key)
          && m.getParameterCount() == 1
          && getClass().isAssignableFrom(m.getReturnType())
          && describe().containsKey(key)) {
        try {
          return (MethodOptions) m.invoke(this, parse(m.getParameterTypes()[0], key, value));
        } catch (ReflectiveOperationException e) {
          throw Records.unwrap(e);
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown option '" + key + "'; accepted: " + String.join(", ", describe().keySet()));
  }

  private static Object parse(Class<?> type, String key, String value) {
    try {
      if (type == int.class) {
        return Integer.parseInt(value);
      }
      if (type == double.class) {
        return value.equals(AUTO) ? Double.NaN : Double.parseDouble(value);
      }
      if (type == boolean.class) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException();
        }
        return Boolean.parseBoolean(value);
      }
      if (type.isEnum()) {
        Object c = constant(type.asSubclass(Enum.class), value);
        if (c != null) {
          return c;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the message below
    }
    String accepted =
        type.isEnum() ? choices(type) : type == boolean.class ? "true or false" : "a number";
    throw new IllegalArgumentException(
        "option " + key + " '" + value + "' is not accepted; accepted: " + accepted);
  }

  /**
   * Checks one option: unless {@code ok}, fails with a message that names the option, the value
   * given and what is accepted, such as "DWA temperature 0.0 must be a finite number &gt; 0".
   *
   * @throws IllegalArgumentException unless {@code ok}
   */
  static void require(boolean ok, String option, Object value, String accepted) {
    if (!ok) {
      throw new IllegalArgumentException(option + " " + value + " must be " + accepted);
    }
  }

  /**
   * Checks that an option that is one of the constants of {@code type} is set: unless it is, fails
   * with a message that names the option and every constant as options write it ("GCS form null
   * must be gated or weighted").
   *
   * @throws IllegalArgumentException if {@code value} is null
   */
  static <E extends Enum<E>> void requireChoice(String option, E value, Class<E> type) {
    require(value != null, option, value, choices(type));
  }

  /** The constants of {@code type} as options write them: "a, b or c". */
  private static String choices(Class<?> type) {
    List<String> all =
        Arrays.stream(type.getEnumConstants()).map(c -> format((Enum<?>) c)).toList();
    return all.size() == 1
        ? all.get(0)
        : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }

  /**
   * Checks that option {@code option} is a finite number &gt; 0.
   *
   * @throws IllegalArgumentException if it is not
   */
  static void requirePositive(String option, double value) {
    require(value > 0 && Double.isFinite(value), option, value, "a finite number > 0");
  }

  /**
   * A number as options show it: integers without a decimal point, and NaN, which an option takes
   * to mean that the method chooses the value, as {@code auto}.
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return AUTO;
    }
    return v == Math.rint(v) && !Double.isInfinite(v)
        ? Long.toString((long) v)
        : Double.toString(v);
  }

  /** How a number the method chooses for itself (NaN) is written. */
  String AUTO = "auto";

  /**
   * An enum constant as the toolkit writes it, in options, names and configurations: lower case,
   * with dashes ({@code TARGET_AWARE} is {@code target-aware}).
   */
  static String format(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of {@code type} that {@link #format(Enum)} writes as {@code id}, or null. */
  static <E extends Enum<E>> E constant(Class<E> type, String id) {
    for (E e : type.getEnumConstants()) {
      if (format(e).equals(id)) {
        return e;
      }
    }
    return null;
  }
}
