/**
 * The one training engine. {@link dev.avil.train.EpochLoop} runs the epoch loop with early stopping
 * and makes each epoch's records ({@code dev.avil.results}); a {@link dev.avil.train.Strategy} from
 * {@code dev.avil.weighting} trains each epoch through the primitives of a {@link
 * dev.avil.train.TrainingRun}: interleaved, joint and per-task passes, parameter vectors ({@link
 * dev.avil.train.ParamVector}) and the target's tuning loss and gradient. Inside a run, passes and
 * evaluation spread over lanes, copies of the network on worker threads; {@link
 * dev.avil.train.Cells} runs whole runs side by side. Also here: progress listeners and the DJL
 * runtime settings.
 *
 * <p>The one output formatted here is {@link dev.avil.train.ProgressLog}'s line of plain text per
 * epoch; tables, figures and files are made in {@code dev.avil.report}.
 */
package dev.avil.train;
