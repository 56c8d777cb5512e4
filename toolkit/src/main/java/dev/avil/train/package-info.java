/**
 * The one training engine: the epoch loop with early stopping, batching, evaluation, parameter
 * vectors, the lanes and cells that run passes and runs side by side, progress listeners (the
 * plain-text {@link dev.avil.train.ProgressLog} among them) and the DJL runtime settings.
 * Strategies in {@code dev.avil.weighting} drive it; tables and figures are made in {@code
 * dev.avil.report}.
 */
package dev.avil.train;
