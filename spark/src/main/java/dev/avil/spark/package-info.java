/**
 * Studies and comparison plans on Apache Spark: one Spark job per study, one task per (setting,
 * method, seed) cell. Executors train their cell with the toolkit and return its records as plain
 * data; the driver writes them in the study's CSV layout, so {@code Study --summarize}, {@code
 * Comparison.read} and the notebooks read them unchanged.
 *
 * <ul>
 *   <li>{@link dev.avil.spark.SparkJob}: the job, built from {@link dev.avil.spark.Plans} (how an
 *       executor builds a setting's comparison plan) and the cells to run.
 *   <li>{@code CellTask} (internal): what one task does on an executor.
 *   <li>{@link dev.avil.spark.CellSink}: where the driver writes finished cells, and what it finds
 *       already written when a job starts again.
 *   <li>{@link dev.avil.spark.SparkStudy}: the reproduction study's command line on Spark.
 * </ul>
 *
 * <p>The toolkit itself knows nothing of Spark; this module depends on it, not the other way.
 */
package dev.avil.spark;
