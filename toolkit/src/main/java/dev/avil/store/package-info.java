/**
 * Persistence, in one place: every file the toolkit writes goes through {@link
 * dev.avil.store.AtomicFiles}, so a killed process leaves the old file or the new one, never part
 * of either. {@link dev.avil.store.Csv} reads and writes CSV through Tablesaw with line-precise
 * errors; {@link dev.avil.store.RunFiles} keeps runs as {@code history.csv} and {@code config.csv},
 * checked run by run when read; {@link dev.avil.store.CellStore} keeps a study's runs one folder
 * per run.
 *
 * <pre>{@code
 * CellStore store = CellStore.at(Path.of("studies/mnist-negative"));
 * store.write(run);
 * store.scan().complete();
 * }</pre>
 */
package dev.avil.store;
