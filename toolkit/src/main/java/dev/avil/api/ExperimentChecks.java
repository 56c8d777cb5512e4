package dev.avil.api;

import dev.avil.model.Trunk;
import dev.avil.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of {@link Experiment}'s steps, each failing with an {@link IllegalArgumentException}
 * that names the value and what is accepted.
 */
final class ExperimentChecks {
  private ExperimentChecks() {}

  /** {@code aux} with {@code added} after it, once each is known to fit beside {@code target}. */
  static List<Task> withAux(Task target, List<Task> aux, Task... added) {
    List<Task> all = new ArrayList<>(aux);
    Set<String> names = new HashSet<>();
    names.add(target.name());
    aux.forEach(t -> names.add(t.name()));
    for (Task t : added) {
      if (t == null) {
        throw new IllegalArgumentException("auxiliary task must not be null");
      }
      if (t == target || t.name().equals(target.name())) {
        throw new IllegalArgumentException(
            "task '"
                + t.name()
                + "' is the target and cannot also be an auxiliary task; give an"
                + " auxiliary task another name with task.named(...)");
      }
      addUnique(
          names,
          t.name(),
          "duplicate task name '%s'; every task in an experiment needs its own"
              + " name (rename with task.named(...))");
      if (!Arrays.equals(t.inputShape(), target.inputShape())) {
        throw new IllegalArgumentException(
            "auxiliary task '"
                + t.name()
                + "' has input shape "
                + Arrays.toString(t.inputShape())
                + " but the target '"
                + target.name()
                + "' has "
                + Arrays.toString(target.inputShape())
                + "; all tasks share one trunk, so their input shapes must match");
      }
      all.add(t);
    }
    return List.copyOf(all);
  }

  /** Fails unless {@code trunk} takes the target's inputs (a trunk of any input shape does). */
  static void trunkFits(Task target, Trunk trunk) {
    if (trunk == null) {
      throw new IllegalArgumentException("trunk must not be null");
    }
    long[] want = trunk.inputShape();
    if (want != null && !Arrays.equals(want, target.inputShape())) {
      throw new IllegalArgumentException(
          "input shape "
              + Arrays.toString(target.inputShape())
              + " of target '"
              + target.name()
              + "' does not match trunk "
              + trunk.name()
              + ", which takes "
              + Arrays.toString(want));
    }
  }

  /** Fails unless {@code v} ≥ 1. */
  /**
   * Fails unless {@code ok}, with a message that names the setting, the value and what is accepted.
   */
  static void require(boolean ok, String setting, Object value, String accepted) {
    if (!ok) {
      throw new IllegalArgumentException(setting + " " + value + " must be " + accepted);
    }
  }

  static void positive(String what, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(what + " " + v + " must be ≥ 1");
    }
  }

  /** Fails unless there is at least one method, and no two share a name. */
  static List<Method> distinct(Method... methods) {
    if (methods.length == 0) {
      throw new IllegalArgumentException("compare needs at least one method, got none");
    }
    Set<String> names = new HashSet<>();
    for (Method m : methods) {
      if (m == null) {
        throw new IllegalArgumentException("method must not be null");
      }
      addUnique(
          names,
          m.name(),
          "method name '%s' appears twice; give variants their own names with method.named(...)");
    }
    return List.of(methods);
  }

  /** Fails if {@code m} needs auxiliary tasks and {@code aux} has none. */
  static void auxFor(Method m, List<Task> aux) {
    if (m.role().needsAux() && aux.isEmpty()) {
      throw new IllegalArgumentException(
          "method "
              + m.name()
              + " needs at least one auxiliary task; add some with .aux(...) or"
              + " use Method.singleTask()");
    }
  }

  /**
   * Adds {@code name} to {@code names}, or fails with {@code problem} (%s: the name) if it is
   * there.
   */
  private static void addUnique(Set<String> names, String name, String problem) {
    if (!names.add(name)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, problem, name));
    }
  }
}
