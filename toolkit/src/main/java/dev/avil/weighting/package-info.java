/**
 * One strategy per method, each citing its paper and stating its defaults: single-task, uniform
 * multitask learning, αVIL (with its α solver and weight rules), GCS, OL-AUX, ForkMerge, DWA,
 * uncertainty weighting, PCGrad, MGDA and CAGrad. Each method's options are an immutable record
 * with named withers ({@link dev.avil.weighting.MethodOptions}); users pick methods through {@code
 * dev.avil.api.Method}. A strategy decides how one epoch trains; the engine does the arithmetic.
 */
package dev.avil.weighting;
