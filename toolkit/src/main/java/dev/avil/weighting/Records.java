package dev.avil.weighting;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Copies of records with one component changed: the withers of option groups, written once. */
final class Records {
  private Records() {}

  /**
   * {@code r} with its component {@code name} set to {@code value}, checked by its canonical
   * constructor; {@code r} itself if it has no such component.
   *
   * @throws IllegalArgumentException as the constructor throws it, for a value it refuses
   */
  static <R extends Record> R with(R r, String name, Object value) {
    RecordComponent[] cs = r.getClass().getRecordComponents();
    if (Arrays.stream(cs).noneMatch(c -> c.getName().equals(name))) {
      return r;
    }
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    try {
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
        args[i] = cs[i].getName().equals(name) ? value : cs[i].getAccessor().invoke(r);
      }
      @SuppressWarnings("unchecked")
      R copy = (R) r.getClass().getDeclaredConstructor(types).newInstance(args);
      return copy;
    } catch (ReflectiveOperationException e) {
      throw unwrap(e);
    }
  }

  /**
   * What a reflective call to a constructor or wither threw, to rethrow: the {@link
   * IllegalArgumentException} that names a refused value as it is, anything else wrapped.
   */
  static RuntimeException unwrap(ReflectiveOperationException e) {
    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
    return cause instanceof IllegalArgumentException iae ? iae : new IllegalStateException(cause);
  }
}
