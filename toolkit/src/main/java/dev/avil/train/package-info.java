/**
 * The one training engine: epoch loop, batching, evaluation, parameter vectors, progress listeners
 * and the DJL runtime settings. Strategies in {@code dev.avil.weighting} drive it; nothing here
 * formats output.
 */
package dev.avil.train;
