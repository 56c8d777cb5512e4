/**
 * One strategy per method: single-task, uniform multitask learning and αVIL. A strategy decides
 * how one epoch trains; the engine does the arithmetic.
 */
package dev.avil.weighting;
