/**
 * Tasks: a name, a number of classes, an input shape and train, dev and test splits, built from
 * Java arrays, a Tablesaw table, texts or a data set. Nothing here depends on DJL, except that
 * {@link dev.avil.task.Tasks#fromText} encodes texts through {@link dev.avil.text.TextEncoder}.
 */
package dev.avil.task;
