/**
 * Tasks: a name, a number of classes, an input shape and train, dev and test splits, built from
 * Java arrays, a Tablesaw table or a data set. Nothing here depends on DJL.
 */
package dev.avil.task;
