/**
 * Command-line entry points: the project's main job, the study, the benchmark, the kernel floor and
 * the kernel check.
 */
package dev.avil.tools;
