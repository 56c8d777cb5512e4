package dev.avil.api;

import dev.avil.weighting.MethodOptions;

/** What a method does with the auxiliary tasks, which decides its place in a comparison. */
public enum MethodRole {
  /** Trains the target alone: the baseline of paired differences. */
  SINGLE_TASK,
  /** Weighs every task the same way, the target among them (uniform MTL, loss balancing). */
  MULTITASK,
  /** Weighs the auxiliary tasks by what they do for the target. */
  TARGET_AWARE;

  /** Whether a method of this role needs at least one auxiliary task. */
  public boolean needsAux() {
    return this != SINGLE_TASK;
  }

  /** The role as the configuration records it: lower case, with dashes. */
  public String id() {
    return MethodOptions.format(this);
  }

  /** The role recorded as {@code id}, or null for none. */
  static MethodRole fromId(String id) {
    return MethodOptions.constant(MethodRole.class, id);
  }
}
