package dev.avil.train;

/**
 * Coefficients of a joint step, indexed like the participating tasks.
 *
 * @param trunk coefficient of each task's gradient on the shared trunk
 * @param head coefficient of each task's gradient on its own head
 */
public record Combination(double[] trunk, double[] head) {}
