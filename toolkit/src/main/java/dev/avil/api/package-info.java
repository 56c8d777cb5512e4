/**
 * The classes most users touch: {@link dev.avil.api.Experiment} to describe a run, {@link
 * dev.avil.api.Method} to pick a weighting method, and {@link dev.avil.api.Results} and {@link
 * dev.avil.api.Comparison} to read what came back. {@link dev.avil.api.Settings} names the settings
 * of the study, the main job and the notebooks, each defined once, and {@link
 * dev.avil.api.DrawnSetting} draws settings a method was not tuned on.
 *
 * <pre>{@code
 * Results r = Experiment.target(left).aux(right, noise).alphaVil().run();
 * r.summary();
 * }</pre>
 */
package dev.avil.api;
