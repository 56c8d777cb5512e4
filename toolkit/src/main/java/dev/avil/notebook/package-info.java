/**
 * Display integration for Java Jupyter kernels built on JJava. {@link
 * dev.avil.notebook.AvilExtension} is found by the kernel as a service as soon as the toolkit is on
 * a notebook's classpath: from then on results, comparisons, Tablesaw tables and figures display as
 * HTML (plotly.js inlined once per kernel session, nothing from a CDN; each of the toolkit's
 * figures with a static image that stays where scripts do not run), and training shows its progress
 * in one output that updates in place ({@link dev.avil.notebook.NotebookProgress}).
 *
 * <pre>{@code
 * %maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT
 * Experiment.target(left).aux(right, noise).run()
 * }</pre>
 */
package dev.avil.notebook;
