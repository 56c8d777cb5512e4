/**
 * Tasks: a name, a number of classes, an input shape and train, dev and test splits, built from
 * Java arrays ({@link dev.avil.task.Task#builder}), a Tablesaw table ({@link
 * dev.avil.task.Tasks#fromTable}), texts ({@link dev.avil.task.Tasks#fromText}) or a data set. A
 * builder given one set of examples splits it at random by named shares ({@link
 * dev.avil.task.Share}): {@code split(dev(0.2), test(0.2))}. Nothing here depends on DJL, except
 * that {@link dev.avil.task.Tasks#fromText} encodes texts through {@link
 * dev.avil.text.TextEncoder}.
 */
package dev.avil.task;
