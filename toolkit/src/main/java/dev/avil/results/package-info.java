/**
 * What results are made of: one long-format {@link dev.avil.results.Record} per method, seed,
 * epoch, task and {@link dev.avil.results.Metric}. The engine ({@code dev.avil.train}) makes them;
 * {@code dev.avil.api} keeps them as results and comparisons, and {@code dev.avil.report} builds
 * tables, figures and files from them. Nothing here trains or formats.
 *
 * <pre>{@code
 * double finalWeight = results.records().stream()
 *     .filter(r -> r.epoch() == results.epochs() && r.task().equals("noise"))
 *     .filter(r -> r.metric() == Metric.WEIGHT)
 *     .mapToDouble(Record::value).findFirst().orElse(Double.NaN);
 * }</pre>
 */
package dev.avil.results;
