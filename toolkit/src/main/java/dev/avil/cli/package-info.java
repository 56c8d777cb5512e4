/** Command-line entry points: the project's main job. */
package dev.avil.cli;
