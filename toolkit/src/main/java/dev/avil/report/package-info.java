/**
 * Views of results, each laid out once: the tables, figures and pages of a run ({@link
 * dev.avil.report.RunViews}) and of a comparison ({@link dev.avil.report.ComparisonViews}), which
 * the API's results and comparisons implement; statistics over seeds from Tablesaw's {@code
 * summarize} with exact t intervals ({@link dev.avil.report.SeedStats}, {@link
 * dev.avil.report.Stats}); figures ({@link dev.avil.report.Figure}), interactive with plotly.js and
 * carrying a static image of themselves for where scripts do not run, which also saves as SVG or
 * PNG; and standalone HTML with plotly.js inlined so that it opens offline. Nothing here trains.
 *
 * <pre>{@code
 * r.weightPlot().save(Path.of("weights.svg"));
 * ComparisonViews.page(c).save(Path.of("report.html"));
 * }</pre>
 */
package dev.avil.report;
